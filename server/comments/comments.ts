/**
 * The comment lifecycle: create, list, edit, delete, count. Routes validate
 * input and shape responses; everything about what a comment may do is here.
 */
import type { AppContext } from '../context.js';
import { findSite, type SiteConfig } from '../config.js';
import {
  countApproved,
  countChildren,
  getComment,
  hasApprovedComment,
  insertComment,
  listThreadComments,
  markDeleted,
  newCommentIdMarker,
  setPendingEdit,
  updateCommentBody,
  type CommentRow,
  type CommentStatus,
} from '../db/comments.js';
import { isTrusted } from '../db/trusted.js';
import { DomainError } from '../errors.js';
import { authorKey, commenterKey, hashToken, identityKey, newToken, normaliseEmail, safeEqual } from '../identity/identity.js';
import { findThread } from '../db/threads.js';
import { langOf } from '../i18n/languages.js';
import { notificationStatements } from '../notify/notifier.js';
import { renderMarkdown } from '../render/markdown.js';
import { toPublicComment, type PublicComment } from './public.js';
import type { CreateCommentInput } from './schemas.js';
import { keepPlaceholders, orderThread } from './tree.js';

/** Who is writing: a visitor, or the site's author (admin token or desk session). */
export interface Writer {
  isAuthor: boolean;
}

export interface EditedComment {
  /** The comment as its writer now sees it (the new text, also while it awaits moderation). */
  comment: PublicComment;
  /** The edit awaits moderation; the public keeps seeing the approved text meanwhile. */
  pending: boolean;
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

/**
 * Whether a key (a browser identity, or an email address's) is known on the
 * site: the author trusted it, or approved a comment written with it (other
 * than `exceptId`, the comment being edited). A known browser identity is
 * proof enough; a known email address is not (anyone can type anyone's), so
 * it only earns its owner a link by email that publishes the comment.
 */
async function isKnown(ctx: AppContext, site: string, key: string | null, exceptId?: number): Promise<boolean> {
  if (!key) return false;
  return (await isTrusted(ctx.db, site, key)) || (await hasApprovedComment(ctx.db, site, key, exceptId));
}

interface InitialStatus {
  status: CommentStatus;
  /** The address to ask "did you write this?": known to the author, but written from an unknown browser. */
  askToPublish?: string;
}

/** The status a new comment starts with, by the site's moderation setting (also for comments from elsewhere). */
export async function initialStatus(ctx: AppContext, site: SiteConfig, keys: { identity: string | null; commenter: string | null }, email: string | undefined, writer: Writer): Promise<InitialStatus> {
  if (writer.isAuthor) return { status: 'approved' };
  // Someone using the author's address without being logged in is probably not the author.
  if (email && site.authorEmails.some((address) => normaliseEmail(address) === normaliseEmail(email))) return { status: 'pending' };
  if (site.moderation === 'all') return { status: 'pending' };
  if (site.moderation !== 'first-time' || (await isKnown(ctx, site.id, keys.identity))) return { status: 'approved' };
  // A known address from an unknown browser: only its owner, through the emailed link, can publish the comment.
  const knownAddress = email && keys.commenter && (await isKnown(ctx, site.id, keys.commenter));
  return knownAddress ? { status: 'pending', askToPublish: email } : { status: 'pending' };
}

export async function createComment(ctx: AppContext, site: SiteConfig, input: CreateCommentInput, writer: Writer): Promise<CreatedComment> {
  let depth = 1;
  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    const parent = await getComment(ctx.db, parentId);
    if (!parent || parent.site !== site.id || parent.uri !== input.uri || parent.status !== 'approved') {
      throw new DomainError('invalid_parent', 'parentId: the comment you reply to does not exist in this thread', 'parentId');
    }
    depth = parent.depth + 1;
  }
  const key = writer.isAuthor ? authorKey(ctx.secret, site.id) : commenterKey(ctx.secret, { email: input.email, identity: input.identity });
  const identity = !writer.isAuthor && input.identity ? identityKey(ctx.secret, input.identity) : null;
  const { status, askToPublish } = await initialStatus(ctx, site, { identity, commenter: key }, input.email, writer);
  const editToken = newToken();
  const now = ctx.now();
  const notify = Boolean(input.notify && input.email);
  const pageTitle = input.title ?? null;
  const pageLang = langOf(input.lang) ?? null;
  const fields = {
    site: site.id,
    uri: input.uri,
    pageTitle,
    pageLang,
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
    identityKey: identity,
    isAuthor: writer.isAuthor,
    notify,
    createdAt: now,
    editTokenHash: hashToken(editToken),
  };
  // The comment and what it sets off (emails, webhook) are stored in one batch, or neither is.
  const marker = newCommentIdMarker();
  const thread = await findThread(ctx.db, site.id, input.uri);
  const threadTitle = thread?.title ?? (status === 'approved' ? pageTitle : null);
  // The emails this comment sets off speak its page's language even while it waits for approval (they go to its writer and the author).
  const threadLang = thread?.lang ?? pageLang;
  const draft: CommentRow = { ...fields, id: marker, threadId: 0, threadTitle, threadLang, editedAt: null, pendingEdit: null, source: 'site', sourceUrl: null };
  const alongside = await notificationStatements(ctx, 'created', draft, marker, { askToPublish });
  const row = await insertComment(ctx.db, fields, alongside);
  ctx.changes.recordLocalWrite();
  ctx.events.notify('created', row);
  if (alongside.length > 0) ctx.events.notify('queued');
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
  if (!row || row.status === 'deleted') throw new DomainError('not_found', 'No such comment.');
  if (writer.isAuthor) return row;
  if (!editToken || !row.editTokenHash || !safeEqual(hashToken(editToken), row.editTokenHash)) {
    throw new DomainError('invalid_token', 'The edit token does not match this comment.');
  }
  if (ctx.now() > row.createdAt + ctx.config.editWindowMs) {
    throw new DomainError('edit_window_closed', 'This comment can no longer be changed: the edit window has closed.');
  }
  return row;
}

