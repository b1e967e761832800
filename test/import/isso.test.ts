import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import type { ImportSummary } from '../../server/import/import.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { importInto, publicThread, report, SECRET, SITE_CONFIG } from './helpers.js';

// Isso's schema (isso/db/*.py), as its comments.db holds it.
const ISSO_SCHEMA = [
  'CREATE TABLE IF NOT EXISTS preferences (key VARCHAR PRIMARY KEY, value VARCHAR)',
  'CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))',
  `CREATE TABLE IF NOT EXISTS comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0)`,
];

// [tid, id, parent, created, modified, mode, remote_addr, text, author, email, website]
const COMMENTS: [number, number, number | null, number, number | null, number, string, string, string | null, string | null, string | null][] = [
  [1, 1, null, 1577872800.25, null, 1, '203.0.113.0', 'Erster! **Fett** und _kursiv_ 😀', 'Jörg', 'joerg@example.de', 'https://joerg.example'],
  [1, 2, 1, 1577876400, 1577880000, 1, '198.51.100.0', 'Antwort der Autorin', 'Anna', 'me@blog.example', null],
  [1, 3, 2, 1577880000, null, 4, '203.0.113.0', '', null, null, null],
  [1, 4, 3, 1577883600, null, 1, '192.0.2.0', 'עברית: תשובה לתגובה שנמחקה', 'Dana', 'dana@example.org', null],
  [1, 5, null, 1577887200, null, 2, '192.0.2.0', 'Waiting for approval', 'New', null, null],
  [1, 6, 99, 1577890800, null, 1, '192.0.2.0', 'Parent 99 does not exist', 'Eve', null, null],
  [2, 7, null, 1580551200, null, 1, '203.0.113.0', 'Wieder da.', 'Jörg', 'Joerg@Example.de', null],
];

let server: TestServer;
let dir: string;
let summary: ImportSummary;
let before: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-isso-'));
  const isso = createClient({ url: `file:${join(dir, 'comments.db')}` });
  await isso.batch(
    [
      ...ISSO_SCHEMA,
      { sql: 'INSERT INTO threads (id, uri, title) VALUES (?, ?, ?), (?, ?, ?)', args: [1, '/isso/erster-beitrag/', 'Erster Beitrag', 2, '/isso/zweiter/', null] },
      ...COMMENTS.map((row) => ({
        sql: 'INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, voters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        args: [...row, new Uint8Array(8)],
      })),
    ],
    'write',
  );
  isso.close();
  before = readFileSync(join(dir, 'comments.db'));
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  summary = await importInto(server, join(dir, 'comments.db'), { format: 'isso' });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Isso import', () => {
  it('maps modes and counts orphans', () => {
    expect(summary).toMatchObject({ posts: 2, imported: { approved: 5, pending: 1, spam: 0, deleted: 1 }, orphans: 1 });
  });

  it('rebuilds threads with parents, placeholders, Markdown bodies and times', async () => {
    const thread = await publicThread(server, '/isso/erster-beitrag/');
    expect(thread.map((c) => [c.name, c.depth, c.deleted, c.isAuthor])).toEqual([
      ['Jörg', 1, false, false],
      ['Anna', 2, false, true],
      [null, 3, true, false],
      ['Dana', 4, false, false],
      ['Eve', 1, false, false],
    ]);
    expect(thread[0]!.html).toBe('<p>Erster! <strong>Fett</strong> und <em>kursiv</em> 😀</p>');
    expect(thread[0]!.url).toBe('https://joerg.example/');
    expect(thread[0]!.createdAt).toBe('2020-01-01T10:00:00.250Z');
    expect(thread[3]!.html).toBe('<p>עברית: תשובה לתגובה שנמחקה</p>');
  });

  it('recognises the same commenter across posts and keeps no address or IP', async () => {
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'deleted']);
    const joerg = stored.filter((row) => row.name === 'Jörg');
    expect(new Set(joerg.map((row) => row.commenterKey)).size).toBe(1);
    expect(stored.every((row) => row.email === null)).toBe(true);
    expect((await report(server)).summary.returningCommenters).toBe(1);
  });

  it("leaves Isso's database as it was", () => {
    expect(readFileSync(join(dir, 'comments.db')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['comments.db']);
  });
});
