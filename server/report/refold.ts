/**
 * Brings a stored site fold up to date: the parts of the threads that changed since it was
 * stored (or appeared, or went) are taken out and put in again, instead of folding every post.
 */
import type { Db } from '../db/connection.js';
import { countComments, findSnapshots, snapshotData, writeFold, type CommentsMark, type FoldKind, type ThreadWithSnapshot } from '../db/report-snapshots.js';
import { SiteAccumulator, type ReportOptions, type ReportWindow } from '../dialogue/index.js';
import { postContributions } from './post-parts.js';
import { decodeContribution } from './post-snapshot.js';
import { encodeFold, type StoredFold } from './site-fold.js';

/**
 * Changed threads above this share of all make a new fold cheaper than replacing their parts
 * (each replacement reads the thread's old snapshot too).
 */
const REFOLD_SHARE = 1 / 20;

/**
 * Up to this many changed threads, a report replaces their parts in the fold it read without
 * storing it again (storing a site's fold costs more than the rest of the report): the next
 * report replaces them again, from the old snapshots the fold still holds.
 */
const REPLAYED_THREADS = 50;

/**
 * The stored fold with the parts of the threads that changed since (or appeared, or went)
 * replaced (and stored again when many did); null when a fold over every thread is needed: too
 * many changed, a part that went in is no longer stored as it was, or a reader's part cannot be
 * taken back alone.
 */
export async function refold(
  db: Db,
  options: ReportOptions,
  stored: StoredFold,
  threads: ThreadWithSnapshot[],
  mark: CommentsMark,
  window: ReportWindow,
  foldKind: FoldKind,
  counted: (anyApproved: boolean) => boolean,
): Promise<SiteAccumulator | null> {
  const kind = foldKind.snapshots;
  // Comment counts only where they may differ from the fold's: while no comment row was deleted and every row added since
  // is above the fold's highest id, in the threads that changed otherwise (a comment moved, say) and in those of the
  // comments above that id; else in every thread.
  const all = threads.map((thread) => thread.id);
  const otherwiseChanged = threads.filter((thread) => stored.threads.get(thread.id)?.identity.changes !== thread.changes).map((thread) => thread.id);
  let recounted = new Set(otherwiseChanged);
  let counts = new Map<number, number>();
  const added = mark.rows - stored.mark.rows;
  if (mark.deletions !== stored.mark.deletions) {
    recounted = new Set(all);
    counts = (await countComments(db, all, null)).counts;
  } else if (otherwiseChanged.length > 0 || added !== 0) {
    const found = await countComments(db, otherwiseChanged, stored.mark.lastCommentId);
    counts = found.counts;
    if (found.newer !== added) {
      recounted = new Set(all);
      counts = (await countComments(db, all, null)).counts;
    }
  }
  for (const thread of threads) {
    const before = stored.threads.get(thread.id)?.identity.commentCount;
    thread.count = counts.get(thread.id) ?? (recounted.has(thread.id) || before === undefined ? 0 : before);
  }
  const current = new Set(threads.map((thread) => thread.id));
  const changed = threads.filter((thread) => {
    const before = stored.threads.get(thread.id)?.identity;
    return (
      before === undefined ||
      before.changes !== thread.changes ||
      before.commentCount !== thread.count ||
      before.cutoff > window.cutoff ||
      before.validUntil <= window.cutoff
    );
  });
  const gone = [...stored.threads.keys()].filter((id) => !current.has(id));
  const site = SiteAccumulator.fromFold(options, stored.fold);
  if (changed.length === 0 && gone.length === 0) return site;
  if (changed.length + gone.length > threads.length * REFOLD_SHARE) return null;

  // The old parts, read by the names the fold keeps: a snapshot written since under another name means refolding.
  const outgoing = [...changed.map((thread) => thread.id), ...gone].flatMap((threadId) => {
    const before = stored.threads.get(threadId);
    return before?.counted ? [{ threadId, identity: before.identity }] : [];
  });
  const oldData = await snapshotData(db, kind, outgoing);
  if (oldData.size !== outgoing.length) return null;
  const before = (threadId: number) => {
    const data = oldData.get(threadId);
    return data === undefined ? null : decodeContribution(data);
  };
  const threadsAfter = new Map(stored.threads);
  let keep = true;
  await findSnapshots(db, kind, changed, window.cutoff);
  for await (const part of postContributions(db, changed, window, options.people === true, kind)) {
    const isCounted = counted(part.anyApproved);
    if (!site.replaceContribution(part.thread.id, before(part.thread.id), isCounted ? part : null)) return null;
    threadsAfter.set(part.thread.id, { identity: part.identity, counted: isCounted });
    keep &&= part.stored;
  }
  for (const threadId of gone) {
    if (!site.replaceContribution(threadId, before(threadId), null)) return null;
    threadsAfter.delete(threadId);
  }
  if (keep && changed.length + gone.length > REPLAYED_THREADS) {
    await storeFold(db, options.site, foldKind, { cutoff: window.cutoff, mark, fold: site.fold(), threads: threadsAfter });
  }
  return site;
}

/** Stores the fold, best effort as snapshots are: a database that refuses only means the next report folds again. */
export async function storeFold(db: Db, siteId: string, kind: FoldKind, fold: StoredFold): Promise<void> {
  const holds = [...fold.threads].flatMap(([threadId, { identity, counted }]) => (counted ? [{ threadId, identity }] : []));
  await writeFold(db, siteId, kind, encodeFold(fold), holds).catch(() => undefined);
}
