/** Staged comments reach the site's database in the plan's order and with what the workers made of them, on both write paths. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withBulkTransaction } from '../../server/db/bulk-transaction.js';
import { openDatabase, type Db } from '../../server/db/connection.js';
import { ImportStaging, moveStagedComments, type Placement } from '../../server/db/imports.js';
import { migrate } from '../../server/db/migrations.js';
import type { PendingComment } from '../../server/import/convert-pool.js';
import { stageBatch } from '../../server/import/stage-batch.js';

let dir: string;
let url: string;
let db: Db;
let files: string[];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-staging-'));
  url = `file:${join(dir, 'site.db')}`;
  db = await openDatabase(url);
  await migrate(db);
  await db.execute({ sql: 'INSERT INTO threads (site, uri, title, created_at) VALUES (?, ?, ?, 0)', args: ['blog', '/a/', 'A'] });
  // Two workers' files: even comments in one, odd ones in the other.
  files = [join(dir, 'staged-0.db'), join(dir, 'staged-1.db')];
  const pending = (seq: number): PendingComment => [
    seq,
    seq === 4 ? 'gone' : `Comment *${seq}*`,
    seq === 4 ? 'deleted' : 'approved',
    `Reader ${seq}`,
    null,
    null,
    null,
    0,
    0,
    1000 + seq,
    null,
    'site',
    null,
    null,
    `wp-${seq}`,
  ];
  for (const [i, file] of files.entries()) {
    const staging = new ImportStaging(file);
    await stageBatch(staging, 'markdown', [0, 1, 2, 3, 4].filter((seq) => seq % 2 === i).map(pending));
    staging.close();
  }
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// Write order: 3, then its replies 0 and 4, then 1 replying to 0, then 2 at the top level.
const PLACEMENTS: Placement[] = [
  [0, 3, 10, 1, null, 1],
  [1, 0, 11, 1, 10, 2],
  [2, 4, 12, 1, 10, 2],
  [3, 1, 13, 1, 11, 3],
  [4, 2, 14, 1, null, 1],
];

for (const [kind, target, attach] of [
  ['a database file (attached)', () => url, () => files],
  ['any other database (read back)', () => 'libsql://remote.invalid', () => []],
] as const) {
  it(`moves every staged comment into place on ${kind}`, async () => {
    const moved: number[] = [];
    await withBulkTransaction(db, target(), (tx) => moveStagedComments(tx, files, PLACEMENTS, 'wordpress:blog', (done) => moved.push(done)), attach());
    expect(moved.at(-1)).toBe(5);
    const rows = await db.execute(
      'SELECT id, parent_id, depth, status, body, html, name, created_at, import_source, import_id, import_hash FROM comments ORDER BY id',
    );
    expect(rows.rows.map((r) => [r.id, r.parent_id, r.depth, r.import_id, r.body, r.created_at])).toEqual([
      [10, null, 1, 'wp-3', 'Comment *3*', 1003],
      [11, 10, 2, 'wp-0', 'Comment *0*', 1000],
      [12, 10, 2, 'wp-4', '', 1004],
      [13, 11, 3, 'wp-1', 'Comment *1*', 1001],
      [14, null, 1, 'wp-2', 'Comment *2*', 1002],
    ]);
    expect(rows.rows[0]!.html).toBe('<p>Comment <em>3</em></p>');
    expect(rows.rows.every((r) => r.import_source === 'wordpress:blog' && String(r.import_hash).length > 10)).toBe(true);
    expect(rows.rows[2]!.status).toBe('deleted');
  });
}
