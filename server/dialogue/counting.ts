/**
 * What counts: the window, the counted-comment test and time order, kept in one place so
 * every metric asks the same question the same way. (Who wrote a comment is decided in
 * post-metrics.ts: `isAuthor` alone makes the author, whatever key the comment carries.)
 */
import type { MetricComment, ReportOptions } from './types.js';

/** The report window in epoch milliseconds, both ends inclusive. */
export interface ReportWindow {
  /** Comments created before this are not counted; null = no lower bound. */
  from: number | null;
  /** The cut-off: comments created after this are not counted. */
  cutoff: number;
}

export const DEFAULT_PARTNER_MIN_EXCHANGES = 2;

/** The cut-off is the `to` option when given, else the moment the report is generated. */
export function reportWindow(options: Pick<ReportOptions, 'generatedAt' | 'from' | 'to'>): ReportWindow {
  return {
    from: options.from === null ? null : options.from.getTime(),
    cutoff: (options.to ?? options.generatedAt).getTime(),
  };
}

export function inWindow(createdAt: number, window: ReportWindow): boolean {
  return createdAt <= window.cutoff && (window.from === null || createdAt >= window.from);
}

/** A counted comment: approved and created inside the window. Everything else is at most a placeholder. */
export function isCounted(comment: MetricComment, window: ReportWindow): boolean {
  return comment.status === 'approved' && inWindow(comment.createdAt, window);
}

/** Time order everywhere: creation time, ties broken by id. Negative when `a` comes first. */
export function compareTimeOrder(a: MetricComment, b: MetricComment): number {
  return a.createdAt - b.createdAt || a.id - b.id;
}
