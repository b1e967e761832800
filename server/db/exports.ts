/** Storage for the export: the site's threads, and its comments page by page with their private fields. */
import type { CommentRow, CommentSource, CommentStatus } from './comments.js';
import type { Queryable } from './connection.js';
import { textOrNull as text } from './values.js';

/** A thread as the export lists it. */
export interface ExportThreadRow {
  uri: string;
  title: string | null;
  lang: string | null;
}

/** The site's threads, by uri. */
export async function listExportThreads(db: Queryable, site: string): Promise<ExportThreadRow[]> {
  const result = await db.execute({ sql: 'SELECT uri, title, lang FROM threads WHERE site = ? ORDER BY uri', args: [site] });
  return result.rows.map((row) => ({ uri: String(row.uri), title: text(row.title), lang: text(row.lang) }));
}

/** A comment as the export reads it (private fields included; the export decides what to show). */
export type ExportCommentRow = Pick<CommentRow, 'id' | 'uri' | 'parentId' | 'status' | 'body' | 'name' | 'url' | 'isAuthor' | 'commenterKey' | 'createdAt' | 'editedAt' | 'email' | 'notify' | 'source' | 'sourceUrl'>;

/** One page of the site's comments with ids above `afterId`, by id. */
export async function listExportComments(db: Queryable, site: string, afterId: number, limit: number): Promise<ExportCommentRow[]> {
  const result = await db.execute({
    sql: `SELECT c.id, t.uri, c.parent_id, c.status, c.body, c.name, c.url, c.is_author, c.commenter_key, c.created_at, c.edited_at,
            c.email, c.notify, c.source, c.source_url
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = ? AND c.id > ? ORDER BY c.id LIMIT ?`,
    args: [site, afterId, limit],
  });
  return result.rows.map((row) => ({
    id: Number(row.id),
    uri: String(row.uri),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    status: String(row.status) as CommentStatus,
    body: String(row.body),
    name: text(row.name),
    url: text(row.url),
    isAuthor: Number(row.is_author) === 1,
    commenterKey: text(row.commenter_key),
    createdAt: Number(row.created_at),
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    email: text(row.email),
    notify: Number(row.notify) === 1,
    source: String(row.source) as CommentSource,
    sourceUrl: text(row.source_url),
  }));
}
