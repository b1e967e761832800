/** An import's transaction on a real libSQL file: whole or nothing, and seen by the server's own connection once committed. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withBulkTransaction, withIndexesDeferred } from '../../server/db/bulk-transaction.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrations.js';

let dir: string;
let url: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-bulk-'));
  url = `file:${join(dir, 'bulk.db')}`;
  db = await openDatabase(url);
  await migrate(db);
  await db.execute({ sql: 'INSERT INTO threads (site, uri, title, created_at) VALUES (?, ?, ?, 0)', args: ['blog', '/a/', 'A'] });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const COLUMNS = ['thread_id', 'depth', 'status', 'body', 'html', 'created_at'] as const;
const rows = (n: number) => Array.from({ length: n }, (_, i) => [1, 1, 'approved', `comment ${i}`, `<p>comment ${i}</p>`, i]);
const count = async () => Number((await db.execute('SELECT count(*) AS n FROM comments')).rows[0]!.n);

for (const [kind, target] of [['a database file (own connection)', () => url], ['any other database (the client)', () => 'libsql://remote.invalid']] as const) {
  it(`commits every row at once on ${kind}`, async () => {
    // A non-file URL takes the client path; the client here is the same file's, so both paths can be read back.
    await withBulkTransaction(db, target(), async (tx) => {
      await tx.insertRows('comments', COLUMNS, rows(1200));
      const inside = await tx.execute('SELECT count(*) AS n FROM comments');
      expect(Number(inside.rows[0]!.n)).toBe(1200);
    });
    expect(await count()).toBe(1200);
    const last = await db.execute('SELECT body FROM comments ORDER BY id DESC LIMIT 1');
    expect(last.rows[0]!.body).toBe('comment 1199');
  });

  it(`leaves the database as it was when the work fails half-way on ${kind}`, async () => {
    await expect(
      withBulkTransaction(db, target(), async (tx) => {
        await tx.insertRows('comments', COLUMNS, rows(700));
        await tx.insertRows('comments', COLUMNS, [[99, 1, 'approved', 'x', '<p>x</p>', 0]]); // no thread 99: the foreign key refuses it
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await count()).toBe(0);
    // The database takes writes again: no lock or transaction was left behind.
    await db.execute({ sql: 'INSERT INTO comments (thread_id, depth, status, body, html, created_at) VALUES (1, 1, ?, ?, ?, 0)', args: ['approved', 'after', '<p>after</p>'] });
    expect(await count()).toBe(1);
  });
}

const indexes = async () =>
  (await db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' ORDER BY name")).rows.map((r) => `${r.name}: ${r.sql}`);

it('builds the indexes again, exactly as they were, after a load without them', async () => {
  const before = await indexes();
  expect(before.length).toBeGreaterThan(3);
  await withBulkTransaction(db, url, (tx) => withIndexesDeferred(tx, 'comments', () => tx.insertRows('comments', COLUMNS, rows(500))));
  expect(await indexes()).toEqual(before);
  // The rebuilt index serves the thread query the server runs.
  const plan = await db.execute('EXPLAIN QUERY PLAN SELECT id FROM comments WHERE thread_id = 1 ORDER BY created_at, id');
  expect(plan.rows.map((r) => String(r.detail)).join(' ')).toMatch(/comments_by_thread/);
});

it('keeps the indexes it is told to keep through the load, up to date', async () => {
  const before = await indexes();
  const columns = [...COLUMNS, 'identity_key'];
  const load = rows(500).map((row, i) => [...row, i % 5 === 0 ? `identity-${i}` : null]);
  await withBulkTransaction(db, url, (tx) => withIndexesDeferred(tx, 'comments', () => tx.insertRows('comments', columns, load), ['comments_by_identity']));
  expect(await indexes()).toEqual(before);
  const counted = await db.execute('SELECT count(*) AS n FROM comments INDEXED BY comments_by_identity WHERE identity_key IS NOT NULL');
  expect(Number(counted.rows[0]!.n)).toBe(100);
  expect((await db.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
});

it('fails the whole load when a unique index no longer holds, and keeps every index', async () => {
  const before = await indexes();
  const imported = (id: string) => [1, 1, 'approved', 'x', '<p>x</p>', 0, 'wordpress:blog', id];
  const columns = [...COLUMNS, 'import_source', 'import_id'];
  await expect(
    withBulkTransaction(db, url, (tx) => withIndexesDeferred(tx, 'comments', () => tx.insertRows('comments', columns, [imported('7'), imported('7')]))),
  ).rejects.toThrow(/UNIQUE/);
  expect(await count()).toBe(0);
  expect(await indexes()).toEqual(before);
});
