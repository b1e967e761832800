/**
 * Rows written straight into the tables, past the domain path (no Markdown, no
 * checks): how the benchmarks fill a database with a million generated comments
 * in minutes instead of hours.
 */
import type { InStatement } from '@libsql/client';
import type { CommentStatus } from './comments.js';
import type { Db } from './connection.js';

export interface RawThread {
  id: number;
  site: string;
  uri: string;
  title: string | null;
  createdAt: number;
}

export interface RawComment {
  id: number;
  threadId: number;
  parentId: number | null;
  depth: number;
  status: CommentStatus;
  body: string;
  html: string;
  name: string | null;
  commenterKey: string | null;
  isAuthor: boolean;
  createdAt: number;
}

/** Writes the threads, then the comments (parents before replies), in one atomic batch. */
export async function writeRawRows(db: Db, threads: RawThread[], comments: RawComment[]): Promise<void> {
  const statements: InStatement[] = [
    ...threads.map((t) => ({ sql: 'INSERT INTO threads (id, site, uri, title, created_at) VALUES (?, ?, ?, ?, ?)', args: [t.id, t.site, t.uri, t.title, t.createdAt] })),
    ...comments.map((c) => ({
      sql: `INSERT INTO comments (id, thread_id, parent_id, depth, status, body, html, name, commenter_key, is_author, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [c.id, c.threadId, c.parentId, c.depth, c.status, c.body, c.html, c.name, c.commenterKey, c.isAuthor ? 1 : 0, c.createdAt],
    })),
  ];
  if (statements.length > 0) await db.batch(statements, 'write');
}

/**
 * Bench data: makes every comment public and gives each a new text from `write`
 * (body and its rendered HTML); returns how many comments are public.
 */
export async function publishAllWithText(db: Db, write: () => { body: string; html: string }): Promise<number> {
  await db.execute("UPDATE comments SET status = 'approved'");
  const rows = await db.execute('SELECT id FROM comments');
  await db.batch(
    rows.rows.map((row) => {
      const { body, html } = write();
      return { sql: 'UPDATE comments SET body = ?, html = ? WHERE id = ?', args: [body, html, Number(row.id)] };
    }),
    'write',
  );
  return Number((await db.execute("SELECT count(*) AS n FROM comments WHERE status = 'approved'")).rows[0]!.n);
}
