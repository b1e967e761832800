/**
 * Storage of report snapshots: each thread's part of the dialogue report, kept so the next
 * report reads it instead of the thread's comments, and the site's fold of those parts, so the
 * next report folds only the threads that changed. Triggers (migration 15) count every change
 * to what the report reads of a thread but new comments, which raise its comment count; a
 * snapshot is valid only while both counts are the ones read before its comments were, so a
 * write between reading the comments and storing the snapshot leaves it stale, never wrong.
 * A snapshot is named by those counts and the cut-off it was computed at (`SnapshotIdentity`),
 * and read only by that name: what was read is what was stored. What the data holds is the
 * report's business (server/report/).
 */
import { writeBatch } from './cached-reads.js';
import type { Db } from './connection.js';
import type { CountedThread } from './report.js';

/**
 * Which report a snapshot belongs to: the window's end `shiftDays` before the cut-off (0: the
 * report itself, else its previous period), with `people` or not, over every post or only those
 * with an approved comment (the public report).
 */
export interface SnapshotKind {
  shiftDays: number;
  people: boolean;
  publicOnly: boolean;
  /** The snapshot format: rows of another one are ignored (and overwritten). */
  format: number;
}

/** What a snapshot was computed from: the thread's change and comment counts, and the cut-off (valid from it to `validUntil`, Infinity: for good). */
export interface SnapshotIdentity {
  changes: number;
  commentCount: number;
  cutoff: number;
  validUntil: number;
}

export interface ThreadWithSnapshot extends CountedThread {
  /** The thread's change count now (what a snapshot computed from what is read next must carry). */
  changes: number;
  /** A snapshot valid at the cut-off asked for (`findSnapshots`; its data read by `snapshotData`), else null. */
  snapshot: { identity: SnapshotIdentity; anyApproved: boolean } | null;
}

/** Which site fold: of the snapshots of a kind. */
export interface FoldKind {
  snapshots: SnapshotKind;
  /** The fold's format: a fold of another one is ignored (and overwritten). */
  format: number;
}

/** Thread id, uri, title, change count. */
type PackedThread = [number, string, string | null, number];

/**
 * Where the comments table stands: its highest comment id, its rows, and how many comment rows
 * were ever deleted. While no row was deleted and every row added since is above the old highest
 * id (an import may keep an export's lower ids), the comments added since are exactly those above it.
 */
export interface CommentsMark {
  lastCommentId: number;
  rows: number;
  deletions: number;
}

/**
 * The site's threads in id order (the report's post order) with their change counts (their
 * comment counts not read yet: `countComments` reads them; `snapshot` null: `findSnapshots`), the
 * comments' mark, and with `fold`, the site's stored fold of that kind (null: none). One read
 * batch, so all three agree; the thread list as one JSON value (per row, the client costs about 10 µs).
 */
export async function threadsAndFold(
  db: Db,
  site: string,
  uri: string | undefined,
  fold: FoldKind | null,
): Promise<{ threads: ThreadWithSnapshot[]; mark: CommentsMark; fold: Uint8Array | null }> {
  const statements: { sql: string; args: (string | number)[] }[] = [
    {
      sql: `SELECT json_group_array(json_array(t.id, t.uri, t.title, coalesce(ch.changes, 0)) ORDER BY t.id) AS threads
            FROM threads t LEFT JOIN report_thread_changes ch ON ch.thread_id = t.id
            WHERE t.site = ? ${uri === undefined ? '' : 'AND t.uri = ?'}`,
      args: uri === undefined ? [site] : [site, uri],
    },
    {
      sql: `SELECT coalesce(max(id), 0) AS last, (SELECT count(*) FROM comments) AS rows,
              (SELECT coalesce(max(deletions), 0) FROM report_comment_deletions) AS deletions FROM comments`,
      args: [],
    },
  ];
  if (fold !== null) {
    statements.push({
      sql: 'SELECT data FROM report_folds WHERE site = ? AND shift_days = ? AND people = ? AND public_only = ? AND format = ?',
      args: [site, ...kindArgs(fold.snapshots), fold.format],
    });
  }
  const [list, marked, folded] = await db.batch(statements, 'read');
  const threads = (JSON.parse(String(list!.rows[0]!.threads)) as PackedThread[]).map(([id, uri, title, changes]) => ({
    id,
    uri,
    title,
    changes,
    count: Number.NaN,
    snapshot: null,
  }));
  const { last, rows, deletions } = marked!.rows[0]!;
  const mark = { lastCommentId: Number(last), rows: Number(rows), deletions: Number(deletions) };
  const row = folded?.rows[0];
  return { threads, mark, fold: row ? new Uint8Array(row.data as ArrayBuffer) : null };
}

