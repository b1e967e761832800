/**
 * One log line per request: method, path, status and milliseconds. Of the
 * query only `site`, `uri` and `post` keep their values (which page, never
 * who); every other value (signed links, tokens, dates) shows as removed. No
 * client address, header or cookie is logged.
 */
import type { MiddlewareHandler } from 'hono';
import { redact, type Logger } from '../log.js';

const KEPT = new Set(['site', 'uri', 'post']);

function loggedQuery(url: string): Record<string, string> | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(url.slice(start + 1))) query[redact(key)] = KEPT.has(key) ? redact(value) : '[removed]';
  return query;
}

export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    if (!log.enabled('info')) return next();
    const started = performance.now();
    await next();
    const path = c.req.path;
    log.info('request', {
      method: c.req.method,
      // A visitor can put anything in a path, their address too.
      path: path.includes('@') ? redact(path) : path,
      query: loggedQuery(c.req.url),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
