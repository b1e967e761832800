/**
 * Readers waiting for the author: the report gives comment ids only (no
 * names); the threads fetched for the same build give each one its name,
 * words and link, so the author sees whom to answer.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { PublicComment } from '../../server/comments/public.js';
import type { PostReport } from '../../server/dialogue/types.js';
import type { KommentarBuild } from '../build-data.js';
import { byCreation } from '../charts/time-order.js';
import type { Strings } from '../i18n.js';
import { textExcerpt } from './excerpt.js';

export interface WaitingComment {
  id: number;
  uri: string;
  postTitle: string;
  name: string | null;
  excerpt: string;
  createdAt: string;
}

/**
 * The waiting comments of `posts` that the build's threads hold: the newest
 * `limit` of them, oldest first, and how many there are in all.
 */
export function waitingComments(build: KommentarBuild, posts: readonly PostReport[], limit = Infinity): { comments: WaitingComment[]; total: number } {
  const found: Array<{ id: number; uri: string; comment: PublicComment }> = [];
  for (const post of posts) {
    if (post.waitingForAuthorIds.length === 0) continue;
    // A post's waiting comments are in its own thread: one pass over it, no index of every comment of the site.
    const waiting = new Set(post.waitingForAuthorIds);
    for (const comment of build.thread(post.uri)?.comments ?? []) {
      if (waiting.has(comment.id) && !comment.deleted) found.push({ id: comment.id, uri: post.uri, comment });
    }
  }
  if (found.length === 0) return { comments: [], total: 0 };
  // Excerpts only for the ones shown: a big site has tens of thousands waiting.
  const comments = newest(found, limit, (a, b) => byCreation(a.comment, b.comment)).map(({ id, uri, comment }) => ({
    id,
    uri,
    postTitle: build.titleOf(uri),
    name: comment.name,
    excerpt: textExcerpt(comment.html),
    createdAt: comment.createdAt,
  }));
  return { comments, total: found.length };
}

/**
 * The last `limit` of `items` in the order of `compare`, in that order. The site
 * page shows the newest hundred of tens of thousands: kept in one pass, not all sorted.
 */
function newest<T>(items: readonly T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= limit) return [...items].sort(compare);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[0]!) <= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(kept[at - 1]!, item) > 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.shift();
  }
  return kept;
}

/** The list as HTML: name, post, date, an excerpt; the date links to the comment on its page (a name is never a link). */
export function waitingList(comments: readonly WaitingComment[], strings: Strings, showPost: boolean): string {
  const { t } = strings;
  if (comments.length === 0) return `<p>${escapeHtml(t('report.page.waitingNone'))}</p>`;
  const items = comments.map((c) => {
    const on = showPost ? ` ${escapeHtml(t('report.page.waitingOn', { post: c.postTitle }))}` : '';
    return (
      `<li><strong>${escapeHtml(c.name ?? t('report.page.anonymous'))}</strong>${on}, ` +
      `<a href="${escapeHtml(c.uri)}#comment-${c.id}"><time datetime="${escapeHtml(c.createdAt)}">${escapeHtml(strings.day(c.createdAt))}</time></a>` +
      `<blockquote>${escapeHtml(c.excerpt)}</blockquote></li>`
    );
  });
  return `<ol class="kommentar-waiting">${items.join('')}</ol>`;
}
