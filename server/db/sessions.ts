/** Storage for desk login sessions: the token's hash and when it expires. Every query on desk_sessions lives here. */
import type { Db } from './connection.js';

export interface SessionRow {
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO desk_sessions (token_hash, created_at, expires_at) VALUES (?, ?, ?)',
    args: [session.tokenHash, session.createdAt, session.expiresAt],
  });
}

/** The session with this token hash if it has not expired at `now`. */
export async function findLiveSession(db: Db, tokenHash: string, now: number): Promise<SessionRow | undefined> {
  const result = await db.execute({
    sql: 'SELECT token_hash, created_at, expires_at FROM desk_sessions WHERE token_hash = ? AND expires_at > ?',
    args: [tokenHash, now],
  });
  const row = result.rows[0];
  return row ? { tokenHash: String(row.token_hash), createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) } : undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.execute({ sql: 'DELETE FROM desk_sessions WHERE token_hash = ?', args: [tokenHash] });
}

/** Forgets sessions that expired before `now`, so the table does not grow with every login. */
export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.execute({ sql: 'DELETE FROM desk_sessions WHERE expires_at <= ?', args: [now] });
}
