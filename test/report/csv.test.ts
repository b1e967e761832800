/** Every CSV the project writes is safe to open in a spreadsheet: read back, each cell is the text that went in, never a formula. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDocument } from '../../server/render/csv.js';
import { CLI, ensureBuilt } from '../helpers/process.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const FORMULAS = ['=HYPERLINK("https://evil.example","click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

describe('csvDocument', () => {
  it('prefixes cells a spreadsheet would run as a formula, and keeps everything else as it was', () => {
    const plain = ['a "quoted", text', 'line\nbreak', 'ok=1', '', 'naïve – ✓'];
    const rows = parse(csvDocument([[...FORMULAS, ...plain, 42, -7, null]]), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual([...FORMULAS.map((text) => `'${text}`), ...plain, '42', '-7', '']);
  });
});

describe('kommentar report --csv', () => {
  let server: TestServer;
  beforeAll(async () => {
    ensureBuilt();
    server = await startTestServer({ config: { sites: [{ id: 'blog' }] } });
    for (const [i, title] of FORMULAS.entries()) {
      await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: `/p${i}/`, body: 'hi', title: title.replace(/[\t\r]/g, '') }));
    }
  });
  afterAll(() => server.close());

  it('writes hostile thread titles as text', async () => {
    const env = { ...process.env, KOMMENTAR_DB_URL: `file:${join(server.dir, 'kommentar.db')}`, KOMMENTAR_CONFIG: join(server.dir, 'kommentar.config.json') };
    const { stdout } = await run(process.execPath, [CLI, 'report', '--site', 'blog', '--csv'], { env });
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    const titles = rows.map((row) => row.title!).sort();
    expect(titles).toHaveLength(FORMULAS.length);
    for (const title of titles) expect(title).toMatch(/^'[=+\-@]/);
    expect(titles).toContain(`'=HYPERLINK("https://evil.example","click")`);
  });
});
