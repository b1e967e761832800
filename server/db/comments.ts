/** Storage for comments. Every query on the comments table lives here. */
import { randomInt } from 'node:crypto';
import type { InStatement, Row } from '@libsql/client';
import type { Db } from './connection.js';
import { adoptTitleAndLangStatement, upsertThreadStatement } from './threads.js';
import { numberOrNull as int, textOrNull as text } from './values.js';
import { writeQueue } from './write-queue.js';

/** Where a comment was written (storage's own name for it: db/ imports no domain module). */
export type CommentSource = 'site' | 'webmention' | 'mastodon' | 'bluesky';

export type CommentStatus = 'approved' | 'pending' | 'spam' | 'deleted';

/** A stored comment with its thread's site and uri. Holds private fields: never send it to a client as is. */
export interface CommentRow {
  id: number;
  threadId: number;
  site: string;
  uri: string;
  threadTitle: string | null;
  /** The thread's language (a catalogue code such as 'de'), taken from its first public comment that named one; null: none yet. */
  threadLang: string | null;
  parentId: number | null;
  depth: number;
  status: CommentStatus;
  body: string;
  html: string;
  name: string | null;
  url: string | null;
  email: string | null;
  commenterKey: string | null;
  isAuthor: boolean;
  notify: boolean;
  createdAt: number;
  editedAt: number | null;
  editTokenHash: string | null;
  /** The page title sent with the comment; it becomes the thread's title once the comment is public. */
  pageTitle: string | null;
  /** The catalogue language of the page it was written on; it becomes the thread's language once the comment is public. */
  pageLang: string | null;
  /** HMAC of the browser identity token it was written with: what trust may rest on. */
  identityKey: string | null;
  /** An edit of the approved text that awaits moderation (null when there is none). */
  pendingEdit: { body: string; html: string; at: number } | null;
  /** Where it was written: the site, or elsewhere (a Webmention, Mastodon, Bluesky). */
  source: CommentSource;
  /** The original of a comment from elsewhere; null for the site's own. */
  sourceUrl: string | null;
}

/** What a new comment is stored with; ids, the thread row and edit time come from storage. */
export type NewComment = Omit<CommentRow, 'id' | 'threadId' | 'threadTitle' | 'threadLang' | 'editedAt' | 'pendingEdit' | 'source' | 'sourceUrl' | 'pageLang'> &
  Partial<Pick<CommentRow, 'source' | 'sourceUrl' | 'pageLang'>>;

const SELECT = `SELECT c.id, c.thread_id, t.site, t.uri, t.title AS thread_title, t.lang AS thread_lang, c.parent_id, c.depth, c.status,
  c.body, c.html, c.name, c.url, c.email, c.commenter_key, c.is_author, c.notify, c.created_at, c.edited_at, c.edit_token_hash,
  c.page_title, c.page_lang, c.identity_key, c.pending_body, c.pending_html, c.pending_at, c.source, c.source_url
  FROM comments c JOIN threads t ON t.id = c.thread_id`;


function toCommentRow(row: Row): CommentRow {
  return {
    id: Number(row.id),
    threadId: Number(row.thread_id),
    site: String(row.site),
    uri: String(row.uri),
    threadTitle: text(row.thread_title),
    threadLang: text(row.thread_lang),
    parentId: int(row.parent_id),
    depth: Number(row.depth),
    status: String(row.status) as CommentStatus,
    body: String(row.body),
    html: String(row.html),
    name: text(row.name),
    url: text(row.url),
    email: text(row.email),
    commenterKey: text(row.commenter_key),
    isAuthor: Number(row.is_author) === 1,
    notify: Number(row.notify) === 1,
    createdAt: Number(row.created_at),
    editedAt: int(row.edited_at),
    editTokenHash: text(row.edit_token_hash),
    pageTitle: text(row.page_title),
    pageLang: text(row.page_lang),
    identityKey: text(row.identity_key),
    pendingEdit: row.pending_at === null ? null : { body: String(row.pending_body), html: String(row.pending_html), at: Number(row.pending_at) },
    source: String(row.source) as CommentSource,
    sourceUrl: text(row.source_url),
  };
}

