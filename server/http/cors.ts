/**
 * CORS for the API, limited to the configured origins. Preflights go through
 * Hono's cors middleware. For the actual requests (every widget read) the two
 * headers are set up front through `c.header`, because the middleware writes
 * them onto a response object before the route runs, which makes the Node
 * adapter rebuild every response the slow way (a third of the throughput).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { SiteOrigins } from '../site-origins.js';

const EXPOSED = 'ETag, Retry-After';

export function apiCors(origins: SiteOrigins): MiddlewareHandler {
  const isAllowed = (origin: string) => origins.allowed().has(origin.toLowerCase());
  const preflight = cors({
    origin: (origin) => (isAllowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'X-Edit-Token', 'Authorization', 'If-None-Match'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    c.header('Vary', 'Origin', { append: true });
    if (isAllowed(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSED);
    }
    await next();
  };
}
