/** Storage for comments. Every query on the comments table lives here. */
import type { InStatement, Row } from '@libsql/client';
import { recordChange } from './changes.js';
import type { Db } from './connection.js';
import { upsertThreadStatement } from './threads.js';
import { writeQueue } from './write-queue.js';

export type CommentStatus = 'approved' | 'pending' | 'spam' | 'deleted';

/** A stored comment with its thread's site and uri. Holds private fields: never send it to a client as is. */
export interface CommentRow {
  id: number;
  threadId: number;
  site: string;
  uri: string;
  threadTitle: string | null;
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
}

/** What a new comment is stored with; ids, the thread row and edit time come from storage. */
export type NewComment = Omit<CommentRow, 'id' | 'threadId' | 'threadTitle' | 'editedAt'> & {
  /** The page title, kept on the thread the first time one is given. */
  title: string | null;
};

const SELECT = `SELECT c.id, c.thread_id, t.site, t.uri, t.title AS thread_title, c.parent_id, c.depth, c.status,
  c.body, c.html, c.name, c.url, c.email, c.commenter_key, c.is_author, c.notify, c.created_at, c.edited_at, c.edit_token_hash
  FROM comments c JOIN threads t ON t.id = c.thread_id`;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toCommentRow(row: Row): CommentRow {
  return {
    id: Number(row.id),
    threadId: Number(row.thread_id),
    site: String(row.site),
    uri: String(row.uri),
    threadTitle: text(row.thread_title),
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
  };
}

/** The statements that store a comment and create its thread on first use; the second one returns the new id. */
export function insertCommentStatements(comment: NewComment): InStatement[] {
  return [
    upsertThreadStatement(comment.site, comment.uri, comment.title, comment.createdAt),
    {
      sql: `INSERT INTO comments (thread_id, parent_id, depth, status, body, html, name, url, email, commenter_key,
              is_author, notify, created_at, edit_token_hash)
            VALUES ((SELECT id FROM threads WHERE site = ? AND uri = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id, thread_id, (SELECT title FROM threads WHERE site = ? AND uri = ?) AS thread_title`,
      args: [
        comment.site, comment.uri, comment.parentId, comment.depth, comment.status, comment.body, comment.html,
        comment.name, comment.url, comment.email, comment.commenterKey, comment.isAuthor ? 1 : 0, comment.notify ? 1 : 0,
        comment.createdAt, comment.editTokenHash, comment.site, comment.uri,
      ],
    },
  ];
}

/**
 * Stores a comment atomically. Goes through the write queue, so comments
 * arriving together share one commit. Returns the stored row once it is
 * committed.
 */
export async function insertComment(db: Db, comment: NewComment): Promise<CommentRow> {
  const [, inserted] = await writeQueue(db).write(insertCommentStatements(comment));
  recordChange(db);
  const row = inserted!.rows[0]!;
  const { title: _title, ...fields } = comment;
  return { ...fields, id: Number(row.id), threadId: Number(row.thread_id), threadTitle: text(row.thread_title), editedAt: null };
}

export async function getComment(db: Db, id: number): Promise<CommentRow | undefined> {
  const result = await db.execute({ sql: `${SELECT} WHERE c.id = ?`, args: [id] });
  return result.rows[0] ? toCommentRow(result.rows[0]) : undefined;
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

export async function updateCommentBody(db: Db, id: number, body: string, html: string, editedAt: number): Promise<void> {
  await db.execute({ sql: 'UPDATE comments SET body = ?, html = ?, edited_at = ? WHERE id = ?', args: [body, html, editedAt, id] });
  recordChange(db);
}

/**
 * Deletes a comment's content but keeps the row, so replies keep their parent
 * and the tree its shape. Personal data goes with the content.
 */
export async function markDeleted(db: Db, id: number): Promise<void> {
  await db.execute({
    sql: `UPDATE comments SET status = 'deleted', body = '', html = '', name = NULL, url = NULL, email = NULL,
          notify = 0, edit_token_hash = NULL WHERE id = ?`,
    args: [id],
  });
  recordChange(db);
}

export async function setCommentStatus(db: Db, ids: number[], status: CommentStatus): Promise<void> {
  if (ids.length === 0) return;
  await db.execute({ sql: `UPDATE comments SET status = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, args: [status, ...ids] });
  recordChange(db);
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

/** Whether this commenter already has an approved comment on the site (first-time moderation). */
export async function hasApprovedComment(db: Db, site: string, commenterKey: string): Promise<boolean> {
  const result = await db.execute({
    sql: `SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE c.commenter_key = ? AND t.site = ? AND c.status = 'approved' LIMIT 1`,
    args: [commenterKey, site],
  });
  return result.rows.length > 0;
}

export async function countChildren(db: Db, id: number): Promise<number> {
  const result = await db.execute({ sql: 'SELECT count(*) AS n FROM comments WHERE parent_id = ?', args: [id] });
  return Number(result.rows[0]!.n);
}
