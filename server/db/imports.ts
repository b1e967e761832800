/**
 * Storage for imports: lookups by import origin and bulk writes inside the
 * caller's one transaction (bulk-transaction.ts). The export's reads are in
 * exports.ts, the reader of a foreign Isso database in isso.ts.
 */
import type { BulkTransaction } from './bulk-transaction.js';
import type { CommentRow, CommentStatus } from './comments.js';
import type { Queryable } from './connection.js';
import type { ThreadReaction } from './reactions.js';
import type { Platform } from './syndication.js';
import { upsertThreadStatement } from './threads.js';
import { textOrNull as text } from './values.js';

export type { Queryable } from './connection.js';

/** Ids per `IN (…)` lookup, and rows per page of a long read. */
const IDS_PER_LOOKUP = 500;
const ROWS_PER_PAGE = 5000;

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

/** Creates the threads that do not exist yet; existing ones keep their first title and language. */
export async function upsertThreads(db: Queryable, site: string, threads: { uri: string; title: string | null; lang: string | null; createdAt: number }[]): Promise<void> {
  if (threads.length > 0) await db.batch(threads.map((thread) => upsertThreadStatement(site, thread.uri, thread.title, thread.createdAt, thread.lang)));
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
export type ImportRow = Omit<CommentRow, 'site' | 'uri' | 'threadTitle' | 'threadLang' | 'editTokenHash' | 'pageTitle' | 'pageLang' | 'identityKey' | 'pendingEdit'> & {
  importSource: string;
  importId: string;
  /** Hash of the source text, so a re-import can spot a changed comment without converting it again. */
  importHash: string;
  /** When the author marked it "no answer needed". */
  acknowledgedAt: number | null;
};

const COLUMNS = ['id', 'thread_id', 'parent_id', 'depth', 'status', 'body', 'html', 'name', 'url', 'email', 'commenter_key',
  'is_author', 'notify', 'created_at', 'edited_at', 'source', 'source_url', 'acknowledged_at', 'import_source', 'import_id', 'import_hash'] as const;

function rowValues(row: ImportRow): (string | number | null)[] {
  return [
    row.id, row.threadId, row.parentId, row.depth, row.status, row.body, row.html, row.name, row.url, row.email, row.commenterKey,
    row.isAuthor ? 1 : 0, row.notify ? 1 : 0, row.createdAt, row.editedAt, row.source, row.sourceUrl, row.acknowledgedAt, row.importSource, row.importId, row.importHash,
  ];
}

/** Inserts rows in the given order (parents before replies), in the import's transaction. */
export async function insertImportRows(tx: BulkTransaction, rows: ImportRow[]): Promise<void> {
  await tx.insertRows('comments', COLUMNS, rows.map(rowValues));
}

/** Adds reactions to their (existing) threads; one the server already has keeps its own, fresher counts. */
export async function insertImportReactions(tx: Queryable, site: string, rows: ThreadReaction[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.batch(
    rows.map((row) => ({
      sql: `INSERT INTO reactions (thread_id, source, item_url, kind, count, author_name, author_url, updated_at)
            VALUES ((SELECT id FROM threads WHERE site = ? AND uri = ?), ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (thread_id, item_url, kind) DO NOTHING`,
      args: [site, row.uri, row.source, row.itemUrl, row.kind, row.count, row.authorName, row.authorUrl, row.updatedAt],
    })),
  );
}

/** Adds syndicated copies, due for a fetch at `now`; one the server already has keeps its schedule. */
export async function insertImportCopies(tx: Queryable, site: string, copies: { uri: string; url: string; platform: Platform }[], now: number): Promise<void> {
  if (copies.length === 0) return;
  await tx.batch(
    copies.map((copy) => ({
      sql: `INSERT INTO syndication_copies (site, uri, url, platform, next_fetch_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (site, uri, url) DO NOTHING`,
      args: [site, copy.uri, copy.url, copy.platform, now, now],
    })),
  );
}
