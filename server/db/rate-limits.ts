/** Storage for rate limits: one counter per (scope, hashed client address) and window. Every query on rate_limits lives here. */
import type { Db } from './connection.js';

export interface RateWindow {
  /** Attempts counted in the current window, this one included. */
  hits: number;
  windowStart: number;
}

/**
 * Counts one attempt in a single atomic upsert: a window older than
 * `windowMs` starts over at this attempt. Several processes on one database
 * file share the counter.
 */
export async function countAttempt(db: Db, scope: string, clientHash: string, now: number, windowMs: number): Promise<RateWindow> {
  const expired = now - windowMs;
  const result = await db.execute({
    sql: `INSERT INTO rate_limits (scope, client_hash, window_start, hits) VALUES (?, ?, ?, 1)
          ON CONFLICT (scope, client_hash) DO UPDATE SET
            hits = CASE WHEN window_start <= ? THEN 1 ELSE hits + 1 END,
            window_start = CASE WHEN window_start <= ? THEN excluded.window_start ELSE window_start END
          RETURNING hits, window_start`,
    args: [scope, clientHash, now, expired, expired],
  });
  const row = result.rows[0]!;
  return { hits: Number(row.hits), windowStart: Number(row.window_start) };
}

/** Forgets windows of a scope that started before `before`. */
export async function pruneAttempts(db: Db, scope: string, before: number): Promise<void> {
  await db.execute({ sql: 'DELETE FROM rate_limits WHERE scope = ? AND window_start < ?', args: [scope, before] });
}
