/**
 * Per-client write limit: a sliding one-minute window of timestamps per hashed
 * client address, in memory (a restart forgets it, which is fine for spam brakes).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    /** Allowed events per window; 0 turns the limiter off. */
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an attempt; returns the seconds to wait when over the limit, else 0. */
  take(key: string, now: number): number {
    if (this.limit <= 0) return 0;
    const recent = (this.hits.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number) {
    for (const [key, times] of this.hits) if (times.at(-1)! <= now - this.windowMs) this.hits.delete(key);
  }
}