/**
 * The comment counts (every status) of the given threads and of every thread with a comment
 * above `newerThan` (null: none), by thread id (a thread without comments is absent), and how
 * many comments there are above `newerThan`.
 */
export async function countComments(db: Db, threadIds: readonly number[], newerThan: number | null): Promise<{ counts: Map<number, number>; newer: number }> {
  const above = newerThan ?? Number.MAX_SAFE_INTEGER;
  const result = await db.execute({
    sql: `SELECT (SELECT json_group_array(json_array(thread_id, n)) FROM (
              SELECT thread_id, count(*) AS n FROM comments
              WHERE thread_id IN (SELECT value FROM json_each(?) UNION SELECT thread_id FROM comments WHERE id > ?)
              GROUP BY thread_id)) AS counts,
            (SELECT count(*) FROM comments WHERE id > ?) AS newer`,
    args: [JSON.stringify(threadIds), above, above],
  });
  const row = result.rows[0]!;
  return { counts: new Map(JSON.parse(String(row.counts)) as Array<[number, number]>), newer: Number(row.newer) };
}

/** Thread id, any approved comment, cut-off, valid until (null: for good). */
type PackedSnapshot = [number, number, number, number | null];

/**
 * Sets each thread's `snapshot` to its snapshot of `kind` valid at `cutoff` (computed from the
 * thread's change and comment counts as read, and valid then), if there is one. Only for the
 * threads a report needs: looking one up costs more than the thread list's row.
 */
export async function findSnapshots(db: Db, kind: SnapshotKind, threads: ThreadWithSnapshot[], cutoff: number): Promise<void> {
  if (threads.length === 0) return;
  const result = await db.execute({
    sql: `SELECT json_group_array(json_array(s.thread_id, s.any_approved, s.cutoff, s.valid_until)) AS found
          FROM json_each(?) w JOIN report_snapshots s ON s.rowid = (
            SELECT v.rowid FROM report_snapshots v WHERE v.thread_id = w.value ->> 0 AND v.shift_days = ? AND v.people = ? AND v.public_only = ? AND v.format = ?
              AND v.changes = w.value ->> 1 AND v.comment_count = w.value ->> 2 AND v.cutoff <= ? AND (v.valid_until IS NULL OR v.valid_until > ?)
            ORDER BY v.cutoff DESC LIMIT 1)`,
    args: [JSON.stringify(threads.map((t) => [t.id, t.changes, t.count])), ...kindArgs(kind), kind.format, cutoff, cutoff],
  });
  const found = new Map((JSON.parse(String(result.rows[0]!.found)) as PackedSnapshot[]).map((row) => [row[0], row]));
  for (const thread of threads) {
    const row = found.get(thread.id);
    if (row === undefined) continue;
    const [, anyApproved, from, validUntil] = row;
    thread.snapshot = { identity: { changes: thread.changes, commentCount: thread.count, cutoff: from, validUntil: validUntil ?? Infinity }, anyApproved: anyApproved === 1 };
  }
}

/** The data of the snapshots of `kind` named (by thread id), where each is still stored as named. */
export async function snapshotData(db: Db, kind: SnapshotKind, wanted: ReadonlyArray<{ threadId: number; identity: SnapshotIdentity }>): Promise<Map<number, Uint8Array>> {
  if (wanted.length === 0) return new Map();
  const list = JSON.stringify(wanted.map(({ threadId, identity }) => [threadId, identity.changes, identity.commentCount, identity.cutoff]));
  const result = await db.execute({
    sql: `SELECT s.thread_id, s.data FROM json_each(?) w JOIN report_snapshots s
            ON s.thread_id = w.value ->> 0 AND s.shift_days = ? AND s.people = ? AND s.public_only = ? AND s.format = ?
              AND s.changes = w.value ->> 1 AND s.comment_count = w.value ->> 2 AND s.cutoff = w.value ->> 3`,
    args: [list, ...kindArgs(kind), kind.format],
  });
  return new Map(result.rows.map((row) => [Number(row.thread_id), new Uint8Array(row.data as ArrayBuffer)]));
}

