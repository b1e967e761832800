/**
 * Replies written elsewhere (a Webmention, a reply to a syndicated copy) as
 * comments of a post: created once per original, updated when the original
 * changes, moderated like any comment. Names, URLs and text from a third party
 * are cleaned here and the text goes through the one renderer.
 */
import { initialStatus } from '../comments/comments.js';
import type { SiteConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { findBySourceUrl, getComment, insertComment, markDeleted, updateRemoteComment, type CommentRow } from '../db/comments.js';
import type { CommentSource } from '../dialogue/types.js';
import { authorKey, profileKey } from '../identity/identity.js';
import { htmlToMarkdown } from '../import/html-to-markdown.js';
import { escapeHtml } from '../render/escape.js';
import { renderMarkdown } from '../render/markdown.js';
import { withoutFragment } from './links.js';

export type RemoteSource = Exclude<CommentSource, 'site'>;

export interface RemoteComment {
  source: RemoteSource;
  /** The original: what identifies it and what "via …" links to. */
  sourceUrl: string;
  /** A comment of ours by id, another remote comment of the thread by its original, or none (top-level). */
  parent: { commentId: number } | { sourceUrl: string } | null;
  /** What identifies the writer: an h-card url, a Mastodon account URL, a Bluesky DID; null = anonymous. */
  authorProfile: string | null;
  authorName: string | null;
  authorUrl: string | null;
  /** The syndicating account, or a profile in the site's `authorUrls`. */
  isAuthor: boolean;
  /** The text as HTML from the source (converted to Markdown) or as plain text. */
  content: { html: string } | { text: string };
  createdAt: number;
  /** When the source says it was edited. */
  editedAt: number | null;
}

const MAX_BODY = 10_000;
const MAX_NAME = 80;
const MAX_URL = 500;
// Controls and the bidi overrides that can disguise text, as the comment form refuses them.
const CONTROLS = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** A display name from elsewhere: one line, no controls, at most 80 characters; null when empty. */
export function cleanName(name: string | null): string | null {
  const clean = (name ?? '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return clean || null;
}

/** An http(s) URL of at most 500 characters, else null: no `javascript:` reaches an href. */
export function cleanUrl(url: string | null): string | null {
  if (!url || url.length > MAX_URL) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Whether a profile URL is one of the site's `authorUrls` (compared without fragment or trailing slash). */
export function isAuthorProfile(site: SiteConfig, profile: string | null): boolean {
  if (!profile) return false;
  const normal = (url: string) => {
    try {
      return withoutFragment(url).replace(/\/$/, '').toLowerCase();
    } catch {
      return url;
    }
  };
  return site.authorUrls.some((url) => normal(url) === normal(profile));
}

/** Markdown for the one renderer; plain text is escaped on the way, so "*" or "<b>" in it stay literal. */
function markdownOf(content: RemoteComment['content']): string {
  const html = 'html' in content ? content.html : `<p>${escapeHtml(content.text).replace(/\n/g, '<br>')}</p>`;
  const markdown = htmlToMarkdown(html);
  return markdown.replace(CONTROLS, (c) => (c === '\n' || c === '\t' ? c : ' ')).trim().slice(0, MAX_BODY);
}

async function resolveParent(ctx: AppContext, site: string, uri: string, parent: RemoteComment['parent']): Promise<CommentRow | undefined> {
  if (parent === null) return undefined;
  const row = 'commentId' in parent ? await getComment(ctx.db, parent.commentId) : await findBySourceUrl(ctx.db, site, uri, parent.sourceUrl);
  return row && row.site === site && row.uri === uri ? row : undefined;
}

export interface StoredRemote {
  row: CommentRow;
  /** New, or changed by this call. */
  changed: boolean;
}

/**
 * Creates the comment for `remote`, or brings an existing one up to date. A
 * comment the author deleted stays deleted. A parent that is unknown makes a
 * top-level comment (the reply is kept, its place in the tree is not known).
 */
export async function storeRemoteComment(ctx: AppContext, site: SiteConfig, uri: string, remote: RemoteComment): Promise<StoredRemote | undefined> {
  const body = markdownOf(remote.content);
  const name = remote.isAuthor ? (cleanName(remote.authorName) ?? site.authorName) : cleanName(remote.authorName);
  const url = cleanUrl(remote.authorUrl);
  const existing = await findBySourceUrl(ctx.db, site.id, uri, remote.sourceUrl);
  if (existing) {
    if (existing.status === 'deleted') return undefined;
    if (existing.body !== body || existing.name !== name || existing.url !== url) {
      await updateRemoteComment(ctx.db, existing.id, { body, html: renderMarkdown(body), name, url, editedAt: remote.editedAt ?? ctx.now() });
      ctx.changes.recordLocalWrite();
      return { row: (await getComment(ctx.db, existing.id))!, changed: true };
    }
    return { row: existing, changed: false };
  }
  if (!body) return undefined;
  const parent = await resolveParent(ctx, site.id, uri, remote.parent);
  const key = remote.isAuthor ? authorKey(ctx.secret, site.id) : remote.authorProfile ? profileKey(ctx.secret, remote.authorProfile) : null;
  const row = await insertComment(ctx.db, {
    site: site.id,
    uri,
    pageTitle: null,
    identityKey: null,
    parentId: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 1,
    // The profile key stands for the browser identity: a known profile is proof enough, as a known browser is.
    status: (await initialStatus(ctx, site, { identity: key, commenter: key }, undefined, { isAuthor: remote.isAuthor })).status,
    body,
    html: renderMarkdown(body),
    name,
    url,
    email: null,
    commenterKey: key,
    isAuthor: remote.isAuthor,
    notify: false,
    // A date from the future would sort the reply after everything written later.
    createdAt: Number.isFinite(remote.createdAt) ? Math.min(remote.createdAt, ctx.now()) : ctx.now(),
    editTokenHash: null,
    source: remote.source,
    sourceUrl: remote.sourceUrl,
  });
  ctx.changes.recordLocalWrite();
  ctx.events.notify('created', row);
  return { row, changed: true };
}

/** Follows a deletion at the source: the content goes, the row stays as a placeholder for its replies. */
export async function removeRemoteComment(ctx: AppContext, row: CommentRow): Promise<void> {
  if (row.status === 'deleted') return;
  await markDeleted(ctx.db, row.id);
  ctx.changes.recordLocalWrite();
}
