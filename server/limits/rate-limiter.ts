/**
 * Rate limits: so many attempts per window per hashed client address (never a
 * raw IP), counted in the database so that a restart forgets nothing and
 * several processes on one database share the count.
 */
import type { Db } from '../db/connection.js';
import { countAttempt, pruneAttempts } from '../db/rate-limits.js';

/** Old windows are deleted after every this many attempts, so the table stays as small as the active clients. */
const PRUNE_EVERY = 500;

export class RateLimiter {
  private attempts = 0;

  constructor(
    private readonly db: Db,
    /** Names the counter: limits with different scopes count separately. */
    private readonly scope: string,
    /** Allowed attempts per window; 0 turns the limiter off. */
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  async take(clientHash: string, now: number): Promise<number> {
    if (this.limit <= 0) return 0;
    if (++this.attempts % PRUNE_EVERY === 0) await pruneAttempts(this.db, this.scope, now - this.windowMs);
    const { hits, windowStart } = await countAttempt(this.db, this.scope, clientHash, now, this.windowMs);
    if (hits <= this.limit) return 0;
    return Math.max(1, Math.ceil((windowStart + this.windowMs - now) / 1000));
  }
}

/** Writes by visitors (create, edit, delete, form posts): `KOMMENTAR_RATE_LIMIT` per minute. */
export function writeLimiter(db: Db, perMinute: number): RateLimiter {
  return new RateLimiter(db, 'write', perMinute, 60_000);
}

/** A preview follows typing, so rendering (previews, desk answers) gets several times the write limit. */
export const RENDER_LIMIT_FACTOR = 6;

export function renderLimiter(db: Db, writesPerMinute: number): RateLimiter {
  return new RateLimiter(db, 'render', writesPerMinute * RENDER_LIMIT_FACTOR, 60_000);
}
