/** The dialogue report (specs/dialogue-metrics.md): pure functions, no I/O. */
export type {
  CohortRow,
  CommentSource,
  CommentStatus,
  DialoguePartner,
  DialogueReport,
  DunbarLayer,
  DunbarPlacement,
  MetricComment,
  MetricPost,
  MonthlyRow,
  PostReport,
  PostShape,
  Reactions,
  ReportOptions,
  ShapeCounts,
  SiteSummary,
  SourceCounts,
} from './types.js';
export { DEFAULT_PARTNER_MIN_EXCHANGES, isCounted, reportWindow, type ReportWindow } from './counting.js';
export { dunbarPlacement } from './dunbar.js';
export { addReactions, addSources, noReactions, noSources } from './sources.js';
export { computePostMetrics, unchangedUntil, type PostFacts, type PostMetrics } from './post-metrics.js';
export { computePostContribution, type ComputedPost, type PostContribution } from './post-contribution.js';
export type { ReaderNames } from './packed-readers.js';
export { SiteAccumulator, type ContributionWithIds, type SiteFold } from './site-accumulator.js';
export { computeReport } from './report.js';
