/**
 * Desk sessions: a random token in an HttpOnly cookie, only its hash in the
 * database, so a restart keeps the author logged in and logout really revokes.
 */
import type { AppContext } from '../context.js';
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession } from '../db/sessions.js';
import { hashToken, newToken } from '../identity/identity.js';

/** How long a login lasts; long enough for a working day, short enough that a forgotten phone session dies. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface DeskSession {
  /** The stored hash: the session's identity on the server (CSRF tokens derive from it). */
  tokenHash: string;
  expiresAt: number;
}

/** Starts a session; the raw token goes into the cookie and nowhere else. */
export async function startSession(ctx: AppContext): Promise<{ token: string; session: DeskSession }> {
  const now = ctx.now();
  await deleteExpiredSessions(ctx.db, now);
  const token = newToken();
  const session = { tokenHash: hashToken(token), expiresAt: now + SESSION_LIFETIME_MS };
  await insertSession(ctx.db, { ...session, createdAt: now });
  return { token, session };
}

/** The live session for a cookie's token, or undefined when unknown, revoked or expired. */
export async function findSession(ctx: AppContext, token: string | undefined): Promise<DeskSession | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await findLiveSession(ctx.db, hashToken(token), ctx.now());
  return row ? { tokenHash: row.tokenHash, expiresAt: row.expiresAt } : undefined;
}

export async function endSession(ctx: AppContext, session: DeskSession): Promise<void> {
  await deleteSession(ctx.db, session.tokenHash);
}
