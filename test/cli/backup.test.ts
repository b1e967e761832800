/**
 * `kommentar backup FILE` against a live server: a consistent copy while 200
 * writes arrive concurrently, and clear refusals for bad targets that leave
 * the previous backup as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/process.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function backup(env: Record<string, string>, target: string, fileSizeLimitKb?: number): Promise<Run> {
  // `ulimit -f` makes every write past the limit fail as on a full disk (EFBIG): a real
  // failed write without needing a small filesystem, which these machines cannot mount.
  const [command, args] = fileSizeLimitKb
    ? ['/bin/sh', ['-c', `ulimit -f ${fileSizeLimitKb}; exec "$0" "$@"`, process.execPath, CLI, 'backup', target]]
    : [process.execPath, [CLI, 'backup', target]];
  return new Promise((resolve) => {
    const child = spawn(command as string, args as string[], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: TestServer;
let env: Record<string, string>;
let out: string;

beforeAll(async () => {
  ensureBuilt();
  server = await startTestServer();
  env = { KOMMENTAR_DB_URL: `file:${join(server.dir, 'kommentar.db')}`, KOMMENTAR_CONFIG: '' };
  out = mkdtempSync(join(tmpdir(), 'kommentar-backup-'));
});
afterAll(async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
});

describe('kommentar backup', () => {
  it('copies the live database during 200 concurrent writes: the copy is intact and holds every comment acknowledged before it began', async () => {
    const acknowledged = new Set<number>();
    let backingUp = true;
    let duringBackup = 0;
    // 200 writers at once, each writing again as soon as it is answered, until the backup is done.
    let n = 0;
    const writer = async () => {
      while (backingUp) {
        const i = n++;
        const response = await server.api('/api/v1/comments', json('POST', { site: 'example', uri: `/load/${i % 7}/`, body: `comment ${i}`, email: `reader${i}@example.org` }));
        expect([201, 202]).toContain(response.status);
        acknowledged.add(((await response.json()) as { comment: { id: number } }).comment.id);
        if (started) duringBackup++;
      }
    };
    let started = false;
    const writers = Array.from({ length: 200 }, writer);
    while (acknowledged.size < 200) await new Promise((r) => setTimeout(r, 2));
    const before = new Set(acknowledged);
    const target = join(out, 'live.db');
    started = true;
    const result = await backup(env, target);
    backingUp = false;
    await Promise.all(writers);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^backup written to .*live\.db \(\d+ bytes\)\n$/);
    expect(duringBackup, 'writes acknowledged while the backup ran').toBeGreaterThan(50);

    const copy = createClient({ url: `file:${target}`, intMode: 'number' });
    try {
      expect((await copy.execute('PRAGMA integrity_check')).rows.map((row) => row[0])).toEqual(['ok']);
      const ids = new Set((await copy.execute('SELECT id FROM comments')).rows.map((row) => Number(row.id)));
      for (const id of before) expect(ids.has(id), `comment ${id}`).toBe(true);
      // A snapshot from while the writes went on: later comments are not in it, and nothing unknown is.
      expect(ids.size).toBeLessThan(acknowledged.size);
      for (const id of ids) expect(acknowledged.has(id)).toBe(true);
    } finally {
      copy.close();
    }
    expect(readdirSync(out)).toEqual(['live.db']);
  }, 120_000);

  it('refuses a missing folder, a folder as target and a remote database with exit 2 and one line', async () => {
    for (const [runEnv, target, message] of [
      [env, join(out, 'no-such-folder', 'x.db'), /the folder .*no-such-folder does not exist/],
      [env, out, /is a folder; name the backup file/],
      [{ KOMMENTAR_DB_URL: 'libsql://db.example.turso.io', KOMMENTAR_CONFIG: '' }, join(out, 'remote.db'), /remote database \(libsql:\); back it up with its server's tools/],
    ] as const) {
      const result = await backup(runEnv, target);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('on a full disk says so, exits 1, leaves no partial file and keeps the previous backup', async () => {
    const folder = join(out, 'full');
    mkdirSync(folder);
    const target = join(folder, 'kommentar.db');
    writeFileSync(target, 'the previous backup');
    const result = await backup(env, target, 64);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not write the backup .*kommentar\.db: the disk is full \(or the file size limit was reached\); nothing was changed there/);
    expect(readdirSync(folder)).toEqual(['kommentar.db']);
    expect(readFileSync(target, 'utf8')).toBe('the previous backup');
  });
});
