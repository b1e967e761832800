/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { streamSiteThreads, streamThreads, type ReportThreadComments } from '../db/report.js';
import { threadsWithSnapshots, writeSnapshots, type SnapshotKind, type SnapshotRow } from '../db/report-snapshots.js';
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

/** Snapshots written in one batch while the report goes on. */
const WRITE_BATCH = 500;

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
  for await (const { contribution, anyApproved } of postContributions(ctx.db, siteId, request.post, reportWindow({ generatedAt, from, to }), people, kind)) {
    if (request.publicOnly && !anyApproved) continue;
    site.addContribution(contribution);
  }
  return site.finish();
}

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
): AsyncGenerator<{ contribution: PostContribution; anyApproved: boolean }> {
  const compute = ({ thread, comments, reactions }: ReportThreadComments) => ({
    contribution: computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people),
    anyApproved: comments.some((comment) => comment.status === 'approved'),
  });
  if (kind === null) {
    for await (const thread of streamSiteThreads(db, siteId, post)) yield compute(thread);
    return;
  }
  const threads = await threadsWithSnapshots(db, siteId, post, kind, window.cutoff);
  const computed = streamThreads(
    db,
    threads.filter((thread) => thread.snapshot === null),
  );
  let writes: SnapshotRow[] = [];
  let writable = true;
  const flush = async () => {
    if (writable && writes.length > 0) await writeSnapshots(db, kind, writes).catch(() => (writable = false));
    writes = [];
  };
  for (const thread of threads) {
    if (thread.snapshot !== null) {
      yield { contribution: decodeContribution(thread.snapshot.data), anyApproved: thread.snapshot.anyApproved };
      continue;
    }
    // The stream yields the threads without a snapshot in the same order.
    const next = await computed.next();
    if (next.done) throw new Error(`report: thread ${thread.id} was not read`);
    const result = compute(next.value);
    yield result;
    if (!writable) continue;
    writes.push({
      threadId: thread.id,
      changes: thread.changes,
      cutoff: window.cutoff,
      validUntil: unchangedUntil(next.value.comments, window.cutoff),
      anyApproved: result.anyApproved,
      data: encodeContribution(result.contribution),
    });
    if (writes.length >= WRITE_BATCH) await flush();
  }
  await flush();
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
