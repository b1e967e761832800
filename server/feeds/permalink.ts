/** Where things live on the blog itself: the addresses feeds, emails and the desk link to. */
import { findSite, type Config } from '../config.js';

/** The blog's origin for a site: its first configured origin, else the comment server's public URL. */
export function siteOrigin(config: Config, siteId: string): string {
  const first = findSite(config, siteId)?.origins[0];
  return first ? new URL(first).origin : config.publicUrl;
}

/** A page of the blog. */
export function pageUrl(config: Config, siteId: string, uri: string): string {
  return `${siteOrigin(config, siteId)}${uri}`;
}

/** One comment on its page, by the `comment-<id>` anchor the widget puts on every comment. */
export function commentPermalink(config: Config, siteId: string, uri: string, id: number): string {
  return `${pageUrl(config, siteId, uri)}#comment-${id}`;
}
