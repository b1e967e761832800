/** Storage for threads: one row per (site, page uri). */
import type { InStatement } from '@libsql/client';
import type { Db } from './connection.js';

export interface ThreadRow {
  id: number;
  site: string;
  uri: string;
  title: string | null;
}

/** Statement that creates the thread if needed and keeps the first title it was given (null gives none). */
export function upsertThreadStatement(site: string, uri: string, title: string | null, now: number): InStatement {
  return {
    sql: `INSERT INTO threads (site, uri, title, created_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (site, uri) DO UPDATE SET title = coalesce(threads.title, excluded.title)`,
    args: [site, uri, title, now],
  };
}

/**
 * Statement that gives each untitled thread among `threadIds` (a subquery) the
 * page title of its first approved comment that has one. A title, once set,
 * stays: no later comment changes it.
 */
export function adoptTitleStatement(threadIds: string, args: (string | number)[]): InStatement {
  return {
    sql: `UPDATE threads SET title = (
            SELECT c.page_title FROM comments c WHERE c.thread_id = threads.id AND c.status = 'approved' AND c.page_title IS NOT NULL
            ORDER BY c.created_at, c.id LIMIT 1)
          WHERE title IS NULL AND id IN (${threadIds})`,
    args,
  };
}

export async function findThread(db: Db, site: string, uri: string): Promise<ThreadRow | undefined> {
  const result = await db.execute({ sql: 'SELECT id, site, uri, title FROM threads WHERE site = ? AND uri = ?', args: [site, uri] });
  const row = result.rows[0];
  return row ? { id: Number(row.id), site: String(row.site), uri: String(row.uri), title: row.title === null ? null : String(row.title) } : undefined;
}

export async function listThreads(db: Db, site: string): Promise<ThreadRow[]> {
  const result = await db.execute({ sql: 'SELECT id, site, uri, title FROM threads WHERE site = ? ORDER BY uri', args: [site] });
  return result.rows.map((row) => ({ id: Number(row.id), site: String(row.site), uri: String(row.uri), title: row.title === null ? null : String(row.title) }));
}
