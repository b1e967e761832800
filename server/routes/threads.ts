/** `GET /api/v1/threads?site=S`: every public thread of a site in one answer, for static-site builds. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { siteId } from '../comments/schemas.js';
import { listPublicSite } from '../comments/site-threads.js';
import { readQuery, requireSite } from '../http/input.js';
import { cachedAnswer } from './cached-answer.js';

const siteQuerySchema = z.object({ site: siteId });

export function threadRoutes(ctx: AppContext) {
  // The ETag lets a build's cached copy be revalidated with If-None-Match instead of downloaded again.
  return new Hono().get('/threads', async (c) => {
    const { site } = readQuery(c, siteQuerySchema);
    requireSite(ctx.config, site);
    c.header('Cache-Control', 'public, no-cache');
    // `email`: whether the server sends reply notifications, so a prerendered form offers them only then.
    return cachedAnswer(c, ctx, `threads\n${site}`, 'application/json', async () => JSON.stringify({ email: ctx.config.smtp !== undefined, threads: await listPublicSite(ctx, site) }), { replayable: true });
  });
}
