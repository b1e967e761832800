/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments. Reports
 * with an open window keep each thread's part as a snapshot and the site's fold
 * of those parts, so the next report computes and replaces only changed threads.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { streamSiteThreads, streamThreads, type ReportThreadComments } from '../db/report.js';
import {
  countComments,
  findSnapshots,
  readerIdsOf,
  snapshotData,
  threadsAndFold,
  writeFold,
  writeSnapshots,
  type CommentsMark,
  type FoldKind,
  type SnapshotIdentity,
  type SnapshotKind,
  type SnapshotRow,
  type ThreadWithSnapshot,
} from '../db/report-snapshots.js';
import type { Lang } from '../i18n/languages.js';
import {
  computePostContribution,
  reportWindow,
  SiteAccumulator,
  unchangedUntil,
  type DialogueReport,
  type PostContribution,
  type ReportOptions,
  type ReportWindow,
} from '../dialogue/index.js';
import { decodeContribution, encodeContribution, SNAPSHOT_FORMAT } from './post-snapshot.js';
import { decodeFold, encodeFold, FOLD_FORMAT, type FoldedThread, type StoredFold } from './site-fold.js';

export interface ReportRequest {
  from?: Date | null;
  to?: Date | null;
  /** Only this post (thread uri). */
  post?: string;
  partnerMinExchanges?: number;
  hideNames?: boolean;
  /** Each post's `people` (see PostReport). */
  people?: boolean;
  /** Adds `previous`: the summary with the window shifted back this many days. */
  compareDays?: number;
  /** Only posts with at least one approved comment: a thread of pending or spam comments is not public yet. */
  publicOnly?: boolean;
  /** The site's language (its config `lang`), handed on as the report's `lang` so a client such as the Eleventy plugin can speak it. */
  lang?: Lang;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The previous periods kept as snapshots besides the report itself: the desk's and the Eleventy
 * plugin's 30 days. Other day counts are recomputed, so that queries (the public report takes
 * `compareDays` too) cannot fill the snapshot table with one kind per day count.
 */
const KEPT_SHIFT_DAYS = new Set([0, 30]);

/** Posts computed in one run: their readers are looked up and their snapshots written in one batch. */
const RUN_POSTS = 500;

export async function buildSiteReport(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string, request: ReportRequest = {}): Promise<DialogueReport> {
  const generatedAt = new Date(ctx.now());
  const counted = (await siteParts(ctx, siteId, request, generatedAt, request.from ?? null, request.to ?? null, request.people === true, 0)).finish();
  const report = request.lang ? { ...counted, lang: request.lang } : counted;
  if (!request.compareDays) return report;
  // The previous period: the same window, `compareDays` earlier (an open start stays open).
  const shift = request.compareDays * DAY_MS;
  const to = new Date(Date.parse(report.window.to) - shift);
  const from = request.from ? new Date(request.from.getTime() - shift) : null;
  const before = (await siteParts(ctx, siteId, request, generatedAt, from, to, false, request.compareDays)).finish();
  return { ...report, previous: { days: request.compareDays, window: before.window, summary: before.summary } };
}

