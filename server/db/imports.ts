/**
 * Storage for imports: lookups by import origin and bulk writes inside the
 * caller's one transaction (bulk-transaction.ts). The export's reads are in
 * exports.ts, the reader of a foreign Isso database in isso.ts.
 */
import type { InValue } from '@libsql/client';
import { insertMany, LocalTransaction, type BulkTransaction } from './bulk-transaction.js';
import type { CommentStatus } from './comments.js';
import type { Queryable } from './connection.js';
import { LocalConnection } from './local-connection.js';
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

/**
 * What a staged comment keeps, in this order after its place in the file
 * (`seq`): everything but where the plan puts it (id, thread, parent, depth).
 * The pool's workers fill in the last three (body, html, import_hash).
 */
const STAGED = ['status', 'name', 'url', 'email', 'commenter_key', 'is_author', 'notify', 'created_at', 'edited_at', 'source', 'source_url',
  'acknowledged_at', 'import_id', 'body', 'html', 'import_hash'] as const;
/**
 * The partial indexes of `comments` that imported rows never or seldom enter:
 * no STAGED column fills identity_key or pending_at, and only replies from
 * elsewhere in a Kommentar export have a source_url. A bulk import keeps them
 * rather than building them again (db/bulk-transaction.ts, withIndexesDeferred).
 */
export const INDEXES_KEPT_BY_IMPORTS = ['comments_by_identity', 'comments_with_pending_edit', 'comments_by_source_url'] as const;

/** A staged comment: `seq`, then the STAGED columns. */
export type StagedRow = InValue[];

/** Where the plan puts a staged comment: its place in write order, its `seq`, then id, thread, parent and depth. */
export type Placement = [order: number, seq: number, id: number, threadId: number, parentId: number | null, depth: number];
const PLACEMENT = ['ord', 'seq', 'id', 'thread_id', 'parent_id', 'depth'] as const;

/** Comments moved into `comments` per statement: each step reports progress. */
const MOVE_STEP = 10_000;

/**
 * A scratch file where one worker of an import puts the comments it has
 * converted while the rest of the file is still read, so no body waits in
 * memory for the plan. No journal, no syncing: it is deleted after the import,
 * and what reaches the site's database is decided in the import's transaction.
 */
export class ImportStaging {
  private readonly connection: LocalConnection;

  constructor(path: string) {
    this.connection = new LocalConnection(path);
    this.connection.exec('PRAGMA journal_mode = OFF');
    this.connection.exec('PRAGMA synchronous = OFF');
    this.connection.exec(`CREATE TABLE IF NOT EXISTS staged (seq INTEGER PRIMARY KEY, ${STAGED.join(', ')})`);
  }

  /** Adds `rows`; other connections see them once this returns. */
  add(rows: StagedRow[]): void {
    this.connection.exec('BEGIN');
    insertMany(this.connection, 'staged', ['seq', ...STAGED], rows);
    this.connection.exec('COMMIT');
  }

  close(): void {
    this.connection.close();
  }
}

/**
 * One step of staged comments in write order, as `comments` columns (id,
 * thread_id, parent_id, depth, the STAGED ones, import_source), placed by
 * `temp.import_placement`, each from whichever of the staging files attached
 * as `schemas` holds it (one lookup by key in each).
 */
function stagedSelect(schemas: readonly string[]): { sql: string; columns: string[] } {
  const pick = (column: string) =>
    schemas.length === 1 ? `s0.${column}` : `CASE ${schemas.map((_, i) => `WHEN s${i}.seq IS NOT NULL THEN s${i}.${column}`).join(' ')} END`;
  const joins = schemas.map((schema, i) => `LEFT JOIN ${schema}.staged s${i} ON s${i}.seq = p.seq`).join(' ');
  return {
    sql: `SELECT p.id, p.thread_id, p.parent_id, p.depth, ${STAGED.map(pick).join(', ')}, ? FROM temp.import_placement p ${joins}
          WHERE p.ord >= ? AND p.ord < ? ORDER BY p.ord`,
    columns: ['id', 'thread_id', 'parent_id', 'depth', ...STAGED, 'import_source'],
  };
}

/**
 * Moves staged comments into `comments` in the order of `placements`
 * (parents before replies, otherwise time), inside the import's transaction.
 * Where the transaction has the staging files attached (a database file) the
 * rows never leave SQLite; otherwise they are read from the files and sent
 * through the client.
 */
export async function moveStagedComments(
  tx: BulkTransaction,
  files: readonly string[],
  placements: Placement[],
  importSource: string,
  onMoved: (done: number) => void,
): Promise<void> {
  if (placements.length === 0) return;
  if (tx.attached.length > 0) {
    await placeAndMove(
      tx,
      importSource,
      placements,
      async (select, args) => {
        await tx.execute({ sql: `INSERT INTO comments (${select.columns.join(', ')}) ${select.sql}`, args });
      },
      onMoved,
    );
    return;
  }
  const reader = new LocalConnection(files[0]!);
  try {
    const schemas = ['main'];
    for (let i = 1; i < files.length; i++) {
      reader.run({ sql: `ATTACH DATABASE ? AS staged${i}`, args: [files[i]!] });
      schemas.push(`staged${i}`);
    }
    await placeAndMove(
      new LocalTransaction(reader, schemas),
      importSource,
      placements,
      async (select, args) => {
        const rows = reader.statement(select.sql).raw(true).all(...args) as InValue[][];
        await tx.insertRows('comments', select.columns, rows);
      },
      onMoved,
    );
  } finally {
    reader.close();
  }
}

/** Writes `placements` into a temporary table of `tx` (gone with its connection), then moves the staged comments step by step. */
async function placeAndMove(
  tx: BulkTransaction,
  importSource: string,
  placements: Placement[],
  move: (select: { sql: string; columns: string[] }, args: InValue[]) => Promise<void>,
  onMoved: (done: number) => void,
): Promise<void> {
  await tx.execute(
    `CREATE TEMP TABLE import_placement (ord INTEGER PRIMARY KEY, seq INTEGER NOT NULL, id INTEGER NOT NULL, thread_id INTEGER NOT NULL, parent_id INTEGER, depth INTEGER NOT NULL)`,
  );
  await tx.insertRows('temp.import_placement', PLACEMENT, placements);
  const select = stagedSelect(tx.attached);
  for (let start = 0; start < placements.length; start += MOVE_STEP) {
    const end = Math.min(start + MOVE_STEP, placements.length);
    await move(select, [importSource, start, end]);
    onMoved(end);
  }
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