/**
 * A number that stands for a comment's id until it is stored: the statements
 * that go with the insert (outbox rows naming the comment) carry it, and
 * storage replaces it with the id. Random, so no text can contain it by chance.
 */
export function newCommentIdMarker(): number {
  return randomInt(2 ** 47, 2 ** 48);
}

/**
 * The statements that store a comment and create its thread on first use (the
 * second returns the new id). Only a public comment's page title can name the
 * thread, and only an untitled one.
 */
export function insertCommentStatements(comment: NewComment): InStatement[] {
  const pageLang = comment.pageLang ?? null;
  const isPublic = comment.status === 'approved';
  return [
    upsertThreadStatement(comment.site, comment.uri, isPublic ? comment.pageTitle : null, comment.createdAt, isPublic ? pageLang : null),
    {
      sql: `INSERT INTO comments (thread_id, parent_id, depth, status, body, html, name, url, email, commenter_key,
              is_author, notify, created_at, edit_token_hash, page_title, page_lang, identity_key, source, source_url)
            VALUES ((SELECT id FROM threads WHERE site = ? AND uri = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id, thread_id, (SELECT title FROM threads WHERE site = ? AND uri = ?) AS thread_title,
              (SELECT lang FROM threads WHERE site = ? AND uri = ?) AS thread_lang`,
      args: [
        comment.site, comment.uri, comment.parentId, comment.depth, comment.status, comment.body, comment.html,
        comment.name, comment.url, comment.email, comment.commenterKey, comment.isAuthor ? 1 : 0, comment.notify ? 1 : 0,
        comment.createdAt, comment.editTokenHash, comment.pageTitle, pageLang, comment.identityKey, comment.source ?? 'site', comment.sourceUrl ?? null,
        comment.site, comment.uri, comment.site, comment.uri,
      ],
    },
  ];
}

/**
 * Stores a comment together with `alongside` (statements that carry
 * `idMarker` for the new id), atomically. Goes through the write queue, so
 * comments arriving together share one commit (each one's statements stay in
 * order). Returns the stored row once it is committed.
 */
export async function insertComment(db: Db, comment: NewComment, alongside: InStatement[] = []): Promise<CommentRow> {
  const [, inserted] = await writeQueue(db).write([...insertCommentStatements(comment), ...alongside]);
  const row = inserted!.rows[0]!;
  const { source = 'site', sourceUrl = null, pageLang = null, ...fields } = comment;
  return {
    ...fields,
    source,
    sourceUrl,
    pageLang,
    id: Number(row.id),
    threadId: Number(row.thread_id),
    threadTitle: text(row.thread_title),
    threadLang: text(row.thread_lang),
    editedAt: null,
    pendingEdit: null,
  };
}

export async function getComment(db: Db, id: number): Promise<CommentRow | undefined> {
  const result = await db.execute({ sql: `${SELECT} WHERE c.id = ?`, args: [id] });
  return result.rows[0] ? toCommentRow(result.rows[0]) : undefined;
}

/** Ids per `IN (…)` list: well under SQLite's limit on bound parameters. */
const IDS_PER_QUERY = 500;

/** The comments with these ids, in no particular order; ids that do not exist are left out. One query per 500 ids. */
export async function getComments(db: Db, ids: readonly number[]): Promise<CommentRow[]> {
  const unique = [...new Set(ids)];
  const rows: CommentRow[] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const slice = unique.slice(start, start + IDS_PER_QUERY);
    const result = await db.execute({ sql: `${SELECT} WHERE c.id IN (${slice.map(() => '?').join(', ')})`, args: slice });
    for (const row of result.rows) rows.push(toCommentRow(row));
  }
  return rows;
}

