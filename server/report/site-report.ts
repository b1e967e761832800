/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments.
 */
import type { AppContext } from '../context.js';
import { streamSiteThreads } from '../db/report.js';
import { SiteAccumulator, type DialogueReport } from '../dialogue/index.js';

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
}

const DAY_MS = 24 * 3600 * 1000;

export async function buildSiteReport(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string, request: ReportRequest = {}): Promise<DialogueReport> {
  const generatedAt = new Date(ctx.now());
  const report = await accumulate(ctx, siteId, request, generatedAt, request.from ?? null, request.to ?? null, request.people === true);
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
  for await (const { thread, comments } of streamSiteThreads(ctx.db, siteId, request.post)) {
    if (request.publicOnly && !comments.some((comment) => comment.status === 'approved')) continue;
    site.addPost({ uri: thread.uri, title: thread.title }, comments);
  }
  return site.finish();
}
