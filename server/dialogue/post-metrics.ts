/**
 * The per-post metrics (`posts[]` of the report), computed from one post's comments only,
 * in O(n log n): one pass over the tree with parents before replies, plus one sort by time.
 */
import { compareTimeOrder, inWindow, isCounted, type ReportWindow } from './counting.js';
import { hIndex, median, ratio } from './numbers.js';
import { noReactions, noSources } from './sources.js';
import { HOUR_MS } from './time.js';
import { buildForest } from './tree.js';
import type { MetricComment, MetricPost, PostReport, PostShape } from './types.js';

/**
 * What the site level needs from a post beyond its row, keyed by small local ids so the
 * site looks each reader up once per post rather than once per comment.
 */
export interface PostFacts {
  /** Reader keys by local id; index 0 is the author's slot (an empty string). */
  readerKeys: string[];
  /** Per input comment, same order: its local reader id, or AUTHOR, ANONYMOUS or NOT_COUNTED. */
  writer: Int32Array;
  /** Per local reader id: exchanges with the author in this post, either direction. */
  authorExchanges: Int32Array;
  /** Creation time of each comment that closes an exchange (monthly counts them in its month). */
  exchangeTimes: number[];
  /** Time of the first counted comment; NaN when none (monthly counts the post in its month). */
  firstCommentAt: number;
  /** Per top-level reader comment the author answered: its time and the hours to the first author comment in its subtree. */
  authorReplyDelays: Array<[createdAt: number, hours: number]>;
}

export interface PostMetrics {
  report: PostReport;
  facts: PostFacts;
}

/** Local writer ids inside one post: the author, readers from 1 up, anonymous, not counted. */
export const AUTHOR = 0;
export const ANONYMOUS = -1;
/** Not a counted comment: a placeholder at most. */
export const NOT_COUNTED = -2;

const WINDOW_72H = 72 * HOUR_MS;

/**
 * Metrics of one post. `comments` are all the post's comments, any status and date: the
 * ones that are not counted still give depth to their descendants. Order does not matter.
 */
