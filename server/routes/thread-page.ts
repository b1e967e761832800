/**
 * The thread rendered by the server, with the widget's own markup:
 * - `GET /thread?site=S&uri=U` is a whole page: where a no-JavaScript form post
 *   lands (site option `formRedirect: 'thread'`), where no-JS "Reply" links go
 *   (`&reply=ID`), and what says "awaiting moderation" (`&pending=ID`).
 * - `GET /api/v1/comments.html?site=S&uri=U` is the same thread as an HTML
 *   fragment, which the widget mounts when the page has no prerender; the
 *   widget then adopts it exactly like a prerendered thread.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { listPublicThread } from '../comments/comments.js';
import { threadQuerySchema } from '../comments/schemas.js';
import { readQuery, requireSite } from '../http/input.js';
import { escapeHtml } from '../render/escape.js';
import { pageUrl } from '../urls.js';
import { LANGS, PAGE_STRINGS, STRINGS, pickLang } from '../widget/i18n/index.js';
import { renderThread, type ThreadView } from '../widget/markup.js';
import { cachedAnswer } from './cached-answer.js';

const commentId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const pageQuerySchema = threadQuerySchema.extend({
  lang: z.enum(LANGS).optional(),
  reply: commentId.optional(),
  pending: commentId.optional(),
  /** The fragment's page size: top-level threads shown before "show N more" (the page of the whole thread ignores it). */
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The no-JS thread page and the widget's HTML fragment, for mounting at the root. */
export function threadPageRoutes(ctx: AppContext) {
  const app = new Hono();

  /** Reads the query; the language comes from `lang`, else the browser's first preference. */
  function readView(c: Context) {
    const query = readQuery(c, pageQuerySchema);
    const site = requireSite(ctx.config, query.site);
    const lang = query.lang ?? pickLang(c.req.header('accept-language')?.split(',')[0]);
    const view: ThreadView = { server: ctx.config.publicUrl, site: site.id, uri: query.uri, lang, now: ctx.now(), timeZone: 'UTC', replyTo: query.reply };
    return { query, site, view };
  }

  /** The query and the thread. */
  async function load(c: Context) {
    const { query, site, view } = readView(c);
    return { query, site, view, comments: await listPublicThread(ctx, site.id, query.uri) };
  }

  // Built once per change of the thread (relative times as of then: the widget refreshes them on mount) and served compressed.
  app.get('/api/v1/comments.html', async (c) => {
    const { query, site, view } = readView(c);
    c.header('Cache-Control', 'public, no-cache');
    const key = `fragment\n${site.id}\n${query.uri}\n${view.lang}\n${query.reply ?? ''}\n${query.limit ?? ''}`;
    const build = async () => renderThread(await listPublicThread(ctx, site.id, query.uri), { ...view, now: ctx.now(), pageSize: query.limit });
    return cachedAnswer(c, ctx, key, 'text/html; charset=utf-8', build);
  });

  app.get('/thread', async (c) => {
    const { query, site, view, comments } = await load(c);
    const page = PAGE_STRINGS[view.lang];
    const back = pageUrl(ctx.config, site.id, query.uri);
    const pending = query.pending === undefined ? '' : `<p class="k-note" id="kommentar-pending-${query.pending}" role="status">${escapeHtml(STRINGS[view.lang].pending)}</p>`;
    // The page runs only our own script and styles, and its form may post only here (and land back on the blog).
    const formTargets = [...new Set([new URL(ctx.config.publicUrl).origin, ...site.origins.map((origin) => new URL(origin).origin)])].join(' ');
    c.header('Content-Security-Policy', `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action ${formTargets}; base-uri 'none'; frame-ancestors 'none'`);
    c.header('Cache-Control', 'no-store');
    return c.html(
      `<!doctype html><html lang="${view.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(`${page.pageTitle} · ${site.title ?? query.uri}`)}</title><meta name="robots" content="noindex"><link rel="stylesheet" href="widget.css"></head>` +
        `<body class="kommentar-page"><main><p><a href="${escapeHtml(back)}">${escapeHtml(page.backToPost)}</a></p><h1>${escapeHtml(page.pageTitle)}</h1>${pending}` +
        `<div data-kommentar-thread="${escapeHtml(view.uri)}" data-kommentar-site="${escapeHtml(site.id)}" data-kommentar-title="">${renderThread(comments, view)}</div>` +
        `</main><script src="widget.js" async></script></body></html>`,
    );
  });

  return app;
}
