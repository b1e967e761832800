/**
 * The moderation queue: pending and spam comments and edits of public
 * comments with their context, and the author's decisions on them (approve,
 * spam, delete, trust the commenter; publish or reject an edit).
 */
import { deleteComment } from '../comments/comments.js';
import type { AppContext } from '../context.js';
import { getComment, listPendingEdits, listSiteComments, setCommentStatus, settlePendingEdits, type CommentRow } from '../db/comments.js';
import { trust } from '../db/trusted.js';
import { isValidPublishLink } from '../notify/subscriptions.js';
import { notificationStatements } from '../notify/notifier.js';
import { loadComments, withContext, type CommentInContext } from './comment-context.js';

export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'trust'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What the author can do with an edit of a public comment. */
export const EDIT_ACTIONS = ['publish-edit', 'reject-edit'] as const;
export type EditAction = (typeof EDIT_ACTIONS)[number];

export interface ModerationQueue {
  pending: CommentInContext[];
  spam: CommentInContext[];
  /** Public comments whose edit awaits approval (the row's `pendingEdit`). */
  edits: CommentInContext[];
}

/** Spam is kept for a look but listed after the pending comments, newest first, and only so many. */
const SPAM_SHOWN = 50;

export async function moderationQueue(ctx: AppContext, siteId: string): Promise<ModerationQueue> {
  const [pending, spam, edits] = await Promise.all([
    listSiteComments(ctx.db, siteId, ['pending']),
    listSiteComments(ctx.db, siteId, ['spam'], { limit: SPAM_SHOWN, newestFirst: true }),
    listPendingEdits(ctx.db, siteId),
  ]);
  return { pending: await withContext(ctx, pending), spam: await withContext(ctx, spam), edits: await withContext(ctx, edits) };
}

/** Makes pending or spam comments public, queueing what that sets off (emails, webhook) in the same batch. */
async function approve(ctx: AppContext, rows: CommentRow[]): Promise<number> {
  const waiting = rows.filter((row) => row.status === 'pending' || row.status === 'spam');
  if (waiting.length === 0) return 0;
  // Approval may name the thread and give it its language: the notifications use the title and language it will have.
  const approved = waiting.map((row) => ({
    ...row,
    status: 'approved' as const,
    threadTitle: row.threadTitle ?? row.pageTitle,
    threadLang: row.threadLang ?? row.pageLang,
  }));
  const alongside = (await Promise.all(approved.map((row) => notificationStatements(ctx, 'approved', row)))).flat();
  await setCommentStatus(ctx.db, approved.map((row) => row.id), 'approved', alongside);
  ctx.changes.recordLocalWrite();
  for (const row of approved) ctx.events.notify('approved', row);
  if (alongside.length > 0) ctx.events.notify('queued');
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
      // The browser identity is trusted outright; the email address only earns its owner a "publish it" link by email.
      const keys = new Set(rows.flatMap((row) => (row.isAuthor ? [] : [row.identityKey, row.commenterKey].filter((key): key is string => key !== null))));
      for (const key of keys) await trust(ctx.db, siteId, key, ctx.now());
      return { changed: await approve(ctx, rows), trusted: keys.size };
    }
  }
}

/** Publishes or drops the edits awaiting approval on these comments of the site; returns how many. */
export async function moderateEdits(ctx: AppContext, siteId: string, action: EditAction, ids: number[]): Promise<number> {
  const rows = (await loadComments(ctx, [...new Set(ids)])).filter((row) => row.site === siteId && row.pendingEdit !== null);
  await settlePendingEdits(ctx.db, rows.map((row) => row.id), action === 'publish-edit');
  if (action === 'publish-edit') {
    ctx.changes.recordLocalWrite();
    for (const row of rows) ctx.events.notify('edited', row);
  }
  return rows.length;
}

export type ProvenPublish = 'published' | 'invalid' | 'nothing-to-do';

/**
 * The owner of a known address followed the emailed link for a comment they
 * wrote from a new browser: the comment is published and that browser is
 * trusted from now on, as if the author had pressed "Approve & trust".
 */
export async function publishProven(ctx: AppContext, id: number, signature: string): Promise<ProvenPublish> {
  const row = await getComment(ctx.db, id);
  if (!row || !isValidPublishLink(ctx.secret, row.editTokenHash, signature)) return 'invalid';
  if (row.status !== 'pending') return 'nothing-to-do';
  if (row.identityKey) await trust(ctx.db, row.site, row.identityKey, ctx.now());
  await approve(ctx, [row]);
  return 'published';
}
