/** `GET /feed.atom?site=S[&uri=U]`: Atom feeds of recent approved comments. */
import { Hono } from 'hono';
import { z } from 'zod';
import { siteId, threadUri } from '../comments/schemas.js';
import type { AppContext } from '../context.js';
import { commentFeed } from '../feeds/comment-feed.js';
import { conditionalGet } from '../http/conditional-get.js';
import { readQuery, requireSite } from '../http/input.js';

const feedQuery = z.object({ site: siteId, uri: threadUri.optional() });

export function feedRoutes(ctx: AppContext) {
  return new Hono().get('/feed.atom', conditionalGet(), async (c) => {
    const { site, uri } = readQuery(c, feedQuery);
    const xml = await commentFeed(ctx, requireSite(ctx.config, site), uri);
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    // Feed readers poll; a few minutes of staleness is fine and ETags make the rest cheap.
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(xml);
  });
}
