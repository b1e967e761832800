/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { streamSiteThreads, streamThreads, type ReportThreadComments } from '../db/report.js';
import { readerIdsOf, threadsWithSnapshots, writeSnapshots, type SnapshotKind, type SnapshotRow, type ThreadWithSnapshot } from '../db/report-snapshots.js';
import type { Lang } from '../i18n/languages.js';
import {
  computePostContribution,
  reportWindow,
  SiteAccumulator,
  unchangedUntil,
  type DialogueReport,
  type PostContribution,
  type ReportWindow,
} from '../dialogue/index.js';
import { decodeContribution, encodeContribution, SNAPSHOT_FORMAT } from './post-snapshot.js';

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
  const counted = await accumulate(ctx, siteId, request, generatedAt, request.from ?? null, request.to ?? null, request.people === true, 0);
  const report = request.lang ? { ...counted, lang: request.lang } : counted;
  if (!request.compareDays) return report;
  // The previous period: the same window, `compareDays` earlier (an open start stays open).
  const shift = request.compareDays * DAY_MS;
  const to = new Date(Date.parse(report.window.to) - shift);
  const from = request.from ? new Date(request.from.getTime() - shift) : null;
  const before = await accumulate(ctx, siteId, request, generatedAt, from, to, false, request.compareDays);
  return { ...report, previous: { days: request.compareDays, window: before.window, summary: before.summary } };
}

async function accumulate(
  ctx: Pick<AppContext, 'db'>,
  siteId: string,
  request: ReportRequest,
  generatedAt: Date,
  from: Date | null,
  to: Date | null,
  people: boolean,
  shiftDays: number,
): Promise<DialogueReport> {
  const site = new SiteAccumulator({
    site: siteId,
    generatedAt,
    from,
    to,
    partnerMinExchanges: request.partnerMinExchanges,
    hideNames: request.hideNames,
    people,
  });
  // Snapshots serve the windows that end at "now" (or a fixed shift before it) and start with the first comment.
  const open = request.from == null && request.to == null && KEPT_SHIFT_DAYS.has(shiftDays);
  const kind = open ? { shiftDays, people, format: SNAPSHOT_FORMAT } : null;
  for await (const { contribution, readerIds, anyApproved } of postContributions(
    ctx.db,
    siteId,
    request.post,
    reportWindow({ generatedAt, from, to }),
    people,
    kind,
  )) {
    if (request.publicOnly && !anyApproved) continue;
    site.addContribution(contribution, readerIds);
  }
  return site.finish();
}

/** A post's contribution with its readers' ids (the same reader, the same id, in every post of one report). */
interface PostPart {
  contribution: PostContribution;
  readerIds: Int32Array;
  anyApproved: boolean;
}

/** Reader ids that were not stored (the database refused): above every stored id. */
const UNSTORED_IDS = 2 ** 30;

/**
 * Each post's contribution in post order: from its snapshot of `kind` where one is valid, else
 * computed from its comments (and stored as a snapshot of `kind`, if given, for the next report).
 * Storing is best effort: a database that refuses writes (read-only, a remote replica) only
 * means the next report computes again.
 */
async function* postContributions(
  db: Db,
  siteId: string,
  post: string | undefined,
  window: ReportWindow,
  people: boolean,
  kind: SnapshotKind | null,
): AsyncGenerator<PostPart> {
  const compute = ({ thread, comments, reactions }: ReportThreadComments) => ({
    ...computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people),
    anyApproved: comments.some((comment) => comment.status === 'approved'),
  });
  if (kind === null) {
    // Ids for this report only.
    const ids = new Map<string, number>();
    for await (const thread of streamSiteThreads(db, siteId, post)) {
      const { contribution, readerKeys, anyApproved } = compute(thread);
      const readerIds = Int32Array.from(readerKeys, (key) => {
        let id = ids.get(key);
        if (id === undefined) ids.set(key, (id = ids.size));
        return id;
      });
      yield { contribution, readerIds, anyApproved };
    }
    return;
  }

  const threads = await threadsWithSnapshots(db, siteId, post, kind, window.cutoff);
  const computed = streamThreads(
    db,
    threads.filter((thread) => thread.snapshot === null),
  );
  let writable = true;
  const known = new Map<string, number>();
  let unstored = UNSTORED_IDS;
  /** Lasting ids for the keys (assigned where new), or ids for this report alone where the database refuses. */
  const resolve = async (keys: Set<string>) => {
    const unknown = [...keys].filter((key) => !known.has(key));
    if (unknown.length === 0) return;
    let found: Map<string, number>;
    try {
      found = await readerIdsOf(db, unknown, writable);
    } catch {
      writable = false;
      found = await readerIdsOf(db, unknown, false);
    }
    for (const key of unknown) known.set(key, found.get(key) ?? unstored++);
  };

  // Posts are taken in runs, so the new readers of a run are looked up (or given ids) at once.
  type Pending = { thread: ThreadWithSnapshot } & ({ fresh: false } | { fresh: true; part: ReturnType<typeof compute>; validUntil: number });
  let run: Pending[] = [];
  const finishRun = async function* (): AsyncGenerator<PostPart> {
    const keys = new Set<string>();
    for (const item of run) if (item.fresh) for (const key of item.part.readerKeys) keys.add(key);
    await resolve(keys);
    const writes: SnapshotRow[] = [];
    for (const item of run) {
      if (!item.fresh) {
        const { contribution, readerIds } = decodeContribution(item.thread.snapshot!.data);
        yield { contribution, readerIds, anyApproved: item.thread.snapshot!.anyApproved };
        continue;
      }
      const { contribution, readerKeys, anyApproved } = item.part;
      const readerIds = Int32Array.from(readerKeys, (key) => known.get(key)!);
      yield { contribution, readerIds, anyApproved };
      // Ids given for this report alone must not be stored.
      if (writable && readerIds.every((id) => id < UNSTORED_IDS)) {
        writes.push({
          threadId: item.thread.id,
          changes: item.thread.changes,
          commentCount: item.thread.count,
          cutoff: window.cutoff,
          validUntil: item.validUntil,
          anyApproved,
          data: encodeContribution(contribution, readerIds),
        });
      }
    }
    if (writable && writes.length > 0) await writeSnapshots(db, kind, writes).catch(() => (writable = false));
    run = [];
  };
  let fresh = 0;
  for (const thread of threads) {
    if (thread.snapshot !== null) {
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
 * The comments waiting for the author, by the report's own per-post metrics (so the desk
 * and the report always agree) but without the site-wide part: no readers, partners,
 * cohorts or months, which the inbox does not show.
 */
export async function waitingForAuthor(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string): Promise<WaitingForAuthor> {
  const window = reportWindow({ generatedAt: new Date(ctx.now()), from: null, to: null });
  const waiting: WaitingForAuthor = { ids: [], acknowledgedIds: [], pending: 0 };
  // The same snapshots as the report's own (an open window, no people).
  for await (const { contribution } of postContributions(ctx.db, siteId, undefined, window, false, { shiftDays: 0, people: false, format: SNAPSHOT_FORMAT })) {
    const { report } = contribution;
    waiting.ids.push(...report.waitingForAuthorIds);
    waiting.acknowledgedIds.push(...report.acknowledgedIds);
    waiting.pending += report.pending;
  }
  return waiting;
}
