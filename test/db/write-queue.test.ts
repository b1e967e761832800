/** The write queue on a real libSQL file: group commit, and one bad write never fails its neighbours. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrations.js';
import { WriteQueue } from '../../server/db/write-queue.js';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-queue-'));
  db = await openDatabase(`file:${join(dir, 'q.db')}`);
  await migrate(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (id: string) => ({ sql: 'INSERT INTO desk_sessions (token_hash, created_at, expires_at) VALUES (?, 0, 1)', args: [id] });

it('commits writes that arrive together in one transaction, each answered with its own results', async () => {
  const queue = new WriteQueue(db);
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => queue.write([session(`s${i}`), { sql: 'SELECT ? AS n', args: [i] }])),
  );
  expect(results.map((r) => Number(r[1]!.rows[0]!.n))).toEqual(Array.from({ length: 40 }, (_, i) => i));
  expect(queue.commits).toBe(1);
  const stored = await db.execute('SELECT count(*) AS n FROM desk_sessions');
  expect(Number(stored.rows[0]!.n)).toBe(40);
});

it('rejects only the write that fails; the others of its group are stored', async () => {
  const queue = new WriteQueue(db);
  const outcomes = await Promise.allSettled([
    queue.write([session('a')]),
    queue.write([session('b'), session('a')]), // a duplicate key: this write fails whole
    queue.write([session('c')]),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  const stored = await db.execute('SELECT token_hash FROM desk_sessions ORDER BY token_hash');
  expect(stored.rows.map((r) => r.token_hash)).toEqual(['a', 'c']);
});