/** All comments of a thread with the given statuses, oldest first. */
export async function listThreadComments(db: Db, site: string, uri: string, statuses: CommentStatus[]): Promise<CommentRow[]> {
  const result = await db.execute({
    sql: `${SELECT} WHERE t.site = ? AND t.uri = ? AND c.status IN (${statuses.map(() => '?').join(', ')})
          ORDER BY c.created_at, c.id`,
    args: [site, uri, ...statuses],
  });
  return result.rows.map(toCommentRow);
}

/** Comments of a site by status, oldest first (the moderation queue, feeds, exports). */
export async function listSiteComments(
  db: Db,
  site: string,
  statuses: CommentStatus[],
  options: { limit?: number; newestFirst?: boolean } = {},
): Promise<CommentRow[]> {
  const result = await db.execute({
    sql: `${SELECT} WHERE t.site = ? AND c.status IN (${statuses.map(() => '?').join(', ')})
          ORDER BY c.created_at ${options.newestFirst ? 'DESC' : 'ASC'}, c.id ${options.newestFirst ? 'DESC' : 'ASC'}
          LIMIT ?`,
    args: [site, ...statuses, options.limit ?? -1],
  });
  return result.rows.map(toCommentRow);
}

/** Replaces the text (and drops any edit awaiting moderation: this one supersedes it). */
export async function updateCommentBody(db: Db, id: number, body: string, html: string, editedAt: number): Promise<void> {
  await db.execute({
    sql: 'UPDATE comments SET body = ?, html = ?, edited_at = ?, pending_body = NULL, pending_html = NULL, pending_at = NULL WHERE id = ?',
    args: [body, html, editedAt, id],
  });
}

/** Keeps an edit aside for moderation; the public text stays as it is. */
export async function setPendingEdit(db: Db, id: number, body: string, html: string, at: number): Promise<void> {
  await db.execute({ sql: 'UPDATE comments SET pending_body = ?, pending_html = ?, pending_at = ? WHERE id = ?', args: [body, html, at, id] });
}

/** The author's decision on edits awaiting moderation: publish them (`keep`) or forget them. */
export async function settlePendingEdits(db: Db, ids: number[], keep: boolean): Promise<void> {
  if (ids.length === 0) return;
  const publish = keep ? 'body = pending_body, html = pending_html, edited_at = pending_at,' : '';
  await db.execute({
    sql: `UPDATE comments SET ${publish} pending_body = NULL, pending_html = NULL, pending_at = NULL
          WHERE pending_at IS NOT NULL AND id IN (${ids.map(() => '?').join(', ')})`,
    args: ids,
  });

}

/** Public comments of a site with an edit awaiting moderation, oldest edit first. */
export async function listPendingEdits(db: Db, site: string): Promise<CommentRow[]> {
  const result = await db.execute({
    sql: `${SELECT} WHERE t.site = ? AND c.pending_at IS NOT NULL AND c.status = 'approved' ORDER BY c.pending_at, c.id`,
    args: [site],
  });
  return result.rows.map(toCommentRow);
}

/**
 * Deletes a comment's content but keeps the row, so replies keep their parent
 * and the tree its shape. Personal data goes with the content.
 */
export async function markDeleted(db: Db, id: number): Promise<void> {
  await db.execute({
    sql: `UPDATE comments SET status = 'deleted', body = '', html = '', name = NULL, url = NULL, email = NULL,
          notify = 0, edit_token_hash = NULL, pending_body = NULL, pending_html = NULL, pending_at = NULL, page_title = NULL WHERE id = ?`,
    args: [id],
  });
}

/**
 * Marks comments "no answer needed" (`at` a time) or unmarks them (`at` null).
 * Only approved reader comments of `site` change; returns how many did.
 */
