/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments. Reports
 * with an open window keep each thread's part as a snapshot and the site's fold
 * of those parts, so the next report computes and replaces only changed threads.
 */
import type { AppContext } from '../context.js';
import { countComments, findSnapshots, threadsAndFold } from '../db/report-snapshots.js';
import type { Lang } from '../i18n/languages.js';
import { reportWindow, SiteAccumulator, type DialogueReport } from '../dialogue/index.js';
import { postContributions, reportOnlyContributions } from './post-parts.js';
import { SNAPSHOT_FORMAT } from './post-snapshot.js';
import { refold, storeFold } from './refold.js';
import { decodeFold, FOLD_FORMAT, type FoldedThread } from './site-fold.js';

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
