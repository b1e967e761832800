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
import { html, raw } from 'hono/html';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { listPublicThread } from '../comments/comments.js';
import { commentIdText, threadQuerySchema } from '../comments/schemas.js';
import { readQuery, requireSite } from '../http/input.js';
import { encoded, makeSnapshot, sendSnapshot } from '../http/response-cache.js';
import { pageUrl } from '../urls.js';
import { mentionsOf } from '../elsewhere/webmention.js';
import { chooseLanguage } from '../i18n/negotiate.js';
import { translator } from '../i18n/translate.js';
import { renderMentions, renderThread, type ThreadView } from '../widget/markup.js';
import { pageShell } from './page-shell.js';
import { webmentionEndpoint } from './webmention.js';

const pageQuerySchema = threadQuerySchema.extend({
  /** The page's language tag as the widget or a link has it; any tag is accepted, one Kommentar does not speak falls back. */
  lang: z.string().max(35).optional(),
  reply: commentIdText.optional(),
  pending: commentIdText.optional(),
  /** The reader's comment was just published (a no-JS form post): thank them and link back. */
  posted: commentIdText.optional(),
  /** The fragment's page size: top-level threads shown before "show N more" (the page of the whole thread ignores it). */
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The no-JS thread page and the widget's HTML fragment, for mounting at the root. */
export function threadPageRoutes(ctx: AppContext) {
  const app = new Hono();

  /**
   * Reads the query. The language: the page's `lang`, then (for the page a
   * reader opens, not the widget's fragment, whose language must be the one of
   * the messages the widget downloads) the browser's `Accept-Language`, then the site's.
   */
  function readView(c: Context, acceptLanguage?: string) {
    const query = readQuery(c, pageQuerySchema);
    const site = requireSite(ctx.config, query.site);
    const { lang, t } = translator(chooseLanguage({ page: query.lang, acceptLanguage, siteDefault: site.lang }));
    const view: ThreadView = { server: ctx.config.publicUrl, site: site.id, uri: query.uri, lang, t, now: ctx.now(), timeZone: 'UTC', replyTo: query.reply, email: ctx.config.smtp !== undefined };
    return { query, site, view };
  }

  /** The query and the thread. */
  async function load(c: Context) {
    const { query, site, view } = readView(c, c.req.header('accept-language'));
    return { query, site, view, comments: await listPublicThread(ctx, site.id, query.uri) };
  }

  // Built once per change of the thread (relative times as of then: the widget refreshes them on mount) and served compressed.
  // Unlike cachedAnswer, both encodings are made before the snapshot is served, and a background refresh of a stale one
  // starts only after the answer that triggered it is sent: a reader of a long thread then waits for neither.
  app.get('/api/v1/comments.html', async (c) => {
    const { query, site, view } = readView(c);
    c.header('Cache-Control', 'public, no-cache');
    const key = `fragment\n${site.id}\n${query.uri}\n${view.lang}\n${query.reply ?? ''}\n${query.limit ?? ''}`;
    const build = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const snapshot = await makeSnapshot(renderThread(await listPublicThread(ctx, site.id, query.uri), { ...view, now: ctx.now(), pageSize: query.limit }), 'text/html; charset=utf-8');
      await Promise.all([encoded(snapshot, 'br'), encoded(snapshot, 'gzip')]);
      return snapshot;
    };
    return sendSnapshot(c, await ctx.responses.get(key, await ctx.changes.generation(), build));
  });

  app.get('/thread', async (c) => {
    const { query, site, view, comments } = await load(c);
    const { t } = view;
    const mentions = renderMentions(await mentionsOf(ctx, site.id, query.uri), t);
    const back = pageUrl(ctx.config, site.id, query.uri);
    // After a no-JS post: a plain thank-you that stays in view (sticky) while the page shows the comment, with the way back.
    const thanks = (id: string, text: string, link: string, href: string) =>
      html`<div class="k-thanks" id="${id}" role="status"><p>${text}</p><a href="${href}">${link}</a></div>`;
    const notice =
      query.pending !== undefined
        ? thanks(`kommentar-pending-${query.pending}`, t('page.thread.pending'), t('page.thread.returnToPost'), back)
        : query.posted !== undefined
          ? thanks(`kommentar-posted-${query.posted}`, t('page.thread.published'), t('page.thread.seeOnPost'), `${back}#comment-${query.posted}`)
          : '';
    // The page runs only our own script and styles, and its form may post only here (and land back on the blog).
    const formTargets = [...new Set([new URL(ctx.config.publicUrl).origin, ...site.origins.map((origin) => new URL(origin).origin)])].join(' ');
    c.header('Content-Security-Policy', `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action ${formTargets}; base-uri 'none'; frame-ancestors 'none'`);
    c.header('Cache-Control', 'no-store');
    const endpoint = webmentionEndpoint(ctx.config.publicUrl);
    c.header('Link', `<${endpoint}>; rel="webmention"`);
    return c.html(
      pageShell(
        { lang: view.lang, title: `${t('page.thread.title')} · ${site.title ?? query.uri}`, stylesheet: 'widget.css', script: 'widget.js', bodyClass: 'kommentar-page', webmention: endpoint },
        html`<main>
          <p class="k-back"><a href="${back}">${t('page.thread.back')}</a></p>
          ${notice}
          <h1>${t('page.thread.title')}</h1>
          <div data-kommentar-thread="${view.uri}" data-kommentar-site="${site.id}" data-kommentar-title="">${raw(renderThread(comments, view))}</div>
          ${raw(mentions)}
        </main>`,
      ),
    );
  });

  return app;
}
