/**
 * `GET /widget.js`, `GET /widget.css`: the embeddable widget, loadable from
 * any blog (Cross-Origin-Resource-Policy: cross-origin), cached briefly and
 * then revalidated by ETag so a new version reaches readers within minutes.
 * `GET /widget.json` tells an embed without `data-kommentar-site` which site
 * this server hosts, and whether it sends email.
 */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.js';
import { notModified } from '../http/conditional-get.js';
import { ApiError } from '../http/errors.js';
import { WidgetAssets } from '../widget/assets.js';

const TYPES = { 'widget.js': 'text/javascript; charset=utf-8', 'widget.css': 'text/css; charset=utf-8' } as const;

function serveAsset(c: Context, assets: WidgetAssets, name: keyof typeof TYPES): Response {
  const asset = assets.get(name);
  if (!asset) throw new ApiError(503, 'widget_not_built', 'The widget is not built: run `npm run build`.');
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
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

/** The widget's static files and its one-site default, for mounting at the root. */
export function widgetRoutes(ctx: AppContext) {
  const assets = new WidgetAssets();
  return new Hono()
    .get('/widget.js', (c) => serveAsset(c, assets, 'widget.js'))
    .get('/widget.css', (c) => serveAsset(c, assets, 'widget.css'))
    .get('/widget.json', (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
      // `email`: whether this server sends email (reply notifications); a yes or no, nothing about how.
      return c.json({ site: ctx.config.sites.length === 1 ? ctx.config.sites[0]!.id : null, email: ctx.config.smtp !== undefined });
    });
}
