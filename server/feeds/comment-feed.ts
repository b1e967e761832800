/**
 * Atom feeds of recent approved comments, site-wide or for one thread, so
 * readers can follow a conversation without an account or an email address.
 * Entries carry names and sanitised HTML only: never an email or a key.
 */
import { Feed } from 'feed';
import type { AppContext } from '../context.js';
import type { SiteConfig } from '../config.js';
import { listSiteComments, listThreadComments, type CommentRow } from '../db/comments.js';
import { findThread } from '../db/threads.js';
import { escapeHtml } from '../render/escape.js';
import { commentPermalink, pageUrl } from '../urls.js';

/** How many of the newest comments a feed holds. */
export const FEED_ENTRIES = 50;

/** The feed's own address (its Atom id and rel="self" link). */
export function feedUrl(publicUrl: string, site: string, uri?: string): string {
  return `${publicUrl}/feed.atom?${new URLSearchParams(uri ? { site, uri } : { site })}`;
}

async function newestApproved(ctx: AppContext, site: string, uri: string | undefined): Promise<CommentRow[]> {
  if (!uri) return listSiteComments(ctx.db, site, ['approved'], { limit: FEED_ENTRIES, newestFirst: true });
  return (await listThreadComments(ctx.db, site, uri, ['approved'])).slice(-FEED_ENTRIES).reverse();
}

/** The Atom document for a site (`uri` undefined) or one of its threads. */
export async function commentFeed(ctx: AppContext, site: SiteConfig, uri?: string): Promise<string> {
  const rows = await newestApproved(ctx, site.id, uri);
  const siteName = site.title ?? site.id;
  const threadTitle = uri ? ((await findThread(ctx.db, site.id, uri))?.title ?? uri) : undefined;
  const self = feedUrl(ctx.config.publicUrl, site.id, uri);
  const updatedOf = (row: CommentRow) => new Date(row.editedAt ?? row.createdAt);
  const feed = new Feed({
    id: self,
    title: threadTitle ? `Comments on “${threadTitle}” · ${siteName}` : `Recent comments · ${siteName}`,
    link: pageUrl(ctx.config, site.id, uri ?? '/'),
    feedLinks: { atom: self },
    updated: rows.length > 0 ? new Date(Math.max(...rows.map((row) => updatedOf(row).getTime()))) : new Date(ctx.now()),
    generator: 'Kommentar',
  });
  for (const row of rows) {
    const link = commentPermalink(ctx.config, site.id, row.uri, row.id);
    const name = row.name ?? 'Anonymous';
    feed.addItem({
      // The library marks entry titles as type="html": plain text must be escaped to stay text.
      title: escapeHtml(`${name} on “${row.threadTitle ?? row.uri}”`),
      id: link,
      link,
      date: updatedOf(row),
      published: new Date(row.createdAt),
      content: row.html,
      author: [row.url ? { name, link: row.url } : { name }],
    });
  }
  return feed.atom1();
}
