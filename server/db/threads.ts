/** Storage for threads: one row per (site, page uri). */
import type { InStatement } from '@libsql/client';
import type { Db } from './connection.js';

export interface ThreadRow {
  id: number;
  site: string;
  uri: string;
  title: string | null;
}

/** Statement that creates the thread if needed and keeps the first title it was given. */
export function upsertThreadStatement(site: string, uri: string, title: string | null, now: number): InStatement {
  return {
    sql: `INSERT INTO threads (site, uri, title, created_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (site, uri) DO UPDATE SET title = coalesce(threads.title, excluded.title)`,
    args: [site, uri, title, now],
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
