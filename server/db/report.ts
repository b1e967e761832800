/**
 * Reading a site's comments for the dialogue report, thread by thread and in
 * bounded chunks, so a million comments never sit in memory at once.
 */
import type { Db } from './connection.js';
import type { CommentStatus } from './comments.js';

export interface ReportThread {
  id: number;
  uri: string;
  title: string | null;
}

/** A comment with only the columns the metrics read. */
export interface ReportCommentRow {
  id: number;
  parentId: number | null;
  status: CommentStatus;
  createdAt: number;
  commenterKey: string | null;
  isAuthor: boolean;
  name: string | null;
}

/**
 * About this many comments are read per query: large enough to be fast, small
 * enough to stay lean (and the thread ids of one query stay far below SQLite's
 * parameter limit).
 */
const CHUNK_ROWS = 50_000;
const CHUNK_THREADS = 10_000;

/** Threads of a site with their comment counts, in id order. */
async function threadsWithCounts(db: Db, site: string, uri?: string): Promise<(ReportThread & { count: number })[]> {
  const result = await db.execute({
    sql: `SELECT t.id, t.uri, t.title, (SELECT count(*) FROM comments c WHERE c.thread_id = t.id) AS n
          FROM threads t WHERE t.site = ? ${uri === undefined ? '' : 'AND t.uri = ?'} ORDER BY t.id`,
    args: uri === undefined ? [site] : [site, uri],
  });
  return result.rows.map((row) => ({ id: Number(row.id), uri: String(row.uri), title: row.title === null ? null : String(row.title), count: Number(row.n) }));
}

/**
 * Yields each thread of the site with all its comments (every status), oldest
 * first. With `uri`, only that thread.
 */
export async function* streamSiteThreads(db: Db, site: string, uri?: string): AsyncGenerator<{ thread: ReportThread; comments: ReportCommentRow[] }> {
  const threads = await threadsWithCounts(db, site, uri);
  let start = 0;
  while (start < threads.length) {
    let end = start;
    let rows = 0;
    while (end < threads.length && (end === start || (rows + threads[end]!.count <= CHUNK_ROWS && end - start < CHUNK_THREADS))) rows += threads[end++]!.count;
    const chunk = threads.slice(start, end);
    start = end;
    const result = await db.execute({
      sql: `SELECT thread_id, id, parent_id, status, created_at, commenter_key, is_author, name FROM comments
            WHERE thread_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY thread_id, created_at, id`,
      args: chunk.map((t) => t.id),
    });
    const byThread = new Map<number, ReportCommentRow[]>(chunk.map((t) => [t.id, []]));
    for (const row of result.rows) {
      byThread.get(Number(row.thread_id))!.push({
        id: Number(row.id),
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        status: row.status as CommentStatus,
        createdAt: Number(row.created_at),
        commenterKey: row.commenter_key === null ? null : String(row.commenter_key),
        isAuthor: Number(row.is_author) === 1,
        name: row.name === null ? null : String(row.name),
      });
    }
    for (const thread of chunk) yield { thread: { id: thread.id, uri: thread.uri, title: thread.title }, comments: byThread.get(thread.id)! };
  }
}

/** Whether the database knows the site at all (it has at least one thread). */
export async function siteHasThreads(db: Db, site: string): Promise<boolean> {
  const result = await db.execute({ sql: 'SELECT 1 FROM threads WHERE site = ? LIMIT 1', args: [site] });
  return result.rows.length > 0;
}

/** The baseline for the report benchmark: a plain full count of the comments table. */
export async function countAllComments(db: Db): Promise<number> {
  const result = await db.execute('SELECT count(*) AS n FROM comments');
  return Number(result.rows[0]!.n);
}
