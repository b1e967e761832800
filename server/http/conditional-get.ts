/**
 * Conditional GET (RFC 9110 §13.1.2, If-None-Match), the one way every route
 * answers `304 Not Modified`: comparison is weak (`W/"x"` matches `"x"`), `*`
 * matches any current representation, and the header may list several tags.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Entity tags in a header value; a comma inside the quotes belongs to the tag. */
const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;
const opaque = (tag: string) => tag.replace(/^W\//, '');

/** Whether an If-None-Match header value matches `etag` (quoted, strong or weak). */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const current = opaque(etag);
  return (header.match(ENTITY_TAG) ?? []).some((tag) => opaque(tag) === current);
}

/**
 * For a route that knows its tag before it builds the body: sets `ETag` and
 * returns the 304 to send when the client already has this representation.
 */
export function notModified(c: Context, etag: string): Response | undefined {
  c.header('ETag', etag);
  return ifNoneMatchMatches(c.req.header('if-none-match'), etag) ? c.body(null, 304) : undefined;
}

/** What a 304 keeps of the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

/** Middleware for a route whose tag is the hash of its body (a thread list, a feed): tags every 200 and turns a match into a 304. */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (!ifNoneMatchMatches(c.req.header('if-none-match'), etag)) {
      c.res.headers.set('ETag', etag);
      return;
    }
    const headers = new Headers([['ETag', etag]]);
    for (const [name, value] of c.res.headers) if (KEPT_ON_304.includes(name) && name !== 'etag') headers.set(name, value);
    await c.res.body?.cancel();
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers });
  };
}
