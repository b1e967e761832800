/**
 * "No answer needed" (spec: Acknowledged): the author takes a reader comment
 * off the waiting list without answering it, and can put it back. Nothing
 * else changes: it is not an answer, not a comment and not an edge.
 */
import type { AppContext } from '../context.js';
import { getComment, setAcknowledged } from '../db/comments.js';
import { DomainError } from '../errors.js';

/** Marks (or, with `on` false, unmarks) these comments of the site; returns how many changed. Unknown ids are skipped. */
export async function acknowledgeComments(ctx: AppContext, siteId: string, ids: readonly number[], on: boolean): Promise<number> {
  const changed = await setAcknowledged(ctx.db, siteId, [...new Set(ids)], on ? ctx.now() : null);
  // The cached report must follow at once: the author looks at it right after marking.
  ctx.changes.recordLocalWrite();
  return changed;
}

/**
 * One comment by id, for the API: a clear error when it cannot be marked
 * (unknown, not public, or the author's own). Marking twice is not an error.
 */
export async function acknowledgeComment(ctx: AppContext, id: number, on: boolean): Promise<{ id: number; acknowledged: boolean }> {
  const comment = await getComment(ctx.db, id);
  if (comment?.status !== 'approved') throw new DomainError('not_found', `Comment ${id} is not a public comment.`);
  if (comment.isAuthor) throw new DomainError('author_comment', 'Only a reader comment can be marked "no answer needed"; this one is yours.');
  await acknowledgeComments(ctx, comment.site, [id], on);
  return { id, acknowledged: on };
}
