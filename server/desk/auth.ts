/**
 * Logging in to the desk: password check against the configured scrypt hash,
 * throttled per hashed client address so the password cannot be guessed online.
 * The throttle counts in the database: a restart does not reset it.
 */
import type { AppContext } from '../context.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { isPasswordHash, verifyPassword } from './password.js';
import { startSession, type DeskSession } from './session.js';

/** Five tries per quarter hour per address: plenty for a typo, hopeless for guessing. */
export const LOGIN_ATTEMPTS = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult =
  | { ok: true; token: string; session: DeskSession }
  /** not_configured: no password hash, or one that is not `kommentar set-password`'s format. */
  | { ok: false; reason: 'not_configured' | 'wrong_password' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** The login function of a running app. */
export function createLogin(ctx: AppContext): (password: string, clientHash: string) => Promise<LoginResult> {
  const limiter = new RateLimiter(ctx.db, 'login', LOGIN_ATTEMPTS, LOGIN_WINDOW_MS);
  return async (password, clientHash) => {
    const stored = ctx.config.adminPasswordHash;
    if (!stored || !isPasswordHash(stored)) return { ok: false, reason: 'not_configured' };
    // Every attempt counts, before the (deliberately slow) hash: throttling also caps the CPU an attacker can burn.
    const wait = await limiter.take(clientHash, ctx.now());
    if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterSeconds: wait };
    if (!(await verifyPassword(password, stored))) return { ok: false, reason: 'wrong_password' };
    return { ok: true, ...(await startSession(ctx)) };
  };
}
