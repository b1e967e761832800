/**
 * "Waiting for your answer": reader comments that address the author and have
 * no author reply yet, exactly the report's `waitingForAuthor`, oldest first,
 * and answering them from the desk as the author.
 */
import { createComment, type CreatedComment } from '../comments/comments.js';
import { findSite } from '../config.js';
import type { AppContext } from '../context.js';
import { getComment } from '../db/comments.js';
import { DomainError } from '../errors.js';
import { waitingForAuthor } from '../report/site-report.js';
import { loadComments, withContext, type CommentInContext } from './comment-context.js';

export interface DeskInbox {
  /** Oldest first, each with its parent and post. */
  waiting: CommentInContext[];
  /** Marked "no answer needed", oldest first: shown apart so a mark can be taken back. */
  acknowledged: CommentInContext[];
  /** Comments in the moderation queue, for the desk's front page. */
  pending: number;
}

/** The inbox of a site: the ids come from the report's per-post metrics, so the desk and the report always agree. */
export async function deskInbox(ctx: AppContext, siteId: string): Promise<DeskInbox> {
  const { ids, acknowledgedIds, pending } = await waitingForAuthor(ctx, siteId);
  const load = async (wanted: number[]) => {
    const rows = await loadComments(ctx, wanted);
    rows.sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    return withContext(ctx, rows);
  };
  return { waiting: await load(ids), acknowledged: await load(acknowledgedIds), pending };
}

/** Replies to a comment as the site's author (the reply carries the author flag and counts as the author's). */
export async function answerComment(ctx: AppContext, commentId: number, body: string): Promise<CreatedComment> {
  const comment = await getComment(ctx.db, commentId);
  const site = comment && findSite(ctx.config, comment.site);
  if (!comment || !site || comment.status !== 'approved') throw new DomainError('not_found', 'That comment is not public (any more), so it cannot be answered.');
  return createComment(ctx, site, { site: site.id, uri: comment.uri, parentId: comment.id, body }, { isAuthor: true });
}