export async function setAcknowledged(db: Db, site: string, ids: number[], at: number | null): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.execute({
    sql: `UPDATE comments SET acknowledged_at = ?
          WHERE id IN (${ids.map(() => '?').join(', ')}) AND status = 'approved' AND is_author = 0
            AND ${at === null ? 'acknowledged_at IS NOT NULL' : 'acknowledged_at IS NULL'}
            AND thread_id IN (SELECT id FROM threads WHERE site = ?)`,
    args: [at, ...ids, site],
  });
  return result.rowsAffected;
}

/**
 * Sets the status of these comments, with `alongside` (what the change sets
 * off) in one atomic batch. Approving can name their threads: a thread
 * without a title takes the page title of its first public comment.
 */
export async function setCommentStatus(db: Db, ids: number[], status: CommentStatus, alongside: InStatement[] = []): Promise<void> {
  if (ids.length === 0) return;
  const list = ids.map(() => '?').join(', ');
  await db.batch(
    [
      { sql: `UPDATE comments SET status = ? WHERE id IN (${list})`, args: [status, ...ids] },
      ...(status === 'approved' ? [adoptTitleAndLangStatement(`SELECT thread_id FROM comments WHERE id IN (${list})`, ids)] : []),
      ...alongside,
    ],
    'write',
  );
}

/** Approved comments per uri, for the uris asked (uris with none are absent). */
export async function countApproved(db: Db, site: string, uris: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (uris.length === 0) return counts;
  const result = await db.execute({
    sql: `SELECT t.uri, count(c.id) AS n FROM threads t JOIN comments c ON c.thread_id = t.id AND c.status = 'approved'
          WHERE t.site = ? AND t.uri IN (${uris.map(() => '?').join(', ')}) GROUP BY t.uri`,
    args: [site, ...uris],
  });
  for (const row of result.rows) counts.set(String(row.uri), Number(row.n));
  return counts;
}

/**
 * Whether a comment written with this key (a browser identity's, or an email
 * address's commenter key) was approved on the site, other than `exceptId`.
 * Comments from before identity keys were kept match on their commenter key,
 * which is the identity's when no email was given.
 */
export async function hasApprovedComment(db: Db, site: string, key: string, exceptId = 0): Promise<boolean> {
  const result = await db.execute({
    sql: `SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE (c.identity_key = ? OR c.commenter_key = ?) AND t.site = ? AND c.status = 'approved' AND c.id <> ? LIMIT 1`,
    args: [key, key, site, exceptId],
  });
  return result.rows.length > 0;
}

export async function countChildren(db: Db, id: number): Promise<number> {
  const result = await db.execute({ sql: 'SELECT count(*) AS n FROM comments WHERE parent_id = ?', args: [id] });
  return Number(result.rows[0]!.n);
}

/** A thread's comment written elsewhere, by the URL of its original (a re-sent or re-fetched original finds it). */
export async function findBySourceUrl(db: Db, site: string, uri: string, sourceUrl: string): Promise<CommentRow | undefined> {
  const result = await db.execute({ sql: `${SELECT} WHERE t.site = ? AND t.uri = ? AND c.source_url = ?`, args: [site, uri, sourceUrl] });
  return result.rows[0] ? toCommentRow(result.rows[0]) : undefined;
}

/** A thread's comments from one source elsewhere (to notice those deleted at the source). */
export async function listBySource(db: Db, site: string, uri: string, source: CommentSource): Promise<CommentRow[]> {
  const result = await db.execute({ sql: `${SELECT} WHERE t.site = ? AND t.uri = ? AND c.source = ? ORDER BY c.id`, args: [site, uri, source] });
  return result.rows.map(toCommentRow);
}

/** Follows an edit at the source: new text and author details, marked edited. */
export async function updateRemoteComment(
  db: Db,
  id: number,
  fields: { body: string; html: string; name: string | null; url: string | null; editedAt: number },
): Promise<void> {
  await db.execute({
    sql: 'UPDATE comments SET body = ?, html = ?, name = ?, url = ?, edited_at = ? WHERE id = ?',
    args: [fields.body, fields.html, fields.name, fields.url, fields.editedAt, id],
  });
}