export function computePostMetrics(
  post: MetricPost,
  comments: readonly MetricComment[],
  window: ReportWindow,
  withPeople = false,
): PostMetrics {
  const n = comments.length;
  const forest = buildForest(comments);
  const { parent, depth, root, unresolved, order } = forest;

  // Who wrote each counted comment, as a small integer.
  const who = new Int32Array(n).fill(NOT_COUNTED);
  const readerIds = new Map<string, number>();
  const readerKeys: string[] = [''];
  let authorWrote = false;
  let pending = 0;
  const sources = noSources();
  for (let i = 0; i < n; i++) {
    const c = comments[i]!;
    if (c.status === 'pending' && inWindow(c.createdAt, window)) pending++;
    if (!isCounted(c, window)) continue;
    sources[c.source ?? 'site']++;
    if (c.isAuthor) {
      who[i] = AUTHOR;
      authorWrote = true;
    } else if (c.participant === null) {
      who[i] = ANONYMOUS;
    } else {
      let id = readerIds.get(c.participant);
      if (id === undefined) {
        id = readerKeys.length;
        readerIds.set(c.participant, id);
        readerKeys.push(c.participant);
      }
      who[i] = id;
    }
  }
  const counted = (i: number): boolean => who[i]! !== NOT_COUNTED;
  const identified = (w: number): boolean => w >= AUTHOR;

  let total = 0;
  let topLevel = 0;
  let anonymous = 0;
  let orphans = 0;
  let depthSum = 0;
  let maxDepth = 0;
  const perDepth = new Int32Array(forest.maxDepth + 1);
  /** A counted child that is not a self-reply (after Budak et al. 2017). */
  const answered = new Uint8Array(n);
  const authorChild = new Uint8Array(n);
  /** Length of the back-and-forth chain ending at each comment that is a reply edge. */
  const chain = new Int32Array(n);
  let longestBackAndForth = 0;
  const participantCount = readerKeys.length; // readers + the author's slot 0
  const edges = new Set<number>(); // from * participantCount + to
  let readerEdge = false;
  let exchanges = 0;
  const exchangeTimes: number[] = [];
  const authorExchanges = new Int32Array(readerKeys.length);

  for (const i of order) {
    const a = who[i]!;
    if (a === NOT_COUNTED) continue;
    const d = depth[i]!;
    total++;
    depthSum += d;
    if (d > maxDepth) maxDepth = d;
    perDepth[d]!++;
    if (a === ANONYMOUS) anonymous++;
    const p = parent[i]!;
    if (p === -1) {
      topLevel++;
      if (unresolved[i] === 1) orphans++;
      continue;
    }
    // A placeholder parent is no parent for answers, edges, exchanges or chains.
    if (!counted(p)) continue;
    const b = who[p]!;
    const selfReply = identified(a) && a === b;
    if (!selfReply) answered[p] = 1;
    if (a === AUTHOR) authorChild[p] = 1;
    if (!identified(a) || !identified(b) || a === b) continue;

    // A reply edge a → b.
    edges.add(a * participantCount + b);
    if (a !== AUTHOR && b !== AUTHOR) readerEdge = true;
    const g = parent[p]!;
    if (g !== -1 && who[g]! === a) {
      // An exchange a, b, a (Zhang et al. 2018); it also extends the chain ending at p,
      // which alternates between b and a because its last edge is p → g.
      exchanges++;
      exchangeTimes.push(comments[i]!.createdAt);
      if (a === AUTHOR || b === AUTHOR) authorExchanges[a === AUTHOR ? b : a]!++;
      chain[i] = chain[p]! + 1;
    } else {
      chain[i] = 2;
    }
    if (chain[i]! > longestBackAndForth) longestBackAndForth = chain[i]!;
  }

  let reciprocalPairs = 0;
  for (const edge of edges) {
    const from = Math.floor(edge / participantCount);
    const to = edge - from * participantCount;
    if (from < to && edges.has(to * participantCount + from)) reciprocalPairs++;
  }

  const inTimeOrder: number[] = [];
  for (let i = 0; i < n; i++) if (counted(i)) inTimeOrder.push(i);
  inTimeOrder.sort((x, y) => compareTimeOrder(comments[x]!, comments[y]!));

  const author = authorMetrics(comments, who, parent, root, inTimeOrder, authorChild, window);

  const shape: PostShape =
    total === 0
      ? 'silence'
      : edges.size === 0
        ? 'applause'
        : exchanges > 0 || readerEdge
          ? 'conversation'
          : 'q-and-a';

  let answeredCount = 0;
  for (let i = 0; i < n; i++) answeredCount += answered[i]!;

  const report: PostReport = {
    uri: post.uri,
    title: post.title,
    comments: total,
    topLevel,
    replyShare: ratio(total - topLevel, total),
    answeredShare: ratio(answeredCount, total),
    maxDepth,
    meanDepth: ratio(depthSum, total),
    hIndex: hIndex(perDepth),
    participants: readerKeys.length - 1 + (authorWrote ? 1 : 0),
    readers: readerKeys.length - 1,
    anonymousShare: ratio(anonymous, total),
    reentrants: countReentrants(who, inTimeOrder, participantCount),
    reciprocalPairs,
    exchanges,
    longestBackAndForth,
    authorThreadShare: author.threadShare,
    authorFirstReplyMedianHours: author.firstReplyMedianHours,
    authorAnsweredWithin72hShare: author.answeredWithin72hShare,
    waitingForAuthor: author.waitingIds.length,
    waitingForAuthorIds: author.waitingIds,
    acknowledged: author.acknowledgedIds.length,
    acknowledgedIds: author.acknowledgedIds,
    sources,
    // Applause from elsewhere: reported as given, never part of any other number.
    reactions: { ...(post.reactions ?? noReactions()) },
    pending,
    orphans,
    shape,
    ...(withPeople ? { people: peopleOf(comments, who, inTimeOrder) } : {}),
  };
  const firstCommentAt = inTimeOrder.length > 0 ? comments[inTimeOrder[0]!]!.createdAt : NaN;
  return { report, facts: { readerKeys, writer: who, authorExchanges, exchangeTimes, firstCommentAt, authorReplyDelays: author.replyDelays } };
}

/**
 * The earliest moment after `cutoff` at which the post's metrics could change with time
 * alone, its comments staying as they are: a comment created after the cut-off comes into
 * the window (counted, or pending), or a comment turns 72 h old (authorAnsweredWithin72hShare
 * reads the cut-off for top-level reader comments; every comment is taken, to stay simple).
 * Metrics computed at `cutoff` hold for every later cut-off before it. Infinity: never.
 * Every use of `window.cutoff` in this file must be reflected here.
 */
