import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWxr } from '../../bench/import.js';
import { exportSite } from '../../server/export/export.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cli, ensureBuilt, importInto, SECRET } from './helpers.js';

// A file large enough (over 1 MiB) that the built CLI converts bodies in worker threads;
// the same file imported in this process converts inline. Both must store exactly the same.
const CONFIG = { sites: [{ id: 'blog', authorEmails: ['anna@bench.example'] }] };
let dir: string;
let server: TestServer;
let file: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-workers-'));
  file = join(dir, 'large.xml');
  await writeWxr(file, 1500);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(CONFIG));
  server = await startTestServer({ config: CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large import', () => {
  it('stores the same in worker threads as inline, with a summary a script can read', async () => {
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    const env = { KOMMENTAR_CONFIG: join(dir, 'config.json'), KOMMENTAR_DB_URL: `file:${join(dir, 'cli.db')}` };
    const result = await cli(['import', 'wordpress', file, '--site', 'blog', '--json'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const summary = JSON.parse(result.stdout) as { imported: Record<string, number>; skipped: Record<string, number> };
    expect(summary.imported.approved).toBeGreaterThan(1300);
    expect(summary.skipped.pingback).toBe(30);
    // The workers' scratch files beside the database are gone.
    expect(readdirSync(dir).filter((name) => name.startsWith('.kommentar-import-'))).toEqual([]);

    await importInto(server, file, { format: 'wordpress' });
    let inline = '';
    for await (const piece of exportSite(server.ctx, 'blog', { includePrivate: false })) inline += piece;
    expect((await cli(['export', '--site', 'blog'], env)).stdout).toBe(inline);
  }, 120_000); // a CLI import, one in this process and a CLI export: minutes when other work shares the 2 cores
});
