/**
 * Every public thread of a site at once, for static-site builds: one request
 * per build instead of one per page. Same ordering and placeholders as a
 * single thread (listPublicThread).
 */
import type { AppContext } from '../context.js';
import type { CommentRow } from '../db/comments.js';
import { listSiteThreadRows } from '../db/site-threads.js';
import { toPublicComment, type PublicComment } from './public.js';
import { keepPlaceholders, orderThread } from './tree.js';

/** One thread as a build sees it: its public comments, parents before replies. */
export interface PublicSiteThread {
  uri: string;
  title: string | null;
  /** Approved comments (placeholders of deleted ones are listed but not counted). */
  count: number;
  comments: PublicComment[];
}

/**
 * The threads of `site` that show anything public (a comment or the
 * placeholder of a deleted one with replies), sorted by uri. A thread with
 * only pending or spam comments is not listed: nothing of it is public yet.
 */
export async function listPublicSite(ctx: AppContext, site: string): Promise<PublicSiteThread[]> {
  const { threads, comments } = await listSiteThreadRows(ctx.db, site, ['approved', 'deleted']);
  const byThread = new Map<number, CommentRow[]>();
  for (const row of comments) {
    const list = byThread.get(row.threadId);
    if (list) list.push(row);
    else byThread.set(row.threadId, [row]);
  }
  return threads.flatMap((thread) => {
    const visible = keepPlaceholders(byThread.get(thread.id) ?? [], (row) => row.status === 'approved');
    if (visible.length === 0) return [];
    const ordered = orderThread(visible).map((row) => toPublicComment(row));
    return [{ uri: thread.uri, title: thread.title, count: ordered.filter((comment) => !comment.deleted).length, comments: ordered }];
  });
}