/**
 * Whether an edit of this public comment must wait for the author: under
 * moderation every visitor's edit does, under first-time moderation those of
 * commenters who are not known (editing must not get past what posting anew
 * would not).
 */
async function editNeedsModeration(ctx: AppContext, row: CommentRow, writer: Writer): Promise<boolean> {
  if (writer.isAuthor || row.status !== 'approved') return false;
  const site = findSite(ctx.config, row.site);
  if (!site || site.moderation === 'all') return true;
  return site.moderation === 'first-time' && !(await isKnown(ctx, site.id, row.identityKey, row.id));
}

export async function editComment(ctx: AppContext, id: number, editToken: string | undefined, body: string, writer: Writer): Promise<EditedComment> {
  const row = await ownComment(ctx, id, editToken, writer);
  if (row.status === 'spam' && !writer.isAuthor) throw new DomainError('not_editable', 'This comment was held as spam and cannot be changed.');
  const html = renderMarkdown(body);
  const now = ctx.now();
  if (await editNeedsModeration(ctx, row, writer)) {
    await setPendingEdit(ctx.db, id, body, html, now);
    return { comment: toPublicComment({ ...row, body, html, editedAt: now }, true), pending: true };
  }
  await updateCommentBody(ctx.db, id, body, html, now);
  ctx.changes.recordLocalWrite();
  const edited = (await getComment(ctx.db, id))!;
  ctx.events.notify('edited', edited);
  return { comment: toPublicComment(edited, true), pending: false };
}

/** Deletes the content; the row stays as a placeholder when replies hang from it. */
export async function deleteComment(ctx: AppContext, id: number, editToken: string | undefined, writer: Writer): Promise<{ placeholder: boolean }> {
  const row = await ownComment(ctx, id, editToken, writer);
  await markDeleted(ctx.db, id);
  ctx.changes.recordLocalWrite();
  ctx.events.notify('deleted', row);
  return { placeholder: (await countChildren(ctx.db, id)) > 0 };
}

export async function countComments(ctx: AppContext, site: string, uris: string[]): Promise<Record<string, number>> {
  const counts = await countApproved(ctx.db, site, uris);
  return Object.fromEntries(uris.map((uri) => [uri, counts.get(uri) ?? 0]));
}
