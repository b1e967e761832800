/** Storage for threads: one row per (site, page uri). */
import type { InStatement, Row } from '@libsql/client';
import type { Db } from './connection.js';
import { textOrNull as text } from './values.js';

export interface ThreadRow {
  id: number;
  site: string;
  uri: string;
  title: string | null;
  /** The thread's language (a catalogue code), once a public comment named one. */
  lang: string | null;
}

/**
 * Statement that creates the thread if needed and keeps the first title and
 * language it was given (null gives none).
 */
export function upsertThreadStatement(site: string, uri: string, title: string | null, now: number, lang: string | null = null): InStatement {
  return {
    sql: `INSERT INTO threads (site, uri, title, lang, created_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (site, uri) DO UPDATE SET title = coalesce(threads.title, excluded.title), lang = coalesce(threads.lang, excluded.lang)`,
    args: [site, uri, title, lang, now],
  };
}

/**
 * Statement that gives each thread among `threadIds` (a subquery) that lacks
 * a title or a language the page title or language of its first approved
 * comment that has one. Once set, they stay: no later comment changes them.
 */
export function adoptTitleAndLangStatement(threadIds: string, args: (string | number)[]): InStatement {
  const first = (column: string) =>
    `(SELECT c.${column} FROM comments c WHERE c.thread_id = threads.id AND c.status = 'approved' AND c.${column} IS NOT NULL
      ORDER BY c.created_at, c.id LIMIT 1)`;
  return {
    sql: `UPDATE threads SET title = coalesce(title, ${first('page_title')}), lang = coalesce(lang, ${first('page_lang')})
          WHERE (title IS NULL OR lang IS NULL) AND id IN (${threadIds})`,
    args,
  };
}

function toThreadRow(row: Row): ThreadRow {
  return { id: Number(row.id), site: String(row.site), uri: String(row.uri), title: text(row.title), lang: text(row.lang) };
}

export async function findThread(db: Db, site: string, uri: string): Promise<ThreadRow | undefined> {
  const result = await db.execute({ sql: 'SELECT id, site, uri, title, lang FROM threads WHERE site = ? AND uri = ?', args: [site, uri] });
  const row = result.rows[0];
  return row ? toThreadRow(row) : undefined;
}

export async function listThreads(db: Db, site: string): Promise<ThreadRow[]> {
  const result = await db.execute({ sql: 'SELECT id, site, uri, title, lang FROM threads WHERE site = ? ORDER BY uri', args: [site] });
  return result.rows.map(toThreadRow);
}
