/** Rate limits as Hono middleware: the client's hashed address counted by a RateLimiter, a 429 with Retry-After when over. */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../context.js';
import { hashClientAddress } from '../identity/identity.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { clientAddress } from './client-address.js';
import { ApiError } from './errors.js';

export interface RateLimitOptions {
  /** What was refused, for the error message ("Too many comments in a short time"). */
  refusal: string;
  /** Requests that are not counted (the author's own writes). */
  exempt?: (c: Context) => boolean;
}

/** The client's address as the limiters know it: an HMAC under the secret and the day, never the address. */
export function clientHash(ctx: AppContext, c: Context): string {
  return hashClientAddress(ctx.secret, clientAddress(c, ctx.config.trustProxy), ctx.now());
}

export function rateLimit(ctx: AppContext, limiter: RateLimiter, options: RateLimitOptions) {
  return createMiddleware(async (c, next) => {
    if (!options.exempt?.(c)) {
      const wait = await limiter.take(clientHash(ctx, c), ctx.now());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'rate_limited', `${options.refusal}: try again in ${wait} s.`);
      }
    }
    await next();
  });
}
