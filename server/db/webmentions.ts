/**
 * Storage for received Webmentions: the verification queue (a row per source
 * and target, so a re-sent one is the same row) and what verification found.
 * Every query on the webmentions table lives here.
 */
import type { Db } from './connection.js';

export type WebmentionStatus = 'queued' | 'verified' | 'failed' | 'deleted';

export interface WebmentionRow {
  id: number;
  publicId: string;
  site: string;
  uri: string;
  source: string;
  target: string;
  status: WebmentionStatus;
  /** What the source turned out to be: reply, like, repost, bookmark, mention. */
  kind: string | null;
  commentId: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = 'id, public_id, site, uri, source, target, status, kind, comment_id, attempts, last_error, created_at, updated_at';

function toRow(row: Record<string, unknown>): WebmentionRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(row.id),
    publicId: String(row.public_id),
    site: String(row.site),
    uri: String(row.uri),
    source: String(row.source),
    target: String(row.target),
    status: String(row.status) as WebmentionStatus,
    kind: text(row.kind),
    commentId: row.comment_id === null ? null : Number(row.comment_id),
    attempts: Number(row.attempts),
    lastError: text(row.last_error),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Queues (source, target) for verification now; a re-sent pair keeps its row and status URL. */
export async function queueWebmention(
  db: Db,
  fields: { publicId: string; site: string; uri: string; source: string; target: string },
  now: number,
): Promise<WebmentionRow> {
  const result = await db.execute({
    sql: `INSERT INTO webmentions (public_id, site, uri, source, target, status, attempts, next_check_at, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
          ON CONFLICT (source, target) DO UPDATE SET status = 'queued', attempts = 0, next_check_at = excluded.next_check_at,
            updated_at = excluded.updated_at
          RETURNING ${COLUMNS}`,
    args: [fields.publicId, fields.site, fields.uri, fields.source, fields.target, now, now, now],
  });
  return toRow(result.rows[0]!);
}

export async function findWebmention(db: Db, publicId: string): Promise<WebmentionRow | undefined> {
  const result = await db.execute({ sql: `SELECT ${COLUMNS} FROM webmentions WHERE public_id = ?`, args: [publicId] });
  return result.rows[0] ? toRow(result.rows[0]) : undefined;
}

/** Webmentions due for a (re-)check, oldest due first. */
export async function dueWebmentions(db: Db, now: number, limit: number): Promise<WebmentionRow[]> {
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM webmentions WHERE next_check_at <= ? ORDER BY next_check_at, id LIMIT ?`,
    args: [now, limit],
  });
  return result.rows.map(toRow);
}

/** Records a check's outcome and when to look again (null: never, by itself). */
export async function recordCheck(
  db: Db,
  id: number,
  outcome: { status: WebmentionStatus; kind?: string | null; commentId?: number | null; error?: string | null; attempts: number; nextCheckAt: number | null },
  now: number,
): Promise<void> {
  await db.execute({
    sql: `UPDATE webmentions SET status = ?, kind = coalesce(?, kind), comment_id = ?, last_error = ?, attempts = ?,
            next_check_at = ?, updated_at = ? WHERE id = ?`,
    args: [
      outcome.status, outcome.kind ?? null, outcome.commentId ?? null, outcome.error ?? null, outcome.attempts,
      outcome.nextCheckAt ?? Number.MAX_SAFE_INTEGER, now, id,
    ],
  });
}

/** Counts by status and the latest failures, for the desk's Deliveries page. */
export async function webmentionProblems(db: Db, site: string, limit: number): Promise<WebmentionRow[]> {
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM webmentions WHERE site = ? AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT ?`,
    args: [site, limit],
  });
  return result.rows.map(toRow);
}
