/**
 * The comment lifecycle: create, list, edit, delete, count. Routes validate
 * input and shape responses; everything about what a comment may do is here.
 */
import type { AppContext } from '../context.js';
import type { SiteConfig } from '../config.js';
import {
  countApproved,
  countChildren,
  getComment,
  hasApprovedComment,
  insertComment,
  listThreadComments,
  markDeleted,
  updateCommentBody,
  type CommentRow,
  type CommentStatus,
} from '../db/comments.js';
import { isTrusted } from '../db/trusted.js';
import { ApiError } from '../http/errors.js';
import { authorKey, commenterKey, hashToken, newToken, normaliseEmail, safeEqual } from '../identity/identity.js';
import { renderMarkdown } from '../render/markdown.js';
import { toPublicComment, type PublicComment } from './public.js';
import type { CreateCommentInput } from './schemas.js';
import { keepPlaceholders, orderThread } from './tree.js';

/** Who is writing: a visitor, or the site's author (admin token or desk session). */
export interface Writer {
  isAuthor: boolean;
}

export interface CreatedComment {
  comment: PublicComment;
  row: CommentRow;
  editToken: string;
  editableUntil: string;
  pending: boolean;
}

/** Every public comment of a thread, parents before replies, deleted parents kept as placeholders. */
export async function listPublicThread(ctx: AppContext, site: string, uri: string): Promise<PublicComment[]> {
  const rows = await listThreadComments(ctx.db, site, uri, ['approved', 'deleted']);
  const visible = keepPlaceholders(rows, (row) => row.status === 'approved');
  return orderThread(visible).map((row) => toPublicComment(row));
}

async function initialStatus(ctx: AppContext, site: SiteConfig, key: string | null, email: string | undefined, writer: Writer): Promise<CommentStatus> {
  if (writer.isAuthor) return 'approved';
  // Someone using the author's address without being logged in is probably not the author.
  if (email && site.authorEmails.some((address) => normaliseEmail(address) === normaliseEmail(email))) return 'pending';
  if (site.moderation === 'all') return 'pending';
  if (site.moderation === 'first-time') {
    if (!key) return 'pending';
    const known = (await isTrusted(ctx.db, site.id, key)) || (await hasApprovedComment(ctx.db, site.id, key));
    return known ? 'approved' : 'pending';
  }
  return 'approved';
}

export async function createComment(ctx: AppContext, site: SiteConfig, input: CreateCommentInput, writer: Writer): Promise<CreatedComment> {
  let depth = 1;
  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    const parent = await getComment(ctx.db, parentId);
    if (!parent || parent.site !== site.id || parent.uri !== input.uri || parent.status !== 'approved') {
      throw new ApiError(400, 'invalid_parent', 'parentId: the comment you reply to does not exist in this thread', 'parentId');
    }
    depth = parent.depth + 1;
  }
  const key = writer.isAuthor ? authorKey(ctx.secret, site.id) : commenterKey(ctx.secret, { email: input.email, identity: input.identity });
  const status = await initialStatus(ctx, site, key, input.email, writer);
  const editToken = newToken();
  const now = ctx.now();
  const notify = Boolean(input.notify && input.email);
  const row = await insertComment(ctx.db, {
    site: site.id,
    uri: input.uri,
    title: input.title ?? null,
    parentId,
    depth,
    status,
    body: input.body,
    html: renderMarkdown(input.body),
    name: writer.isAuthor ? (input.name ?? site.authorName) : (input.name ?? null),
    url: input.url ?? null,
    // The raw address is kept only when it is needed to send reply notifications.
    email: notify ? input.email! : null,
    commenterKey: key,
    isAuthor: writer.isAuthor,
    notify,
    createdAt: now,
    editTokenHash: hashToken(editToken),
  });
  ctx.events.notify('created', row);
  return {
    comment: toPublicComment(row, true),
    row,
    editToken,
    editableUntil: new Date(now + ctx.config.editWindowMs).toISOString(),
    pending: status !== 'approved',
  };
}

/**
 * Finds a comment its writer may still change: the edit token must match and
 * the edit window be open. The author (admin) may change any comment.
 */
async function ownComment(ctx: AppContext, id: number, editToken: string | undefined, writer: Writer): Promise<CommentRow> {
  const row = await getComment(ctx.db, id);
  if (!row || row.status === 'deleted') throw new ApiError(404, 'not_found', 'No such comment.');
  if (writer.isAuthor) return row;
  if (!editToken || !row.editTokenHash || !safeEqual(hashToken(editToken), row.editTokenHash)) {
    throw new ApiError(403, 'invalid_token', 'The edit token does not match this comment.');
  }
  if (ctx.now() > row.createdAt + ctx.config.editWindowMs) {
    throw new ApiError(403, 'edit_window_closed', 'This comment can no longer be changed: the edit window has closed.');
  }
  return row;
}

export async function editComment(ctx: AppContext, id: number, editToken: string | undefined, body: string, writer: Writer): Promise<PublicComment> {
  await ownComment(ctx, id, editToken, writer);
  await updateCommentBody(ctx.db, id, body, renderMarkdown(body), ctx.now());
  return toPublicComment((await getComment(ctx.db, id))!, true);
}

/** Deletes the content; the row stays as a placeholder when replies hang from it. */
export async function deleteComment(ctx: AppContext, id: number, editToken: string | undefined, writer: Writer): Promise<{ placeholder: boolean }> {
  await ownComment(ctx, id, editToken, writer);
  await markDeleted(ctx.db, id);
  return { placeholder: (await countChildren(ctx.db, id)) > 0 };
}

export async function countComments(ctx: AppContext, site: string, uris: string[]): Promise<Record<string, number>> {
  const counts = await countApproved(ctx.db, site, uris);
  return Object.fromEntries(uris.map((uri) => [uri, counts.get(uri) ?? 0]));
}
