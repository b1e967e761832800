/** `kommentar check` as a real process against real config files, secrets and libSQL databases in a temp folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrations.js';
import { CLI, ensureBuilt } from '../helpers/process.js';

let dir: string;

/** `kommentar check` in the temp folder with only the given environment (no KOMMENTAR_* from outside). */
const check = (env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [CLI, 'check'], { cwd: dir, env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

function writeConfig(config: unknown): string {
  const path = join(dir, 'kommentar.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const GOOD = {
  publicUrl: 'https://comments.blog.example',
  adminPasswordHash: 'scrypt$placeholder',
  sites: [{ id: 'blog', origins: ['https://blog.example'] }],
  smtp: { host: 'smtp.blog.example', from: 'comments@blog.example', user: 'me', pass: 'pw', authorAddress: 'me@blog.example' },
};
const SECRET = 'a'.repeat(43);

async function migratedDatabase(): Promise<string> {
  const url = `file:${join(dir, 'kommentar.db')}`;
  const db = await openDatabase(url);
  await migrate(db);
  db.close();
  return url;
}

beforeAll(ensureBuilt);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kommentar check', () => {
  it('says "all good" and exits 0 for a complete production setup', async () => {
    const result = await check({ KOMMENTAR_CONFIG: writeConfig(GOOD), KOMMENTAR_SECRET: SECRET, KOMMENTAR_DB_URL: await migratedDatabase() });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('all good');
  });

  it('a fresh setup: warnings for what the first start creates, still exit 0', async () => {
    const result = await check({ KOMMENTAR_CONFIG: writeConfig({ ...GOOD, adminPasswordHash: undefined }), KOMMENTAR_DATA_DIR: join(dir, 'data') });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('warning: '))).toHaveLength(3);
    expect(result.stdout).toContain('no desk password');
    expect(result.stdout).toContain(`no secret yet: the server generates one into ${join(dir, 'data', 'secret')}`);
    expect(result.stdout).toContain(`no database yet at ${join(dir, 'data', 'kommentar.db')}`);
    expect(lines.at(-1)).toBe('all good, with 3 warnings above');
  });

  it('names each mistake in one line and exits 2', async () => {
    const config = {
      ...GOOD,
      publicUrl: 'http://comments.blog.example',
      sites: [{ id: 'blog', orgins: ['https://blog.example'], origins: ['https://blog.example/blog/'] }],
      smtp: { host: 'smtp.blog.example', from: 'comments@blog.example', user: 'me', authorAddress: 'me@blog.example' },
    };
    const result = await check({ KOMMENTAR_CONFIG: writeConfig(config), KOMMENTAR_SECRET: 'too-short', KOMMENTAR_DB_URL: await migratedDatabase() });
    expect(result.code).toBe(2);
    const errors = result.stdout.trim().split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(5);
    expect(errors[0]).toContain('unknown key "sites[0].orgins"');
    expect(errors[1]).toContain('origin "https://blog.example/blog/" has a path');
    expect(errors[1]).toContain('"https://blog.example"');
    expect(errors[2]).toContain('publicUrl is http://comments.blog.example while origins are https');
    expect(errors[3]).toContain('smtp: "user" is set without "pass"');
    expect(errors[4]).toContain('KOMMENTAR_SECRET is 9 characters; use at least 32');
    expect(result.stderr.trim()).toBe('kommentar check: 5 problems to fix');
  });

  it('an origin without scheme gets the fix spelled out', async () => {
    const result = await check({ KOMMENTAR_CONFIG: writeConfig({ sites: [{ id: 'blog', origins: ['blog.example'] }] }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('"blog.example" is not an origin: write it with its scheme, e.g. "https://blog.example"');
  });

  it('a database newer than this version', async () => {
    const url = await migratedDatabase();
    const db = await openDatabase(url);
    await db.execute({ sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)', args: ['from the future'] });
    db.close();
    const result = await check({ KOMMENTAR_CONFIG: writeConfig(GOOD), KOMMENTAR_SECRET: SECRET, KOMMENTAR_DB_URL: url });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/error: the database .* is at schema version 999, newer than this Kommentar/);
  });

  it('a database that cannot be reached', async () => {
    // A remote libSQL URL on a loopback port nobody listens on.
    const result = await check({ KOMMENTAR_CONFIG: writeConfig(GOOD), KOMMENTAR_SECRET: SECRET, KOMMENTAR_DB_URL: 'http://127.0.0.1:9' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('error: the database http://127.0.0.1:9 cannot be reached');
  });
});
