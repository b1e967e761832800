/**
 * Storage of report snapshots: each thread's part of the dialogue report, kept so the next
 * report reads it instead of the thread's comments. Triggers (migration 15) count every change
 * to what the report reads of a thread but new comments, which raise its comment count; a
 * snapshot is valid only while both counts are the ones read before its comments were, so a
 * write between reading the comments and storing the snapshot leaves it stale, never wrong. What the data holds is the report's business (server/report/).
 */
import type { Db } from './connection.js';
import type { CountedThread } from './report.js';

/** Which report a snapshot belongs to: the window's end `shiftDays` before the cut-off (0: the report itself, else its previous period), with `people` or not. */
export interface SnapshotKind {
  shiftDays: number;
  people: boolean;
  /** The snapshot format: rows of another one are ignored (and overwritten). */
  format: number;
}

export interface ThreadWithSnapshot extends CountedThread {
  /** The thread's change count now (what a snapshot computed from what is read next must carry). */
  changes: number;
  /** A snapshot valid at the cut-off asked for, else null. */
  snapshot: { data: Uint8Array; anyApproved: boolean } | null;
}

/** Thread id, uri, title, change count, has a valid snapshot (0 or 1), any approved comment (per the snapshot), comment count. */
type PackedThread = [number, string, string | null, number, number, number | null, number];

/**
 * The site's threads in id order (the report's post order) with their comment counts, each
 * with its valid snapshot of `kind` at `cutoff` if there is one.
 * Two statements in one read transaction, so both see the same snapshots; the thread list
 * as one JSON value (per row, the client costs about 10 µs).
 */
export async function threadsWithSnapshots(db: Db, site: string, uri: string | undefined, kind: SnapshotKind, cutoff: number): Promise<ThreadWithSnapshot[]> {
  // Each thread's comment count is part of its state: a new comment raises it (no trigger counts inserts).
  const from = `FROM (SELECT t.id, t.uri, t.title, coalesce(ch.changes, 0) AS changes, (SELECT count(*) FROM comments c WHERE c.thread_id = t.id) AS n
            FROM threads t LEFT JOIN report_thread_changes ch ON ch.thread_id = t.id
            WHERE t.site = ? ${uri === undefined ? '' : 'AND t.uri = ?'}) t
          LEFT JOIN report_snapshots s ON s.thread_id = t.id AND s.shift_days = ? AND s.people = ? AND s.format = ?
            AND s.changes = t.changes AND s.comment_count = t.n AND s.cutoff <= ? AND (s.valid_until IS NULL OR s.valid_until > ?)`;
  const args = [site, ...(uri === undefined ? [] : [uri]), kind.shiftDays, kind.people ? 1 : 0, kind.format, cutoff, cutoff];
  const [threads, snapshots] = await db.batch(
    [
      {
        sql: `SELECT json_group_array(json_array(t.id, t.uri, t.title, t.changes, s.thread_id IS NOT NULL, s.any_approved, t.n) ORDER BY t.id) AS threads
              ${from}`,
        args,
      },
      // The snapshots themselves as rows, in thread order (joined into one value by group_concat they cost more);
      // without the counts, which the first statement already checked: rows it found stale are skipped below.
      {
        sql: `SELECT s.thread_id, s.data FROM report_snapshots s JOIN threads t ON t.id = s.thread_id
              WHERE t.site = ? ${uri === undefined ? '' : 'AND t.uri = ?'} AND s.shift_days = ? AND s.people = ? AND s.format = ?
                AND s.cutoff <= ? AND (s.valid_until IS NULL OR s.valid_until > ?)
              ORDER BY s.thread_id`,
        args,
      },
    ],
    'read',
  );
  const rows = snapshots!.rows;
  let next = 0;
  return (JSON.parse(String(threads!.rows[0]!.threads)) as PackedThread[]).map(([id, uri, title, changes, valid, anyApproved, count]) => {
    let snapshot: ThreadWithSnapshot['snapshot'] = null;
    if (valid === 1) {
      // Both in thread id order; the second may hold rows the first found stale.
      while (Number(rows[next]!.thread_id) !== id) next++;
      snapshot = { data: new Uint8Array(rows[next++]!.data as ArrayBuffer), anyApproved: anyApproved === 1 };
    }
    return { id, uri, title, changes, count, snapshot };
  });
}

export interface SnapshotRow {
  threadId: number;
  /** The thread's change count and comment count the data was computed from (as read before its comments). */
  changes: number;
  commentCount: number;
  cutoff: number;
  /** Infinity: valid for every later cut-off. */
  validUntil: number;
  anyApproved: boolean;
  data: Uint8Array;
}

/** Stores snapshots of `kind`, replacing the thread's earlier one of that kind. */
export async function writeSnapshots(db: Db, kind: SnapshotKind, rows: readonly SnapshotRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.batch(
    rows.map((row) => ({
      sql: `INSERT INTO report_snapshots (thread_id, shift_days, people, format, changes, comment_count, cutoff, valid_until, any_approved, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (thread_id, shift_days, people) DO UPDATE SET format = excluded.format, changes = excluded.changes, comment_count = excluded.comment_count,
              cutoff = excluded.cutoff, valid_until = excluded.valid_until, any_approved = excluded.any_approved, data = excluded.data`,
      args: [
        row.threadId,
        kind.shiftDays,
        kind.people ? 1 : 0,
        kind.format,
        row.changes,
        row.commentCount,
        row.cutoff,
        Number.isFinite(row.validUntil) ? row.validUntil : null,
        row.anyApproved ? 1 : 0,
        row.data,
      ],
    })),
    'write',
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

/** Forgets every snapshot: the next report computes every post again (the report bench's cold run). */
export async function forgetSnapshots(db: Db): Promise<void> {
  await db.execute('DELETE FROM report_snapshots');
}
