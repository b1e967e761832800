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
