/**
 * Writes a plan inside the caller's transaction: threads first, then the new
 * comments in plan order (parents before replies) in steps, each step's HTML
 * rendered in the convert pool while earlier steps are inserted, and the
 * comments' indexes built after the rows when the import brings most of them.
 */
import { withIndexesDeferred, type BulkTransaction } from '../db/bulk-transaction.js';
import { countAllComments } from '../db/report.js';
import { insertImportCopies, insertImportReactions, insertImportRows, maxCommentId, takenCommentIds, threadIdsByUri, upsertThreads, type ImportRow, type Queryable } from '../db/imports.js';
import type { ConvertPool } from './convert-pool.js';
import type { ImportPlan, PlannedComment } from './plan.js';
import { ImportInputError } from './errors.js';

/** Comments per insert step, and how many steps render ahead of the insert. */
const WRITE_STEP = 400;
const STEPS_AHEAD = 4;

export interface WriteOptions {
  site: string;
  /** Stored with each comment ("wordpress:blog"), so the next import recognises it. */
  importSource: string;
  pool: ConvertPool;
  onWritten: (done: number, total: number) => void;
  /** The time of the import: imported syndicated copies are due for a fetch from then. */
  now: number;
}

/**
 * Ids for the new comments: a Kommentar export's own ids when every one is
 * free (links to #comment-<id> keep working after a move), else the next free ones.
 */
async function assignIds(db: Queryable, planned: PlannedComment[]): Promise<{ ids: number[]; renumbered: boolean }> {
  const preferred = planned.map((p) => p.comment.preferredId);
  const wanted = preferred.filter((id): id is number => id !== null);
  if (wanted.length > 0 && wanted.length === preferred.length && new Set(wanted).size === wanted.length) {
    if ((await takenCommentIds(db, wanted)).length === 0) return { ids: wanted, renumbered: false };
  }
  const first = (await maxCommentId(db)) + 1;
  return { ids: planned.map((_, i) => first + i), renumbered: wanted.length > 0 };
}

function toRow(p: PlannedComment, threadId: number, html: string, importSource: string): ImportRow {
  const c = p.comment;
  return {
    id: p.id,
    threadId,
    parentId: p.parent?.id ?? null,
    depth: p.depth,
    status: c.status,
    body: c.body,
    html,
    name: c.name,
    url: c.url,
    email: c.email,
    commenterKey: c.commenterKey,
    isAuthor: c.isAuthor,
    notify: c.notify,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    source: c.source,
    sourceUrl: c.sourceUrl,
    acknowledgedAt: c.acknowledgedAt,
    importSource,
    importId: c.sourceId,
    importHash: c.hash,
  };
}

/** Writes `plan`; returns whether an export's ids had to be renumbered. */
export async function writePlan(db: BulkTransaction, plan: ImportPlan, { site, importSource, pool, onWritten, now }: WriteOptions): Promise<boolean> {
  await upsertThreads(db, site, plan.threads);
  const threadIds = await threadIdsByUri(db, site);
  const { ids, renumbered } = await assignIds(db, plan.comments);
  plan.comments.forEach((p, i) => {
    p.id = ids[i]!;
  });

  const steps: PlannedComment[][] = [];
  for (let start = 0; start < plan.comments.length; start += WRITE_STEP) steps.push(plan.comments.slice(start, start + WRITE_STEP));
  const rendering: (Promise<string[]> | undefined)[] = [];
  const render = (k: number) => {
    if (k >= steps.length || rendering[k]) return;
    rendering[k] = pool.html(steps[k]!.map((p) => p.comment.body));
    // Awaited below; if an insert fails first, a later failure here must not go unhandled.
    rendering[k]!.catch(() => undefined);
  };
  for (let k = 0; k < STEPS_AHEAD; k++) render(k);
  let done = 0;
  const insertAll = async () => {
    for (let k = 0; k < steps.length; k++) {
      render(k + STEPS_AHEAD);
      const html = await rendering[k]!;
      rendering[k] = undefined;
      const step = steps[k]!;
      await insertImportRows(db, step.map((p, i) => toRow(p, threadIds.get(p.uri)!, html[i]!, importSource)));
      // Written: the body need not stay in memory for the rest of the import.
      for (const p of step) p.comment.body = '';
      done += step.length;
      onWritten(done, plan.comments.length);
    }
  };
  // An import that brings most of the comments (a first one, into a new site) builds the indexes once, after its rows.
  try {
    if (plan.comments.length > 0 && plan.comments.length >= (await countAllComments(db))) await withIndexesDeferred(db, 'comments', insertAll);
    else await insertAll();
  } catch (error) {
    // The one constraint an export can break: a reply from elsewhere is known by its address, once per thread.
    if (/UNIQUE constraint failed: comments\.thread_id, comments\.source_url/.test(String(error))) {
      throw new ImportInputError('', 'a reply from elsewhere (its sourceUrl) is in one thread twice: twice in the file, or already stored here because this server fetched it itself');
    }
    throw error;
  }
  await insertImportReactions(db, site, plan.reactions);
  await insertImportCopies(db, site, plan.copies, now);
  return renumbered;
}
