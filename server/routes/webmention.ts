/**
 * The W3C Webmention receiver: `POST /webmention` (form fields `source`,
 * `target`) answers 400 for an invalid pair, else 202 with a `Location`
 * status URL, and verification runs later in the background;
 * `GET /webmention/status/:id` tells how it went (nothing private in it).
 */
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { findWebmention } from '../db/webmentions.js';
import { wakeWebmentions } from '../elsewhere/service.js';
import { receiveWebmention } from '../elsewhere/webmention.js';
import { ApiError } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { RateLimiter } from '../limits/rate-limiter.js';

/** The public address of the receiver, as advertised by `<link rel="webmention">` and the `Link` header. */
export const webmentionEndpoint = (publicUrl: string) => `${publicUrl}/webmention`;

export function webmentionRoutes(ctx: AppContext) {
  const app = new Hono();
  // Senders are servers, not readers; a generous multiple of the comment limit keeps floods out.
  const limiter = new RateLimiter(ctx.db, 'webmention', ctx.config.rateLimit * 6, 60_000);

  app.post('/webmention', rateLimit(ctx, limiter, { refusal: 'Too many Webmentions' }), async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
      throw new ApiError(415, 'unsupported_media_type', 'Send source and target as application/x-www-form-urlencoded.');
    }
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const row = await receiveWebmention(ctx, { source: field('source'), target: field('target') });
    wakeWebmentions(ctx);
    const location = `${ctx.config.publicUrl}/webmention/status/${row.publicId}`;
    c.header('Location', location);
    // The W3C spec asks for no body; a line of text helps whoever sends one by hand.
    return c.text(`Accepted: the source will be verified. Status: ${location}\n`, 202);
  });

  app.get('/webmention/status/:id', async (c) => {
    const id = c.req.param('id');
    const row = /^[A-Za-z0-9_-]{16}$/.test(id) ? await findWebmention(ctx.db, id) : undefined;
    if (!row) throw new ApiError(404, 'not_found', 'No such Webmention.');
    c.header('Cache-Control', 'no-store');
    return c.json({
      status: row.status,
      source: row.source,
      target: row.target,
      kind: row.kind,
      message: row.lastError,
      updatedAt: new Date(row.updatedAt).toISOString(),
    });
  });

  return app;
}
