/**
 * Reading a site's comments for the dialogue report, thread by thread and in
 * bounded chunks, so a million comments never sit in memory at once.
 */
import type { Db, Queryable } from './connection.js';
import type { Reactions } from './reactions.js';
import type { CommentSource, CommentStatus } from './comments.js';
import { reactionsOfThreads } from './reactions.js';

export interface ReportThread {
  id: number;
  uri: string;
  title: string | null;
}

/**
 * A comment with only the columns the metrics read, named as the metrics name
 * them, so a million rows need no second copy on their way in.
 */
export interface ReportCommentRow {
  id: number;
  /** The thread's uri. */
  postUri: string;
  parentId: number | null;
  status: CommentStatus;
  createdAt: number;
  /** The commenter key (its first 64 bits); null when anonymous. */
  participant: string | null;
  isAuthor: boolean;
  name: string | null;
  /** The author marked it "no answer needed". */
  acknowledged: boolean;
  /** Absent for the site's own comments (nearly all of them). */
  source?: CommentSource;
}

type PackedRow = [
  threadId: number,
  id: number,
  parentId: number | null,
  status: CommentStatus,
  createdAt: number,
  commenterKey: string | null,
  isAuthor: number,
  name: string | null,
  acknowledged: number,
  source: CommentSource | null,
];

/**
 * About this many comments are read per query: large enough that the query's own cost stays
 * small, small enough that a chunk is mostly done with before the garbage collector's young
 * generation moves it to the old one (at 50,000 rows nearly every chunk moved there, and a
 * cold report over a million comments grew the heap by a few hundred MB between major collections).
 */
const CHUNK_ROWS = 5_000;
const CHUNK_THREADS = 10_000;

/** Threads of a site with their comment counts, in id order. */
async function threadsWithCounts(db: Db, site: string, uri?: string): Promise<CountedThread[]> {
  const result = await db.execute({
    sql: `SELECT t.id, t.uri, t.title, (SELECT count(*) FROM comments c WHERE c.thread_id = t.id) AS n
          FROM threads t WHERE t.site = ? ${uri === undefined ? '' : 'AND t.uri = ?'} ORDER BY t.id`,
    args: uri === undefined ? [site] : [site, uri],
  });
  return result.rows.map((row) => ({ id: Number(row.id), uri: String(row.uri), title: row.title === null ? null : String(row.title), count: Number(row.n) }));
}

/**
 * Yields each thread of the site with all its comments (every status, in no
 * particular order) and its reactions from elsewhere. With `uri`, only that thread.
 */
export async function* streamSiteThreads(db: Db, site: string, uri?: string): AsyncGenerator<ReportThreadComments> {
  yield* streamThreads(db, await threadsWithCounts(db, site, uri));
}

export interface ReportThreadComments {
  thread: ReportThread;
  comments: ReportCommentRow[];
  reactions: Reactions | undefined;
}

/** Threads with their comment counts (which size the chunks). */
export type CountedThread = ReportThread & { count: number };

/** Yields the given threads, in the order given, each with all its comments and its reactions, as streamSiteThreads. */
export async function* streamThreads(db: Db, threads: readonly CountedThread[]): AsyncGenerator<ReportThreadComments> {
  let start = 0;
  while (start < threads.length) {
    let end = start;
    let rows = 0;
    while (end < threads.length && (end === start || (rows + threads[end]!.count <= CHUNK_ROWS && end - start < CHUNK_THREADS))) rows += threads[end++]!.count;
    const chunk = threads.slice(start, end);
    start = end;
    // One JSON array per chunk: libSQL builds it in C far faster than it hands over rows one by one.
    // 64 bits of the key tell 100,000 people apart (a collision chance near 1e-9) at a quarter of the hashing cost.
    const result = await db.execute({
      // No ORDER BY: the metrics put each post in time order themselves, and sorting here cost a fifth of the read.
      // The ids as one JSON list: one statement text for every chunk, prepared once.
      sql: `SELECT json_group_array(json_array(thread_id, id, parent_id, status, created_at, substr(commenter_key, 1, 16), is_author, name, acknowledged_at IS NOT NULL, nullif(source, 'site'))) AS rows
            FROM comments WHERE thread_id IN (SELECT value FROM json_each(?))`,
      args: [JSON.stringify(chunk.map((t) => t.id))],
    });
    const byThread = new Map<number, PackedRow[]>(chunk.map((t) => [t.id, []]));
    for (const row of JSON.parse(String(result.rows[0]!.rows)) as PackedRow[]) byThread.get(row[0])!.push(row);
    const reactions = await reactionsOfThreads(db, chunk.map((t) => t.id));
    for (const thread of chunk) {
      // A thread's row objects are made only as it is handed on, so most die young.
      yield { thread: { id: thread.id, uri: thread.uri, title: thread.title }, comments: byThread.get(thread.id)!.map((row) => commentRow(thread.uri, row)), reactions: reactions.get(thread.id) };
    }
  }
}

function commentRow(postUri: string, [, id, parentId, status, createdAt, participant, isAuthor, name, acknowledged, source]: PackedRow): ReportCommentRow {
  const row: ReportCommentRow = { id, postUri, parentId, status, createdAt, participant, isAuthor: isAuthor === 1, name, acknowledged: acknowledged === 1 };
  if (source !== null) row.source = source;
  return row;
}

/** Whether the database knows the site at all (it has at least one thread). */
export async function siteHasThreads(db: Db, site: string): Promise<boolean> {
  const result = await db.execute({ sql: 'SELECT 1 FROM threads WHERE site = ? LIMIT 1', args: [site] });
  return result.rows.length > 0;
}

/** A plain full count of the comments table: the report benchmark's baseline, and how an import judges its own size. */
export async function countAllComments(db: Queryable): Promise<number> {
  const result = await db.execute('SELECT count(*) AS n FROM comments');
  return Number(result.rows[0]!.n);
}
