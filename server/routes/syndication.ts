/**
 * Syndicated copies over HTTP, for the author only (admin token or desk session):
 * `PUT /api/v1/syndication` stores a post's copies, `POST /api/v1/syndication/fetch`
 * fetches their replies at once and answers when done.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { siteId, threadUri } from '../comments/schemas.js';
import type { AppContext } from '../context.js';
import { fetchPost, registerCopies } from '../elsewhere/syndication.js';
import { hasAdminToken } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { readJson, requireSite } from '../http/input.js';

const copyUrl = z
  .string()
  .max(2000, 'at most 2000 characters')
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http or https URL');

export const syndicationSchema = z.object({
  site: siteId,
  uri: threadUri,
  urls: z.array(copyUrl).max(20, 'at most 20 copies per post'),
});

export const fetchNowSchema = z.object({ site: siteId, uri: threadUri });

export function syndicationRoutes(ctx: AppContext, isAuthor: (c: Context) => boolean | Promise<boolean>) {
  const app = new Hono();

  const authorOnly = async (c: Context, next: () => Promise<void>) => {
    if (!hasAdminToken(c, ctx.config) && !(await isAuthor(c))) {
      throw new ApiError(401, 'unauthorized', 'Syndicated copies are for the author: send the admin token or log in to the desk.');
    }
    await next();
  };
  app.use('/syndication', authorOnly);
  app.use('/syndication/*', authorOnly);

  app.put('/syndication', async (c) => {
    const input = await readJson(c, syndicationSchema);
    const site = requireSite(ctx.config, input.site);
    const registered = await registerCopies(ctx, site, input.uri, input.urls);
    return c.json({ site: site.id, uri: input.uri, ...registered });
  });

  app.post('/syndication/fetch', async (c) => {
    const input = await readJson(c, fetchNowSchema);
    const site = requireSite(ctx.config, input.site);
    return c.json({ fetched: await fetchPost(ctx, site, input.uri) });
  });

  return app;
}