export function unchangedUntil(comments: readonly MetricComment[], cutoff: number): number {
  let until = Infinity;
  for (const c of comments) {
    const at = c.createdAt > cutoff ? c.createdAt : c.createdAt + WINDOW_72H;
    if (at > cutoff && at < until) until = at;
  }
  return until;
}

/** Comment id → writer number in this post: the author 0, readers 1, 2, … by their first comment; anonymous ones left out. */
function peopleOf(comments: readonly MetricComment[], who: Int32Array, inTimeOrder: readonly number[]): Record<string, number> {
  const numbers = new Map<number, number>([[AUTHOR, 0]]);
  const people: Record<string, number> = {};
  for (const i of inTimeOrder) {
    const w = who[i]!;
    if (w === ANONYMOUS) continue;
    let n = numbers.get(w);
    if (n === undefined) numbers.set(w, (n = numbers.size));
    people[comments[i]!.id] = n;
  }
  return people;
}

/**
 * Participants whose counted comments, in time order, are interrupted by at least one
 * counted comment of someone else (anonymous included): re-entry after Backstrom et al.
 * 2013. A sweep: someone re-enters when their previous comment is not the one just before.
 */
function countReentrants(who: Int32Array, inTimeOrder: readonly number[], participantCount: number): number {
  const last = new Int32Array(participantCount).fill(-1);
  const reentered = new Uint8Array(participantCount);
  let count = 0;
  for (let k = 0; k < inTimeOrder.length; k++) {
    const w = who[inTimeOrder[k]!]!;
    if (w < AUTHOR) continue;
    const previous = last[w]!;
    if (previous !== -1 && previous < k - 1 && reentered[w] === 0) {
      reentered[w] = 1;
      count++;
    }
    last[w] = k;
  }
  return count;
}

interface AuthorMetrics {
  threadShare: number | null;
  firstReplyMedianHours: number | null;
  answeredWithin72hShare: number | null;
  waitingIds: number[];
  acknowledgedIds: number[];
  replyDelays: Array<[createdAt: number, hours: number]>;
}

/**
 * How the author takes part. A top-level comment is a root of the full tree, so its subtree
 * (placeholders included) is its whole tree: the first author comment in it is the earliest
 * counted author comment with that root.
 */
function authorMetrics(
  comments: readonly MetricComment[],
  who: Int32Array,
  parent: Int32Array,
  root: Int32Array,
  inTimeOrder: readonly number[],
  authorChild: Uint8Array,
  window: ReportWindow,
): AuthorMetrics {
  const firstAuthorAt = new Map<number, number>(); // root index -> time of the first author comment
  for (const i of inTimeOrder) {
    if (who[i] !== AUTHOR) continue;
    const r = root[i]!;
    if (r !== i && !firstAuthorAt.has(r)) firstAuthorAt.set(r, comments[i]!.createdAt);
  }

  let topReaderComments = 0;
  let withAuthor = 0;
  let old = 0;
  let oldAnsweredIn72h = 0;
  const waitingIds: number[] = [];
  const acknowledgedIds: number[] = [];
  const replyDelays: Array<[number, number]> = [];
  for (const i of inTimeOrder) {
    const w = who[i]!;
    if (w === AUTHOR) continue; // reader comments only (anonymous ones included)
    const p = parent[i]!;
    const top = p === -1;
    // "Addresses the author": top-level, or a direct reply to a counted author comment.
    // Marked "no answer needed": out of the waiting list, and nothing else changes (not an answer).
    if ((top || who[p] === AUTHOR) && authorChild[i] === 0) (comments[i]!.acknowledged ? acknowledgedIds : waitingIds).push(comments[i]!.id);
    if (!top) continue;

    topReaderComments++;
    const createdAt = comments[i]!.createdAt;
    const answeredAt = firstAuthorAt.get(i);
    if (answeredAt !== undefined) {
      withAuthor++;
      replyDelays.push([createdAt, (answeredAt - createdAt) / HOUR_MS]);
    }
    // Reading "older than 72 h at cut-off" as: its whole 72-h span lies before the cut-off.
    if (window.cutoff - createdAt >= WINDOW_72H) {
      old++;
      if (answeredAt !== undefined && answeredAt - createdAt <= WINDOW_72H) oldAnsweredIn72h++;
    }
  }
  return {
    threadShare: ratio(withAuthor, topReaderComments),
    firstReplyMedianHours: median(replyDelays.map(([, hours]) => hours)),
    answeredWithin72hShare: ratio(oldAnsweredIn72h, old),
    waitingIds,
    acknowledgedIds,
    replyDelays,
  };
}
