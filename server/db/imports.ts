/**
 * Storage for imports and exports: lookups by import origin, bulk writes with
 * multi-row statements inside the caller's one transaction, export pages, and
 * reading a foreign Isso database. Every SQL statement imports and exports need is here.
 */
import { createClient, type Transaction } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import type { CommentRow, CommentStatus } from './comments.js';
import { upsertThreadStatement } from './threads.js';

/** A client or an open transaction: what reads and writes run on. */
export type Queryable = Pick<Transaction, 'execute' | 'batch'>;

/** Rows per INSERT statement. */
const ROWS_PER_STATEMENT = 500;
/** Ids per `IN (…)` lookup, and rows per page of a long read. */
const IDS_PER_LOOKUP = 500;
const ROWS_PER_PAGE = 5000;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A comment an earlier import stored, as the next import compares it. */
export interface PreviouslyImported {
  id: number;
  importId: string;
  uri: string;
  depth: number;
  status: CommentStatus;
  name: string | null;
  url: string | null;
  /** Hash of the source text it was imported from. */
  importHash: string | null;
}

/** Every comment stored from `importSource` (e.g. "wordpress:blog"), read in pages along the import index. */
export async function findImportedComments(db: Queryable, importSource: string): Promise<PreviouslyImported[]> {
  const found: PreviouslyImported[] = [];
  for (let afterImportId = ''; ; ) {
    const result = await db.execute({
      sql: `SELECT c.id, c.import_id, t.uri, c.depth, c.status, c.name, c.url, c.import_hash
            FROM comments c JOIN threads t ON t.id = c.thread_id
            WHERE c.import_source = ? AND c.import_id IS NOT NULL AND c.import_id > ? ORDER BY c.import_id LIMIT ?`,
      args: [importSource, afterImportId, ROWS_PER_PAGE],
    });
    for (const row of result.rows) {
      found.push({
        id: Number(row.id),
        importId: String(row.import_id),
        uri: String(row.uri),
        depth: Number(row.depth),
        status: String(row.status) as CommentStatus,
        name: text(row.name),
        url: text(row.url),
        importHash: text(row.import_hash),
      });
    }
    if (result.rows.length < ROWS_PER_PAGE) return found;
    afterImportId = found.at(-1)!.importId;
  }
}

/** How many comments are stored from `importSource`: rows are never removed, so an unchanged count means an unchanged set. */
export async function countImportedComments(db: Queryable, importSource: string): Promise<number> {
  const result = await db.execute({
    sql: 'SELECT count(*) AS n FROM comments WHERE import_source = ? AND import_id IS NOT NULL',
    args: [importSource],
  });
  return Number(result.rows[0]!.n);
}

/** Thread ids of a site by uri. */
export async function threadIdsByUri(db: Queryable, site: string): Promise<Map<string, number>> {
  const result = await db.execute({ sql: 'SELECT id, uri FROM threads WHERE site = ?', args: [site] });
  return new Map(result.rows.map((row) => [String(row.uri), Number(row.id)]));
}

/** Creates the threads that do not exist yet; existing ones keep their first title. */
export async function upsertThreads(db: Queryable, site: string, threads: { uri: string; title: string | null; createdAt: number }[]): Promise<void> {
  if (threads.length > 0) await db.batch(threads.map((thread) => upsertThreadStatement(site, thread.uri, thread.title, thread.createdAt)));
}

/** The highest comment id in use (0 for none): imports number their comments after it inside their transaction. */
export async function maxCommentId(db: Queryable): Promise<number> {
  const result = await db.execute('SELECT coalesce(max(id), 0) AS id FROM comments');
  return Number(result.rows[0]!.id);
}

/** Which of `ids` are already comment ids. */
export async function takenCommentIds(db: Queryable, ids: number[]): Promise<number[]> {
  const taken: number[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
    const slice = ids.slice(start, start + IDS_PER_LOOKUP);
    const result = await db.execute({ sql: `SELECT id FROM comments WHERE id IN (${slice.map(() => '?').join(', ')})`, args: slice });
    for (const row of result.rows) taken.push(Number(row.id));
  }
  return taken;
}

/** A comment row as an import writes it, id and parent already assigned. */
export type ImportRow = Omit<CommentRow, 'site' | 'uri' | 'threadTitle' | 'editTokenHash' | 'pageTitle' | 'identityKey' | 'pendingEdit'> & {
  importSource: string;
  importId: string;
  /** Hash of the source text, so a re-import can spot a changed comment without converting it again. */
  importHash: string;
};

const COLUMNS = ['id', 'thread_id', 'parent_id', 'depth', 'status', 'body', 'html', 'name', 'url', 'email', 'commenter_key',
  'is_author', 'notify', 'created_at', 'edited_at', 'import_source', 'import_id', 'import_hash'];
/**
 * Many rows per statement, passed as one JSON parameter. The statement stays
 * small whatever the row count: a multi-row VALUES list compiles to a program
 * per row, and those programs stay in native memory until the JS garbage
 * collector finalises them, which made a large import's memory balloon.
 */
const INSERT_ROWS = `INSERT INTO comments (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;

function rowValues(row: ImportRow): (string | number | null)[] {
  return [
    row.id, row.threadId, row.parentId, row.depth, row.status, row.body, row.html, row.name, row.url, row.email, row.commenterKey,
    row.isAuthor ? 1 : 0, row.notify ? 1 : 0, row.createdAt, row.editedAt, row.importSource, row.importId, row.importHash,
  ];
}

/** Inserts rows in the given order (parents before replies). Meant for an open transaction. */
export async function insertImportRows(db: Queryable, rows: ImportRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db.execute({ sql: INSERT_ROWS, args: [JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT).map(rowValues))] });
  }
}

/** A thread as the export lists it. */
export interface ExportThreadRow {
  uri: string;
  title: string | null;
}

/** The site's threads, by uri. */
export async function listExportThreads(db: Queryable, site: string): Promise<ExportThreadRow[]> {
  const result = await db.execute({ sql: 'SELECT uri, title FROM threads WHERE site = ? ORDER BY uri', args: [site] });
  return result.rows.map((row) => ({ uri: String(row.uri), title: text(row.title) }));
}

/** A comment as the export reads it (private fields included; the export decides what to show). */
export type ExportCommentRow = Pick<CommentRow, 'id' | 'uri' | 'parentId' | 'status' | 'body' | 'name' | 'url' | 'isAuthor' | 'commenterKey' | 'createdAt' | 'editedAt' | 'email' | 'notify'>;

/** One page of the site's comments with ids above `afterId`, by id. */
export async function listExportComments(db: Queryable, site: string, afterId: number, limit: number): Promise<ExportCommentRow[]> {
  const result = await db.execute({
    sql: `SELECT c.id, t.uri, c.parent_id, c.status, c.body, c.name, c.url, c.is_author, c.commenter_key, c.created_at, c.edited_at,
            c.email, c.notify
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
  }));
}

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
 * Reads an Isso SQLite database. It gets its own read-only client instead of
 * `openDatabase`, which would switch the file to WAL and so change someone
 * else's database; the caller checks that the file exists and is SQLite.
 */
export async function readIssoDatabase(path: string): Promise<{ threads: IssoThreadRow[]; comments: IssoCommentRow[] }> {
  const client = createClient({ url: pathToFileURL(path).href, intMode: 'number' });
  try {
    await client.execute('PRAGMA query_only = ON');
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
