/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments.
 */
import type { AppContext } from '../context.js';
import { streamSiteThreads } from '../db/report.js';
import type { Lang } from '../i18n/languages.js';
import { computePostMetrics, reportWindow, SiteAccumulator, type DialogueReport } from '../dialogue/index.js';

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

export async function buildSiteReport(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string, request: ReportRequest = {}): Promise<DialogueReport> {
  const generatedAt = new Date(ctx.now());
  const counted = await accumulate(ctx, siteId, request, generatedAt, request.from ?? null, request.to ?? null, request.people === true);
  const report = request.lang ? { ...counted, lang: request.lang } : counted;
  if (!request.compareDays) return report;
  // The previous period: the same window, `compareDays` earlier (an open start stays open).
  const shift = request.compareDays * DAY_MS;
  const to = new Date(Date.parse(report.window.to) - shift);
  const from = request.from ? new Date(request.from.getTime() - shift) : null;
  const before = await accumulate(ctx, siteId, request, generatedAt, from, to, false);
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
  for await (const { thread, comments, reactions } of streamSiteThreads(ctx.db, siteId, request.post)) {
    if (request.publicOnly && !comments.some((comment) => comment.status === 'approved')) continue;
    site.addPost({ uri: thread.uri, title: thread.title, reactions }, comments);
  }
  return site.finish();
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
  for await (const { thread, comments } of streamSiteThreads(ctx.db, siteId)) {
    const { report } = computePostMetrics({ uri: thread.uri, title: thread.title }, comments, window);
    waiting.ids.push(...report.waitingForAuthorIds);
    waiting.acknowledgedIds.push(...report.acknowledgedIds);
    waiting.pending += report.pending;
  }
  return waiting;
}
