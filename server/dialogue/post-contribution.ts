/**
 * What one post adds to the site level, reduced to per-reader and per-month numbers: the
 * same whether the post was just computed from its comments or read back from a snapshot,
 * so the site report is one fold over these, in post order.
 */
import type { ReportWindow } from './counting.js';
import { ANONYMOUS, AUTHOR, computePostMetrics, NOT_COUNTED } from './post-metrics.js';
import type { PackedReaders } from './packed-readers.js';
import { ReaderTable } from './reader-table.js';
import { UtcMonths } from './time.js';
import type { MetricComment, MetricPost, PostReport } from './types.js';

export interface PostContribution {
  report: PostReport;
  /** Time of the first counted comment; NaN when none. */
  firstCommentAt: number;
  /** Per top-level reader comment the author answered: its time and the hours to the first author comment in its subtree. */
  authorReplyDelays: Array<[createdAt: number, hours: number]>;
  /** Counted comments per UTC month (from `UtcMonths`). */
  commentMonths: Array<[month: number, comments: number]>;
  /** Exchanges per UTC month of the comment that closes them. */
  exchangeMonths: Array<[month: number, exchanges: number]>;
  /** The UTC months with a counted author comment. */
  authorMonths: number[];
  /** The post's readers in packed form, in the order of the keys or ids that go with them. */
  readers: PackedReaders;
}

/** A post just computed: its contribution and its readers' keys, in the order of `contribution.readers`. */
export interface ComputedPost {
  contribution: PostContribution;
  readerKeys: string[];
}

/** The post's metrics and its part in the site's numbers. `comments`: all the post's comments, any status and date. */
export function computePostContribution(
  post: MetricPost,
  comments: readonly MetricComment[],
  window: ReportWindow,
  withPeople = false,
  months = new UtcMonths(),
): ComputedPost {
  const { report, facts } = computePostMetrics(post, comments, window, withPeople);
  const { readerKeys, writer, authorExchanges } = facts;
  // Local reader ids 1, 2, … as the metrics numbered them.
  const readers = new ReaderTable(readerKeys.length);
  const commentMonths = new Map<number, number>();
  const authorMonths = new Set<number>();
  // A post's comments mostly share a month: count runs rather than touch the Map each time.
  let runMonth = NaN;
  let run = 0;
  for (let i = 0; i < comments.length; i++) {
    const w = writer[i]!;
    if (w === NOT_COUNTED) continue;
    const c = comments[i]!;
    const month = months.of(c.createdAt);
    if (month !== runMonth) {
      if (run > 0) increment(commentMonths, runMonth, run);
      runMonth = month;
      run = 0;
    }
    run++;
    if (w === AUTHOR) authorMonths.add(month);
    else if (w !== ANONYMOUS) readers.addComment(w, c.createdAt, c.id, c.name, month);
  }
  if (run > 0) increment(commentMonths, runMonth, run);
  for (let id = 1; id < readerKeys.length; id++) readers.addAuthorExchanges(id, authorExchanges[id]!);
  const exchangeMonths = new Map<number, number>();
  for (const at of facts.exchangeTimes) increment(exchangeMonths, months.of(at), 1);
  return {
    contribution: {
      report,
      firstCommentAt: facts.firstCommentAt,
      authorReplyDelays: facts.authorReplyDelays,
      commentMonths: [...commentMonths],
      exchangeMonths: [...exchangeMonths],
      authorMonths: [...authorMonths],
      readers: readers.pack(),
    },
    readerKeys: readerKeys.slice(1),
  };
}

function increment(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
