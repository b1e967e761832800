/**
 * The moderation queue: pending and spam comments with their context, and the
 * author's decisions on them (approve, spam, delete, trust the commenter).
 */
import { deleteComment } from '../comments/comments.js';
import type { AppContext } from '../context.js';
import { listSiteComments, setCommentStatus, type CommentRow } from '../db/comments.js';
import { trust } from '../db/trusted.js';
import { loadComments, withContext, type CommentInContext } from './comment-context.js';

export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'trust'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface ModerationQueue {
  pending: CommentInContext[];
  spam: CommentInContext[];
}

/** Spam is kept for a look but listed after the pending comments, newest first, and only so many. */
const SPAM_SHOWN = 50;

export async function moderationQueue(ctx: AppContext, siteId: string): Promise<ModerationQueue> {
  const [pending, spam] = await Promise.all([
    listSiteComments(ctx.db, siteId, ['pending']),
    listSiteComments(ctx.db, siteId, ['spam'], { limit: SPAM_SHOWN, newestFirst: true }),
  ]);
  return { pending: await withContext(ctx, pending), spam: await withContext(ctx, spam) };
}

/** Makes pending or spam comments public and tells listeners (emails, webhook) they are. */
async function approve(ctx: AppContext, rows: CommentRow[]): Promise<number> {
  const waiting = rows.filter((row) => row.status === 'pending' || row.status === 'spam');
  await setCommentStatus(ctx.db, waiting.map((row) => row.id), 'approved');
  ctx.changes.recordLocalWrite();
  for (const row of await loadComments(ctx, waiting.map((row) => row.id))) ctx.events.notify('approved', row);
  return waiting.length;
}

export interface ModerationResult {
  /** Comments whose status changed. */
  changed: number;
  /** Commenters newly or again trusted. */
  trusted: number;
}

/**
 * Applies one action to the comments with these ids that belong to the site.
 * "trust" approves the comments and lets their commenters' next comments skip
 * first-time moderation (anonymous comments have no one to trust).
 */
export async function moderate(ctx: AppContext, siteId: string, action: ModerationAction, ids: number[]): Promise<ModerationResult> {
  const rows = (await loadComments(ctx, [...new Set(ids)])).filter((row) => row.site === siteId && row.status !== 'deleted');
  switch (action) {
    case 'approve':
      return { changed: await approve(ctx, rows), trusted: 0 };
    case 'spam': {
      const targets = rows.filter((row) => row.status !== 'spam');
      await setCommentStatus(ctx.db, targets.map((row) => row.id), 'spam');
      ctx.changes.recordLocalWrite();
      return { changed: targets.length, trusted: 0 };
    }
    case 'delete':
      for (const row of rows) await deleteComment(ctx, row.id, undefined, { isAuthor: true });
      return { changed: rows.length, trusted: 0 };
    case 'trust': {
      const keys = new Set(rows.flatMap((row) => (row.commenterKey && !row.isAuthor ? [row.commenterKey] : [])));
      for (const key of keys) await trust(ctx.db, siteId, key, ctx.now());
      return { changed: await approve(ctx, rows), trusted: keys.size };
    }
  }
}
