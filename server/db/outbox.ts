/**
 * Storage for the outbox: emails and webhook calls waiting to go out, so the
 * request that caused them never waits for (or fails with) a mail server.
 * Every query on the outbox table lives here.
 */
import type { InStatement } from '@libsql/client';
import type { Db } from './connection.js';

export type OutboxKind = 'email' | 'webhook';
export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface NewOutboxItem {
  kind: OutboxKind;
  /** What the message is about (reply, confirm, author, comment.created…), for the desk. */
  topic: string;
  /** JSON the sender for `kind` understands. */
  payload: string;
}

export interface OutboxItem extends NewOutboxItem {
  id: number;
  attempts: number;
}

export interface OutboxProblem {
  id: number;
  kind: OutboxKind;
  topic: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string;
  updatedAt: number;
}

export interface OutboxSummary {
  queued: number;
  sent: number;
  failed: number;
  /** The latest items that hit an error, newest first (queued for a retry, or failed for good). */
  problems: OutboxProblem[];
}

/**
 * The payload as SQL: with `commentIdMarker`, every occurrence of that number
 * in it becomes the id of the comment the same batch inserted just before
 * (the largest id while the batch holds the write lock), so a comment and the
 * notifications that name it are written in one atomic batch.
 */
const payloadSql = (commentIdMarker?: number) => (commentIdMarker === undefined ? '?' : `replace(?, '${commentIdMarker}', (SELECT max(id) FROM comments))`);

/** Statement that queues items: what one event sets off is in the outbox together or not at all. */
export function enqueueStatement(items: NewOutboxItem[], now: number, commentIdMarker?: number): InStatement {
  return {
    sql: `INSERT INTO outbox (kind, topic, payload, status, attempts, next_attempt_at, created_at, updated_at)
          VALUES ${items.map(() => `(?, ?, ${payloadSql(commentIdMarker)}, 'queued', 0, ?, ?, ?)`).join(', ')}`,
    args: items.flatMap((item) => [item.kind, item.topic, item.payload, now, now, now]),
  };
}

/** Statement that queues the item only when the statement right before it in the batch changed a row. */
export function enqueueIfChangedStatement(item: NewOutboxItem, now: number, commentIdMarker?: number): InStatement {
  return {
    sql: `INSERT INTO outbox (kind, topic, payload, status, attempts, next_attempt_at, created_at, updated_at)
          SELECT ?, ?, ${payloadSql(commentIdMarker)}, 'queued', 0, ?, ?, ? WHERE changes() > 0`,
    args: [item.kind, item.topic, item.payload, now, now, now],
  };
}

/** Queued items whose next attempt is due, oldest first. */
export async function dueItems(db: Db, now: number, limit: number): Promise<OutboxItem[]> {
  const result = await db.execute({
    sql: `SELECT id, kind, topic, payload, attempts FROM outbox WHERE status = 'queued' AND next_attempt_at <= ?
          ORDER BY next_attempt_at, id LIMIT ?`,
    args: [now, limit],
  });
  return result.rows.map((row) => ({
    id: Number(row.id),
    kind: String(row.kind) as OutboxKind,
    topic: String(row.topic),
    payload: String(row.payload),
    attempts: Number(row.attempts),
  }));
}

/** Marks an item delivered and drops its payload: addresses and texts are not kept once sent. */
export async function markSent(db: Db, id: number, now: number): Promise<void> {
  await db.execute({
    sql: `UPDATE outbox SET status = 'sent', payload = '', attempts = attempts + 1, last_error = NULL, updated_at = ? WHERE id = ?`,
    args: [now, id],
  });
}

/** Records a failed attempt; the item is tried again at `nextAttemptAt`. */
export async function markRetry(db: Db, id: number, error: string, nextAttemptAt: number, now: number): Promise<void> {
  await db.execute({
    sql: `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
    args: [error, nextAttemptAt, now, id],
  });
}

/** Gives up on an item; it stays visible in the desk and can be queued again from there. */
export async function markFailed(db: Db, id: number, error: string, now: number): Promise<void> {
  await db.execute({
    sql: `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?`,
    args: [error, now, id],
  });
}

export async function outboxSummary(db: Db, problemLimit = 10): Promise<OutboxSummary> {
  const [counts, problems] = await db.batch(
    [
      'SELECT status, count(*) AS n FROM outbox GROUP BY status',
      {
        sql: `SELECT id, kind, topic, status, attempts, last_error, updated_at FROM outbox
              WHERE last_error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ?`,
        args: [problemLimit],
      },
    ],
    'read',
  );
  const count = (status: OutboxStatus) => Number(counts!.rows.find((row) => row.status === status)?.n ?? 0);
  return {
    queued: count('queued'),
    sent: count('sent'),
    failed: count('failed'),
    problems: problems!.rows.map((row) => ({
      id: Number(row.id),
      kind: String(row.kind) as OutboxKind,
      topic: String(row.topic),
      status: String(row.status) as OutboxStatus,
      attempts: Number(row.attempts),
      lastError: String(row.last_error),
      updatedAt: Number(row.updated_at),
    })),
  };
}

/** Puts every failed item back in the queue with fresh attempts; returns how many. */
export async function requeueFailed(db: Db, now: number): Promise<number> {
  const result = await db.execute({
    sql: `UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE status = 'failed'`,
    args: [now, now],
  });
  return result.rowsAffected;
}

/** Forgets delivered items older than `before`; the desk's counts cover the recent past. */
export async function pruneSent(db: Db, before: number): Promise<void> {
  await db.execute({ sql: `DELETE FROM outbox WHERE status = 'sent' AND updated_at < ?`, args: [before] });
}
