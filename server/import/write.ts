/**
 * Writes a plan inside the caller's transaction: threads first, then the new
 * comments, moved from the pool's staging files in plan order (parents before
 * replies, otherwise time), the comments' indexes built after the rows when
 * the import brings most of them.
 */
import { withIndexesDeferred, type BulkTransaction } from '../db/bulk-transaction.js';
import { countAllComments } from '../db/report.js';
import { INDEXES_KEPT_BY_IMPORTS, insertImportCopies, insertImportReactions, maxCommentId, moveStagedComments, takenCommentIds, threadIdsByUri, upsertThreads, type Placement, type Queryable } from '../db/imports.js';
import type { ImportPlan, PlannedComment } from './plan.js';
import { ImportInputError } from './errors.js';

export interface WriteOptions {
  site: string;
  /** Stored with each comment ("wordpress:blog"), so the next import recognises it. */
  importSource: string;
  /** The staging files the new comments wait in (the pool's). */
  staged: readonly string[];
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

/** Writes `plan`; returns whether an export's ids had to be renumbered. */
export async function writePlan(db: BulkTransaction, plan: ImportPlan, { site, importSource, staged, onWritten, now }: WriteOptions): Promise<boolean> {
  await upsertThreads(db, site, plan.threads);
  const threadIds = await threadIdsByUri(db, site);
  const { ids, renumbered } = await assignIds(db, plan.comments);
  plan.comments.forEach((p, i) => {
    p.id = ids[i]!;
  });
  const placements = plan.comments.map((p, i): Placement => [i, p.comment.seq, p.id, threadIds.get(p.uri)!, p.parent?.id ?? null, p.depth]);
  const insertAll = () => moveStagedComments(db, staged, placements, importSource, (done) => onWritten(done, placements.length));
  // An import that brings most of the comments (a first one, into a new site) builds the indexes once, after its rows.
  try {
    if (plan.comments.length > 0 && plan.comments.length >= (await countAllComments(db))) await withIndexesDeferred(db, 'comments', insertAll, INDEXES_KEPT_BY_IMPORTS);
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
