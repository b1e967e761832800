/**
 * The dialogue report of a site, built from storage thread by thread: the
 * pure metrics (server/dialogue) fed from a bounded stream of comments.
 */
import type { AppContext } from '../context.js';
import { streamSiteThreads } from '../db/report.js';
import { computePostMetrics, reportWindow, SiteAccumulator, type DialogueReport } from '../dialogue/index.js';

export interface ReportRequest {
  from?: Date | null;
  to?: Date | null;
  /** Only this post (thread uri). */
  post?: string;
  partnerMinExchanges?: number;
  hideNames?: boolean;
  /** Only posts with at least one approved comment: a thread of pending or spam comments is not public yet. */
  publicOnly?: boolean;
}

export async function buildSiteReport(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string, request: ReportRequest = {}): Promise<DialogueReport> {
  const site = new SiteAccumulator({
    site: siteId,
    generatedAt: new Date(ctx.now()),
    from: request.from ?? null,
    to: request.to ?? null,
    partnerMinExchanges: request.partnerMinExchanges,
    hideNames: request.hideNames,
  });
  for await (const { thread, comments } of streamSiteThreads(ctx.db, siteId, request.post)) {
    if (request.publicOnly && !comments.some((comment) => comment.status === 'approved')) continue;
    site.addPost({ uri: thread.uri, title: thread.title }, comments);
  }
  return site.finish();
}

/** What the desk's inbox shows: the report's `waitingForAuthorIds` of every post and its `pending` count. */
export interface WaitingForAuthor {
  /** In post order, each post's oldest first. */
  ids: number[];
  pending: number;
}

/**
 * The comments waiting for the author, by the report's own per-post metrics (so the desk
 * and the report always agree) but without the site-wide part: no readers, partners,
 * cohorts or months, which the inbox does not show.
 */
export async function waitingForAuthor(ctx: Pick<AppContext, 'db' | 'now'>, siteId: string): Promise<WaitingForAuthor> {
  const window = reportWindow({ generatedAt: new Date(ctx.now()), from: null, to: null });
  const waiting: WaitingForAuthor = { ids: [], pending: 0 };
  for await (const { thread, comments } of streamSiteThreads(ctx.db, siteId)) {
    const { report } = computePostMetrics({ uri: thread.uri, title: thread.title }, comments, window);
    waiting.ids.push(...report.waitingForAuthorIds);
    waiting.pending += report.pending;
  }
  return waiting;
}
