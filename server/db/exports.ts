/** Storage for the export: the site's threads, and its comments page by page with their private fields. */
import type { CommentRow, CommentSource, CommentStatus } from './comments.js';
import type { ReactionKind, ReactionSource, ThreadReaction } from './reactions.js';
import type { Platform } from './syndication.js';
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
export type ExportCommentRow = Pick<CommentRow, 'id' | 'uri' | 'parentId' | 'status' | 'body' | 'name' | 'url' | 'isAuthor' | 'commenterKey' | 'createdAt' | 'editedAt' | 'email' | 'notify' | 'source' | 'sourceUrl'> & {
  acknowledgedAt: number | null;
};

/** One page of the site's comments with ids above `afterId`, by id. */
export async function listExportComments(db: Queryable, site: string, afterId: number, limit: number): Promise<ExportCommentRow[]> {
  const result = await db.execute({
    sql: `SELECT c.id, t.uri, c.parent_id, c.status, c.body, c.name, c.url, c.is_author, c.commenter_key, c.created_at, c.edited_at,
            c.email, c.notify, c.source, c.source_url, c.acknowledged_at
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
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
  }));
}

/** The site's reactions from elsewhere, as the export lists them (by uri, item, kind). */
export async function listExportReactions(db: Queryable, site: string): Promise<ThreadReaction[]> {
  const result = await db.execute({
    sql: `SELECT t.uri, r.source, r.item_url, r.kind, r.count, r.author_name, r.author_url, r.updated_at
          FROM reactions r JOIN threads t ON t.id = r.thread_id WHERE t.site = ? ORDER BY t.uri, r.item_url, r.kind`,
    args: [site],
  });
  return result.rows.map((row) => ({
    uri: String(row.uri),
    source: String(row.source) as ReactionSource,
    itemUrl: String(row.item_url),
    kind: String(row.kind) as ReactionKind,
    count: Number(row.count),
    authorName: text(row.author_name),
    authorUrl: text(row.author_url),
    updatedAt: Number(row.updated_at),
  }));
}

/** The site's syndicated copies (by uri, url), without their fetch state: a new server fetches them afresh. */
export async function listExportCopies(db: Queryable, site: string): Promise<{ uri: string; url: string; platform: Platform }[]> {
  const result = await db.execute({ sql: 'SELECT uri, url, platform FROM syndication_copies WHERE site = ? ORDER BY uri, url', args: [site] });
  return result.rows.map((row) => ({ uri: String(row.uri), url: String(row.url), platform: String(row.platform) as Platform }));
}
