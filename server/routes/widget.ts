/**
 * `GET /widget.js`, `GET /widget.css`: the embeddable widget, loadable from
 * any blog (Cross-Origin-Resource-Policy: cross-origin), cached briefly and
 * then revalidated by ETag so a new version reaches readers within minutes.
 * `GET /widget.json` tells an embed without `data-kommentar-site` which site
 * this server hosts, and whether it sends email. `GET /widget/messages.json`
 * gives the widget its texts in the page's language.
 */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.js';
import { notModified } from '../http/conditional-get.js';
import { ApiError } from '../http/errors.js';
import { DEFAULT_LANG, langOf } from '../i18n/languages.js';
import { chooseLanguage } from '../i18n/negotiate.js';
import { findSite } from '../config.js';
import { WidgetAssets } from '../widget/assets.js';
import { MESSAGES_VERSION, widgetMessages } from '../widget/messages.js';

const TYPES = { 'widget.js': 'text/javascript; charset=utf-8', 'widget.css': 'text/css; charset=utf-8' } as const;

const acceptsGzip = (c: Context) => /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');

function serveAsset(c: Context, assets: WidgetAssets, name: keyof typeof TYPES): Response {
  const asset = assets.get(name);
  if (!asset) throw new ApiError(503, 'widget_not_built', 'The widget is not built: run `npm run build`.');
  const gzip = acceptsGzip(c);
  // Each encoding is a different representation, so each gets its own strong ETag.
  const tag = `"${asset.hash}${gzip ? '-gz' : ''}"`;
  c.header('Content-Type', TYPES[name]);
  c.header('Cache-Control', 'public, max-age=300, must-revalidate');
  c.header('Vary', 'Accept-Encoding');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  const unchanged = notModified(c, tag);
  if (unchanged) return unchanged;
  if (gzip) c.header('Content-Encoding', 'gzip');
  return c.body(new Uint8Array(gzip ? asset.gzip : asset.body));
}

/**
 * The widget's messages for a page: `lang` is the page's tag as the widget
 * read it, `site` the embed's site (else the server's only one). The server
 * chooses: the tag's language if Kommentar speaks it, else the site's `lang`;
 * the answer names the one chosen. Asked with the current version `v` and a
 * tag it speaks, the answer never changes and is cached for a year; otherwise
 * (the site's default decides, or an older script) for five minutes.
 */
function serveMessages(c: Context, ctx: AppContext): Response {
  const tag = (c.req.query('lang') ?? '').slice(0, 35);
  const siteId = c.req.query('site');
  const site = siteId ? findSite(ctx.config, siteId) : ctx.config.sites.length === 1 ? ctx.config.sites[0] : undefined;
  const answer = widgetMessages(chooseLanguage({ page: tag, siteDefault: site?.lang ?? DEFAULT_LANG }));
  const lasting = langOf(tag) !== undefined && c.req.query('v') === MESSAGES_VERSION;
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', lasting ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  c.header('Vary', 'Accept-Encoding');
  const gzip = acceptsGzip(c);
  const unchanged = notModified(c, `"${answer.hash}${gzip ? '-gz' : ''}"`);
  if (unchanged) return unchanged;
  c.header('Content-Type', 'application/json; charset=utf-8');
  if (!gzip) return c.body(answer.body);
  c.header('Content-Encoding', 'gzip');
  return c.body(new Uint8Array(answer.gzip));
}

/** The widget's static files, its messages and its one-site default, for mounting at the root. */
export function widgetRoutes(ctx: AppContext) {
  const assets = new WidgetAssets();
  return new Hono()
    .get('/widget.js', (c) => serveAsset(c, assets, 'widget.js'))
    .get('/widget.css', (c) => serveAsset(c, assets, 'widget.css'))
    .get('/widget/messages.json', (c) => serveMessages(c, ctx))
    .get('/widget.json', (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
      // `email`: whether this server sends email (reply notifications); a yes or no, nothing about how.
      return c.json({ site: ctx.config.sites.length === 1 ? ctx.config.sites[0]!.id : null, email: ctx.config.smtp !== undefined });
    });
}