/** Every post's part of the report added up: from the stored fold where there is one, else post by post. */
async function siteParts(
  ctx: Pick<AppContext, 'db'>,
  siteId: string,
  request: ReportRequest,
  generatedAt: Date,
  from: Date | null,
  to: Date | null,
  people: boolean,
  shiftDays: number,
): Promise<SiteAccumulator> {
  const options = {
    site: siteId,
    generatedAt,
    from,
    to,
    partnerMinExchanges: request.partnerMinExchanges,
    hideNames: request.hideNames,
    people,
  };
  const window = reportWindow({ generatedAt, from, to });
  const counted = (anyApproved: boolean) => !request.publicOnly || anyApproved;
  // Snapshots serve the windows that end at "now" (or a fixed shift before it) and start with the first comment.
  const open = request.from == null && request.to == null && KEPT_SHIFT_DAYS.has(shiftDays);
  if (!open) {
    const site = new SiteAccumulator(options);
    for await (const { contribution, readerIds, anyApproved } of reportOnlyContributions(ctx.db, siteId, request.post, window, people)) {
      if (counted(anyApproved)) site.addContribution(contribution, readerIds);
    }
    return site;
  }
  const kind = { shiftDays, people, publicOnly: request.publicOnly === true, format: SNAPSHOT_FORMAT };
  // One post: its snapshot alone; the whole site: the stored fold, with the posts that changed since replaced.
  const foldKind = request.post === undefined ? { snapshots: kind, format: FOLD_FORMAT } : null;
  const { threads, mark, fold } = await threadsAndFold(ctx.db, siteId, request.post, foldKind);
  const stored = fold === null ? null : decodeFold(fold);
  if (foldKind !== null && stored !== null && stored.cutoff <= window.cutoff) {
    const site = await refold(ctx.db, options, stored, threads, mark, window, foldKind, counted);
    if (site !== null) return site;
  }
  const { counts } = await countComments(
    ctx.db,
    threads.map((thread) => thread.id),
    null,
  );
  for (const thread of threads) thread.count = counts.get(thread.id) ?? 0;
  await findSnapshots(ctx.db, kind, threads, window.cutoff);
  const site = new SiteAccumulator(options);
  const folded = new Map<number, FoldedThread>();
  let keep = foldKind !== null;
  for await (const part of postContributions(ctx.db, threads, window, people, kind)) {
    const isCounted = counted(part.anyApproved);
    if (isCounted) site.addContribution(part.contribution, part.readerIds, part.thread.id);
    folded.set(part.thread.id, { identity: part.identity, counted: isCounted });
    keep &&= part.stored;
  }
  if (keep && foldKind !== null) await storeFold(ctx.db, siteId, foldKind, { cutoff: window.cutoff, mark, fold: site.fold(), threads: folded });
  return site;
}

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
async function refold(
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
async function storeFold(db: Db, siteId: string, kind: FoldKind, fold: StoredFold): Promise<void> {
  const holds = [...fold.threads].flatMap(([threadId, { identity, counted }]) => (counted ? [{ threadId, identity }] : []));
  await writeFold(db, siteId, kind, encodeFold(fold), holds).catch(() => undefined);
}

/** A post's contribution with its readers' ids (the same reader, the same id, in every post of one report). */
interface PostPart {
  contribution: PostContribution;
  readerIds: Int32Array;
  anyApproved: boolean;
}

/** A thread's part from a snapshot or just computed: what it was computed from, and whether that is stored as a snapshot under that name. */
interface ThreadPart extends PostPart {
  thread: ThreadWithSnapshot;
  identity: SnapshotIdentity;
  stored: boolean;
}

/** Reader ids that were not stored (the database refused): above every stored id. */
const UNSTORED_IDS = 2 ** 30;

/** Each post's contribution for a window no snapshot serves, with reader ids for this report only. */
async function* reportOnlyContributions(db: Db, siteId: string, post: string | undefined, window: ReportWindow, people: boolean): AsyncGenerator<PostPart> {
  const ids = new Map<string, number>();
  for await (const { thread, comments, reactions } of streamSiteThreads(db, siteId, post)) {
    const { contribution, readerKeys } = computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people);
    const readerIds = Int32Array.from(readerKeys, (key) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
    yield { contribution, readerIds, anyApproved: comments.some((comment) => comment.status === 'approved') };
  }
}

/**
 * The contributions of `threads` in their order: from the snapshot of `kind` where one is
 * valid, else computed from the thread's comments (and stored as a snapshot of `kind` for the
 * next report). Storing is best effort: a database that refuses writes (read-only, a remote
 * replica) only means the next report computes again.
 */
async function* postContributions(db: Db, threads: ThreadWithSnapshot[], window: ReportWindow, people: boolean, kind: SnapshotKind): AsyncGenerator<ThreadPart> {
  const compute = ({ thread, comments, reactions }: ReportThreadComments) => ({
    ...computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people),
    anyApproved: comments.some((comment) => comment.status === 'approved'),
  });
  const snapshots = await snapshotData(
    db,
    kind,
    threads.flatMap((thread) => (thread.snapshot === null ? [] : [{ threadId: thread.id, identity: thread.snapshot.identity }])),
  );
  // A snapshot replaced since the thread list was read is computed like a missing one.
  const fromSnapshot = (thread: ThreadWithSnapshot) => (thread.snapshot !== null && snapshots.has(thread.id) ? thread.snapshot : null);
  const computed = streamThreads(
    db,
    threads.filter((thread) => fromSnapshot(thread) === null),
  );
  let writable = true;
  const known = new Map<string, number>();
  let unstored = UNSTORED_IDS;
  /** Lasting ids for the keys (assigned where new), or ids for this report alone where the database refuses. */
  const resolve = async (keys: Set<string>) => {
    const unknown = [...keys].filter((key) => !known.has(key));
    if (unknown.length === 0) return;
    // Read first: after one new comment every reader but a newcomer has an id, and a write costs a commit.
    const found = await readerIdsOf(db, unknown, false);
    const missing = unknown.filter((key) => !found.has(key));
    if (missing.length > 0 && writable) {
      try {
        for (const [key, id] of await readerIdsOf(db, missing, true)) found.set(key, id);
      } catch {
        writable = false;
      }
    }
    for (const key of unknown) known.set(key, found.get(key) ?? unstored++);
  };

  // Posts are taken in runs, so the new readers of a run are looked up (or given ids) at once.
  type Pending = { thread: ThreadWithSnapshot } & ({ fresh: false } | { fresh: true; part: ReturnType<typeof compute>; validUntil: number });
  let run: Pending[] = [];
  const finishRun = async function* (): AsyncGenerator<ThreadPart> {
    const keys = new Set<string>();
    for (const item of run) if (item.fresh) for (const key of item.part.readerKeys) keys.add(key);
    await resolve(keys);
    const writes: SnapshotRow[] = [];
    const parts: ThreadPart[] = [];
    for (const item of run) {
      const { thread } = item;
      if (!item.fresh) {
        const snapshot = fromSnapshot(thread)!;
        parts.push({ thread, ...decodeContribution(snapshots.get(thread.id)!), anyApproved: snapshot.anyApproved, identity: snapshot.identity, stored: true });
        continue;
      }
      const { contribution, readerKeys, anyApproved } = item.part;
      const readerIds = Int32Array.from(readerKeys, (key) => known.get(key)!);
      const identity = { changes: thread.changes, commentCount: thread.count, cutoff: window.cutoff, validUntil: item.validUntil };
      // Ids given for this report alone must not be stored.
      const storable = writable && readerIds.every((id) => id < UNSTORED_IDS);
      parts.push({ thread, contribution, readerIds, anyApproved, identity, stored: storable });
      if (storable) writes.push({ threadId: thread.id, ...identity, anyApproved, data: encodeContribution(contribution, readerIds) });
    }
    if (writes.length > 0) {
      await writeSnapshots(db, kind, writes).catch(() => {
        writable = false;
        for (const part of parts) part.stored &&= !writes.some((write) => write.threadId === part.thread.id);
      });
    }
    run = [];
    yield* parts;
  };
  let fresh = 0;
  for (const thread of threads) {
    if (fromSnapshot(thread) !== null) {
      run.push({ thread, fresh: false });
      continue;
    }
    // The stream yields the threads without a snapshot in the same order.
    const next = await computed.next();
    if (next.done) throw new Error(`report: thread ${thread.id} was not read`);
    run.push({ thread, fresh: true, part: compute(next.value), validUntil: unchangedUntil(next.value.comments, window.cutoff) });
    if (++fresh % RUN_POSTS === 0) yield* finishRun();
  }
  yield* finishRun();
}

/** What the desk's inbox shows: the report's `waitingForAuthorIds` and `acknowledgedIds` of every post and its `pending` count. */
export interface WaitingForAuthor {
  /** In post order, each post's oldest first. */
  ids: number[];
  /** Marked "no answer needed" by the author, in the same order. */
  acknowledgedIds: number[];
  pending: number;
}

/**
 * The comments waiting for the author, by the report's own per-post metrics and from the
 * same snapshots and fold (so the desk and the report always agree), without the site-wide
 * summary, which the inbox does not show.
 */
export async function waitingForAuthor(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string): Promise<WaitingForAuthor> {
  const site = await siteParts(ctx, siteId, {}, new Date(ctx.now()), null, null, false, 0);
  const waiting: WaitingForAuthor = { ids: [], acknowledgedIds: [], pending: 0 };
  for (const report of site.postReports()) {
    waiting.ids.push(...report.waitingForAuthorIds);
    waiting.acknowledgedIds.push(...report.acknowledgedIds);
    waiting.pending += report.pending;
  }
  return waiting;
}
