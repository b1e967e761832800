/** Builders for hand-made comment trees. */
import {
  computePostMetrics,
  reportWindow,
  type CommentSource,
  type CommentStatus,
  type MetricComment,
  type PostReport,
  type ReportOptions,
} from '../../server/dialogue/index.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2025-01-01T00:00:00Z */
export const T0 = Date.UTC(2025, 0, 1);
/** Far after every fixture, so everything approved is counted unless a test says otherwise. */
export const LATER = new Date(Date.UTC(2030, 0, 1));

export interface Spec {
  id: number;
  /** Parent id; omitted or null = top-level. */
  parent?: number | null;
  /** 'author', a participant key, or null for anonymous. */
  by: string | null;
  /** Hours after T0 (default: the id, so ids are in time order). */
  at?: number;
  status?: CommentStatus;
  post?: string;
  name?: string | null;
  /** Marked "no answer needed" by the author. */
  acknowledged?: boolean;
  /** Where it was written (default: the site). */
  source?: CommentSource;
}

export function comment(spec: Spec): MetricComment {
  const isAuthor = spec.by === 'author';
  return {
    id: spec.id,
    postUri: spec.post ?? '/p/',
    parentId: spec.parent ?? null,
    status: spec.status ?? 'approved',
    createdAt: T0 + (spec.at ?? spec.id) * HOUR,
    participant: isAuthor ? null : spec.by,
    isAuthor,
    name: spec.name !== undefined ? spec.name : spec.by === null ? null : `Name ${spec.by}`,
    ...(spec.acknowledged ? { acknowledged: true } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  };
}

export function comments(specs: Spec[]): MetricComment[] {
  return specs.map(comment);
}

export function options(overrides: Partial<ReportOptions> = {}): ReportOptions {
  return { site: 'test', generatedAt: LATER, from: null, to: null, ...overrides };
}

/** The row of a single post '/p/' built from `specs`. */
export function postOf(specs: Spec[], overrides: Partial<ReportOptions> = {}): PostReport {
  return computePostMetrics({ uri: '/p/', title: 'P' }, comments(specs), reportWindow(options(overrides))).report;
}
