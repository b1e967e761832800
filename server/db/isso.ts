/** Reading a foreign Isso database (its `threads` and `comments` tables) for the Isso importer. */
import { openReadOnly } from './connection.js';
import { textOrNull as text } from './values.js';

/** Isso's `threads` table. */
export interface IssoThreadRow {
  id: number;
  uri: string;
  title: string | null;
}

/** Isso's `comments` table, without the columns Kommentar never keeps (remote_addr, voters, likes). */
export interface IssoCommentRow {
  tid: number;
  id: number;
  parent: number | null;
  created: number;
  modified: number | null;
  mode: number;
  text: string | null;
  author: string | null;
  email: string | null;
  website: string | null;
}

/** Why an Isso database cannot be read (missing table or column): the operator's input, not a crash. */
export class ForeignSchemaError extends Error {
  override name = 'ForeignSchemaError';
}

/**
 * Reads an Isso SQLite database through a read-only client, which leaves
 * someone else's file as it was; the caller checks that it exists and is SQLite.
 */
export async function readIssoDatabase(path: string): Promise<{ threads: IssoThreadRow[]; comments: IssoCommentRow[] }> {
  const client = await openReadOnly(path);
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('threads', 'comments')");
    if (tables.rows.length < 2) throw new ForeignSchemaError('not an Isso database: it has no "threads" and "comments" tables');
    try {
      const threads = await client.execute('SELECT id, uri, title FROM threads ORDER BY id');
      const comments = await client.execute(
        'SELECT tid, id, parent, created, modified, mode, text, author, email, website FROM comments ORDER BY id',
      );
      return {
        threads: threads.rows.map((row) => ({ id: Number(row.id), uri: String(row.uri), title: text(row.title) })),
        comments: comments.rows.map((row) => ({
          tid: Number(row.tid),
          id: Number(row.id),
          parent: row.parent === null ? null : Number(row.parent),
          created: Number(row.created ?? Number.NaN),
          modified: row.modified === null ? null : Number(row.modified),
          mode: Number(row.mode),
          text: text(row.text),
          author: text(row.author),
          email: text(row.email),
          website: text(row.website),
        })),
      };
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE')) throw new ForeignSchemaError(`not an Isso database: ${(error as Error).message}`);
      throw error;
    }
  } finally {
    client.close();
  }
}
