/**
 * Public addresses, built in one place: the blog's pages and comments, and the
 * server's own thread page. Type-only imports, so the widget bundle can use it.
 */
import type { Config } from './config.js';

/** The blog's origin for a site: its first configured origin, else the comment server's public URL. */
export function siteOrigin(config: Pick<Config, 'sites' | 'publicUrl'>, siteId: string): string {
  const first = config.sites.find((site) => site.id === siteId)?.origins[0];
  return first ? new URL(first).origin : config.publicUrl;
}

/** A page of the blog. */
export function pageUrl(config: Pick<Config, 'sites' | 'publicUrl'>, siteId: string, uri: string): string {
  return `${siteOrigin(config, siteId)}${uri}`;
}

/** One comment on its page, by the `comment-<id>` anchor the widget puts on every comment. */
export function commentPermalink(config: Pick<Config, 'sites' | 'publicUrl'>, siteId: string, uri: string, id: number): string {
  return `${pageUrl(config, siteId, uri)}#comment-${id}`;
}

/** The comment server's own rendered page of a thread (the no-JavaScript landing page). */
export function threadPageUrl(server: string, siteId: string, uri: string, extra: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ site: siteId, uri, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
  return `${server}/thread?${query}`;
}
