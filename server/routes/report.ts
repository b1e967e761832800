/** The dialogue report over HTTP: in full for the author, as aggregate numbers for everyone when the site allows it. */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.js';
import { hasAdminToken } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { parseWith, requireSite } from '../http/input.js';
import { reportQuerySchema } from '../report/report-query.js';
import { buildSiteReport } from '../report/site-report.js';
import { cachedAnswer } from './cached-answer.js';

export function reportRoutes(ctx: AppContext, isAuthor: (c: Context) => boolean | Promise<boolean>) {
  const app = new Hono();

  app.get('/report', async (c) => {
    if (!hasAdminToken(c, ctx.config) && !(await isAuthor(c))) {
      throw new ApiError(401, 'unauthorized', 'The full report is for the author: send the admin token or log in to the desk.');
    }
    const query = parseWith(reportQuerySchema, c.req.query());
    const site = requireSite(ctx.config, query.site);
    c.header('Cache-Control', 'private, no-store');
    return cachedAnswer(c, ctx, `report\n${JSON.stringify(query)}`, 'application/json', async () => JSON.stringify(await buildSiteReport(ctx, site.id, { ...query, lang: site.lang })));
  });

  /** No names at all: the partners list keeps its numbers, people stay unnamed. */
  app.get('/report/public', async (c) => {
    const query = parseWith(reportQuerySchema, c.req.query());
    const site = requireSite(ctx.config, query.site);
    if (!site.publicReport) throw new ApiError(404, 'not_public', `Site "${site.id}" does not publish its dialogue report.`);
    c.header('Cache-Control', 'public, max-age=60');
    const publicQuery = { ...query, hideNames: true, publicOnly: true, lang: site.lang };
    return cachedAnswer(c, ctx, `report\n${JSON.stringify(publicQuery)}`, 'application/json', async () => JSON.stringify(await buildSiteReport(ctx, site.id, publicQuery)), { replayable: true });
  });

  return app;
}