/**
 * Stores the site's fold of `kind`, replacing the one before, and forgets the site's snapshots
 * of that kind that it does not hold (`holds`: thread id and snapshot identity of each part):
 * those were kept only for the fold before, or were never folded.
 */
export async function writeFold(db: Db, site: string, kind: FoldKind, data: Uint8Array, holds: ReadonlyArray<{ threadId: number; identity: SnapshotIdentity }>): Promise<void> {
  const held = JSON.stringify(holds.map(({ threadId, identity }) => [threadId, identity.changes, identity.commentCount, identity.cutoff]));
  await db.batch(
    [
      {
        sql: `INSERT INTO report_folds (site, shift_days, people, public_only, format, data) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (site, shift_days, people, public_only) DO UPDATE SET format = excluded.format, data = excluded.data`,
        args: [site, ...kindArgs(kind.snapshots), kind.format, data],
      },
      {
        sql: `DELETE FROM report_snapshots WHERE shift_days = ? AND people = ? AND public_only = ? AND thread_id IN (SELECT id FROM threads WHERE site = ?)
                AND (thread_id, changes, comment_count, cutoff) NOT IN (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?))`,
        args: [...kindArgs(kind.snapshots), site, held],
      },
    ],
    'write',
  );
}

/** The columns naming a kind: shift_days, people, public_only. */
function kindArgs(kind: SnapshotKind): number[] {
  return [kind.shiftDays, kind.people ? 1 : 0, kind.publicOnly ? 1 : 0];
}

/** A snapshot to store: the change and comment counts in its identity are the thread's as read before its comments. */
export interface SnapshotRow extends SnapshotIdentity {
  threadId: number;
  anyApproved: boolean;
  data: Uint8Array;
}

/**
 * Stores snapshots of `kind` beside the thread's earlier ones (a fold may still hold those; `writeFold` forgets them).
 * On the database's own connection (`writeBatch`): a cold report writes one per post, and as 10,000 statements
 * prepared anew they held about 150 MB of native memory till the garbage collector came round.
 */
export async function writeSnapshots(db: Db, kind: SnapshotKind, rows: readonly SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await writeBatch(
    db,
    rows.map((row) => ({
      sql: `INSERT INTO report_snapshots (thread_id, shift_days, people, public_only, format, changes, comment_count, cutoff, valid_until, any_approved, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (thread_id, shift_days, people, public_only, changes, comment_count, cutoff) DO UPDATE SET format = excluded.format,
              valid_until = excluded.valid_until, any_approved = excluded.any_approved, data = excluded.data`,
      args: [
        row.threadId,
        ...kindArgs(kind),
        kind.format,
        row.changes,
        row.commentCount,
        row.cutoff,
        Number.isFinite(row.validUntil) ? row.validUntil : null,
        row.anyApproved ? 1 : 0,
        row.data,
      ],
    })),
  );
}

/**
 * Lasting ids of reader keys, for those of `keys` that have one; with `assign`, keys without
 * one get one first (so the answer covers every key).
 */
export async function readerIdsOf(db: Db, keys: readonly string[], assign: boolean): Promise<Map<string, number>> {
  const list = JSON.stringify(keys);
  const select = { sql: 'SELECT id, key FROM report_readers WHERE key IN (SELECT value FROM json_each(?))', args: [list] };
  const [result] = assign
    ? (
        await db.batch(
          [{ sql: 'INSERT INTO report_readers (key) SELECT value FROM json_each(?) WHERE true ON CONFLICT (key) DO NOTHING', args: [list] }, select],
          'write',
        )
      ).slice(1)
    : [await db.execute(select)];
  return new Map(result!.rows.map((row) => [String(row.key), Number(row.id)]));
}

/** Forgets every snapshot and fold: the next report computes every post again (the report bench's cold run). */
export async function forgetSnapshots(db: Db): Promise<void> {
  await db.batch(['DELETE FROM report_snapshots', 'DELETE FROM report_folds'], 'write');
}
