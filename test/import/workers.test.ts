import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWxr } from '../../bench/import.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { exportSite } from '../../server/export/export.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { cli, ensureBuilt, importInto, SECRET } from './helpers.js';

// A file large enough (over 1 MiB) that the built CLI converts bodies in worker threads;
// the same file imported in this process converts inline. Both must store exactly the same.
// Some bodies need the full renderers (a list, a quote, Markdown characters to escape), which
// a worker loads only when it meets the first of them.
const CONFIG = { sites: [{ id: 'blog', authorEmails: ['anna@bench.example'] }] };
let dir: string;
let server: TestServer;
let file: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-workers-'));
  file = join(dir, 'large.xml');
  await writeWxr(file, 1500);
  let n = 0;
  const text = readFileSync(file, 'utf8').replace(/\(Q&amp;A at the end\)\./g, (plain) =>
    ++n % 4 === 0 ? `${plain}\n\n<blockquote>quoted, <em>with</em> a_b</blockquote>\n<ul><li>one *star*</li><li>two</li></ul>` : plain,
  );
  writeFileSync(file, text);
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
    // The HTML too, which the export leaves out: the workers' full renderers gave what the inline ones did.
    const stored = async (db: Db) => (await db.execute('SELECT import_id, body, html FROM comments ORDER BY import_id')).rows.map((row) => [row.import_id, row.body, row.html]);
    const cliDb = await openDatabase(env.KOMMENTAR_DB_URL);
    try {
      const fromWorkers = await stored(cliDb);
      expect(fromWorkers).toEqual(await stored(server.ctx.db));
      expect(fromWorkers.filter(([, , html]) => String(html).includes('<blockquote>') && String(html).includes('<li>one *star*</li>')).length).toBeGreaterThan(10);
    } finally {
      cliDb.close();
    }
  }, 120_000); // a CLI import, one in this process and a CLI export: minutes when other work shares the 2 cores
});
