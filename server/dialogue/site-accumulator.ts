/**
 * Builds the site report post by post, so the caller can stream comments from the database
 * grouped by post and drop each post's comments once added. Keeps only the post rows and
 * compact per-reader and per-month counters; that state can be kept (`fold`, `fromFold`) and
 * one post's part in it replaced later (`replaceContribution`), so a report after a change
 * need not fold every post again.
 */
import { DEFAULT_PARTNER_MIN_EXCHANGES, reportWindow, type ReportWindow } from './counting.js';
import { dunbarPlacement } from './dunbar.js';
import { median, ratio } from './numbers.js';
import { addReactions, addSources, noReactions, noSources } from './sources.js';
import { computePostContribution, type PostContribution } from './post-contribution.js';
import { NameList, type PackedReaders } from './packed-readers.js';
import { ReaderTable, type ReaderColumns, type ReaderTally } from './reader-table.js';
import { monthLabel, UtcMonths } from './time.js';
import type {
  CohortRow,
  DialoguePartner,
  DialogueReport,
  MetricComment,
  MetricPost,
  MonthlyRow,
  PostReport,
  Reactions,
  ReportOptions,
  ShapeCounts,
  SiteSummary,
  SourceCounts,
} from './types.js';

export class SiteAccumulator {
  readonly #options: ReportOptions;
  readonly #window: ReportWindow;
  readonly #partnerMinExchanges: number;
  /** Post rows by their key (the caller's post order; by default the order they were added in). */
  readonly #posts = new Map<number, PostReport>();
  /** A key came below an earlier one: `finish` sorts. */
  #unordered = false;
  #lastKey = -Infinity;
  readonly #uris = new Set<string>();
  #readers = new ReaderTable();
  /** Reader ids by key, for posts added with their comments (`addPost`). */
  readonly #readerIds = new Map<string, number>();
  readonly #shapes: ShapeCounts = { silence: 0, applause: 0, 'q-and-a': 0, conversation: 0 };
  #comments = 0;
  #waitingForAuthor = 0;
  #acknowledged = 0;
  #pending = 0;
  readonly #sources = noSources();
  readonly #reactions = noReactions();
  readonly #utcMonths = new UtcMonths();
  /** Per UTC month (index from `UtcMonths`): counted comments, exchanges closed, the author active. */
  readonly #monthComments = new Map<number, number>();
  readonly #monthExchanges = new Map<number, number>();
  /** Per UTC month with a counted author comment: the posts with one in it. */
  readonly #authorMonths = new Map<number, number>();
  /** Per UTC month: posts whose first counted comment falls in it, those of them that are conversations, author reply delays (hours). */
  readonly #monthPosts = new Map<number, number>();
  readonly #monthConversations = new Map<number, number>();
  readonly #monthReplyHours = new Map<number, number[]>();

  constructor(options: ReportOptions) {
    const min = options.partnerMinExchanges ?? DEFAULT_PARTNER_MIN_EXCHANGES;
    if (!Number.isInteger(min) || min < 1) {
      throw new RangeError(`partnerMinExchanges must be a whole number of at least 1, got ${min}`);
    }
    this.#options = options;
    this.#partnerMinExchanges = min;
    this.#window = reportWindow(options);
  }

  /**
   * Adds one post with all its comments (any status and date; all with `postUri` = `post.uri`).
   * Each post may be added once. Returns the post's row.
   */
  addPost(post: MetricPost, comments: readonly MetricComment[]): PostReport {
    for (const c of comments) {
      if (c.postUri !== post.uri) throw new RangeError(`comment ${c.id} belongs to ${c.postUri}, not ${post.uri}`);
    }
    const { contribution, readerKeys } = computePostContribution(post, comments, this.#window, this.#options.people === true, this.#utcMonths);
    const ids = Int32Array.from(readerKeys, (key) => {
      let id = this.#readerIds.get(key);
      if (id === undefined) this.#readerIds.set(key, (id = this.#readerIds.size));
      return id;
    });
    this.addContribution(contribution, ids);
    return contribution.report;
  }

  /**
   * Adds one post by its contribution (computed for this report's window and `people` option,
   * now or earlier), with its readers' ids: the same reader has the same id in every post.
   * Each post may be added once; `key` places it among the posts (default: after those added).
   * Use either this or `addPost` for a report, not both (their ids would clash).
   */
  addContribution(contribution: PostContribution, readerIds: Int32Array, key = this.#posts.size): void {
    if (this.#posts.has(key)) throw new RangeError(`post key used twice: ${key}`);
    this.#placePost(key, contribution.report);
    this.#count(contribution, 1);
    this.#readers.mergePacked(readerIds, contribution.readers);
  }

  /**
   * Replaces the part of the post at `key`: `before` is what was added for it (null: nothing),
   * `after` what it is now (null: it is gone). Returns false, changing nothing, when the
   * readers' part cannot be taken back without the other posts (see ReaderTable.replacePacked):
   * then only a new fold over every post gives the report.
   */
  replaceContribution(key: number, before: ContributionWithIds | null, after: ContributionWithIds | null): boolean {
    if (this.#posts.get(key)?.uri !== before?.contribution.report.uri) return false;
    if (after !== null && after.contribution.report.uri !== before?.contribution.report.uri && this.#uris.has(after.contribution.report.uri)) return false;
    if (!this.#readers.replacePacked(packedOf(before), packedOf(after))) return false;
    if (before !== null) {
      this.#uris.delete(before.contribution.report.uri);
      this.#count(before.contribution, -1);
      if (after === null) this.#posts.delete(key);
    }
    if (after !== null) {
      // An existing key keeps its place.
      this.#placePost(key, after.contribution.report);
      this.#count(after.contribution, 1);
    }
    return true;
  }

  #placePost(key: number, report: PostReport): void {
    if (this.#uris.has(report.uri)) throw new RangeError(`post added twice: ${report.uri}`);
    this.#uris.add(report.uri);
    if (!this.#posts.has(key)) {
      if (key < this.#lastKey) this.#unordered = true;
      this.#lastKey = Math.max(this.#lastKey, key);
    }
    this.#posts.set(key, report);
  }

  /** Adds (`by` = 1) or takes out (-1) everything of a post but its row and its readers. */
  #count(contribution: PostContribution, by: 1 | -1): void {
    const { report } = contribution;
    this.#shapes[report.shape] += by;
    this.#comments += by * report.comments;
    this.#waitingForAuthor += by * report.waitingForAuthor;
    this.#acknowledged += by * report.acknowledged;
    if (!Number.isNaN(contribution.firstCommentAt)) {
      const started = this.#utcMonths.of(contribution.firstCommentAt);
      increment(this.#monthPosts, started, by);
      if (report.shape === 'conversation') increment(this.#monthConversations, started, by);
    }
    for (const [at, hours] of contribution.authorReplyDelays) {
      const month = this.#utcMonths.of(at);
      const list = this.#monthReplyHours.get(month);
      if (by === 1) {
        if (list) list.push(hours);
        else this.#monthReplyHours.set(month, [hours]);
      } else if (list?.includes(hours)) {
        list.splice(list.indexOf(hours), 1);
        if (list.length === 0) this.#monthReplyHours.delete(month);
      }
    }
    this.#pending += by * report.pending;
    addSources(this.#sources, report.sources, by);
    addReactions(this.#reactions, report.reactions, by);
    for (const [month, count] of contribution.commentMonths) increment(this.#monthComments, month, by * count);
    for (const [month, count] of contribution.exchangeMonths) increment(this.#monthExchanges, month, by * count);
    for (const month of contribution.authorMonths) increment(this.#authorMonths, month, by);
  }

  /** Everything added so far, as plain data (`fromFold` takes it back). */
  fold(): SiteFold {
    return {
      posts: [...this.#posts],
      shapes: { ...this.#shapes },
      comments: this.#comments,
      waitingForAuthor: this.#waitingForAuthor,
      acknowledged: this.#acknowledged,
      pending: this.#pending,
      sources: { ...this.#sources },
      reactions: { ...this.#reactions },
      monthComments: [...this.#monthComments],
      monthExchanges: [...this.#monthExchanges],
      authorMonths: [...this.#authorMonths],
      monthPosts: [...this.#monthPosts],
      monthConversations: [...this.#monthConversations],
      monthReplyHours: [...this.#monthReplyHours],
      readers: this.#readers.columns(),
    };
  }

  /** An accumulator for `options` holding a fold made for the same window and `people` option (now or earlier). */
  static fromFold(options: ReportOptions, fold: SiteFold): SiteAccumulator {
    const site = new SiteAccumulator(options);
    for (const [key, report] of fold.posts) site.#placePost(key, report);
    Object.assign(site.#shapes, fold.shapes);
    site.#comments = fold.comments;
    site.#waitingForAuthor = fold.waitingForAuthor;
    site.#acknowledged = fold.acknowledged;
    site.#pending = fold.pending;
    Object.assign(site.#sources, fold.sources);
    Object.assign(site.#reactions, fold.reactions);
    const fill = <T>(map: Map<number, T>, entries: Array<[number, T]>) => {
      for (const [month, value] of entries) map.set(month, value);
    };
    fill(site.#monthComments, fold.monthComments);
    fill(site.#monthExchanges, fold.monthExchanges);
    fill(site.#authorMonths, fold.authorMonths);
    fill(site.#monthPosts, fold.monthPosts);
    fill(site.#monthConversations, fold.monthConversations);
    fill(site.#monthReplyHours, fold.monthReplyHours);
    site.#readers = ReaderTable.fromColumns(fold.readers);
    return site;
  }

  finish(): DialogueReport {
    const options = this.#options;
    return {
      site: options.site,
      generatedAt: options.generatedAt.toISOString(),
      window: {
        from: options.from === null ? null : options.from.toISOString(),
        to: new Date(this.#window.cutoff).toISOString(),
      },
      options: { partnerMinExchanges: this.#partnerMinExchanges },
      summary: this.#summary(),
      posts: this.postReports(),
    };
  }

  /** The post rows so far, in post order. */
  postReports(): PostReport[] {
    return this.#unordered ? [...this.#posts].sort((a, b) => a[0] - b[0]).map(([, report]) => report) : [...this.#posts.values()];
  }

  #summary(): SiteSummary {
    const months = [...this.#monthComments.keys()];
    const tally = this.#readers.tally((at) => this.#utcMonths.of(at), Math.min(...months), Math.max(...months));
    const { returningCommenters, readerComments, returningComments } = tally;
    const postsWithComments = this.#posts.size - this.#shapes.silence;
    const partners = this.#partners();
    return {
      posts: this.#posts.size,
      postsWithComments,
      comments: this.#comments,
      participants: this.#readers.size + (this.#authorMonths.size > 0 ? 1 : 0),
      shapes: { ...this.#shapes },
      conversationShare: ratio(this.#shapes.conversation, postsWithComments),
      returningCommenters,
      returningCommentShare: ratio(returningComments, readerComments),
      dialoguePartners: partners.length,
      dialoguePartnerList: partners,
      dunbar: dunbarPlacement(partners.length),
      ...this.#cohortsAndMonths(tally),
      waitingForAuthor: this.#waitingForAuthor,
      acknowledged: this.#acknowledged,
      sources: { ...this.#sources },
      reactions: { ...this.#reactions },
      pending: this.#pending,
    };
  }

  /** Most exchanges first; ties by who commented first, so the order never depends on keys. */
  #partners(): DialoguePartner[] {
    const readers = this.#readers;
    const chosen = readers.withAuthorExchanges(this.#partnerMinExchanges);
    chosen.sort(
      (x, y) => readers.authorExchanges(y) - readers.authorExchanges(x) || readers.firstAt(x) - readers.firstAt(y) || readers.firstId(x) - readers.firstId(y),
    );
    const hide = this.#options.hideNames === true;
    return chosen.map((id) => ({ name: hide ? null : readers.name(id), exchanges: readers.authorExchanges(id) }));
  }

  #cohortsAndMonths({ first, newcomers, returned, active }: ReaderTally): { cohorts: CohortRow[]; monthly: MonthlyRow[] } {
    const cohorts: CohortRow[] = [];
    for (let i = 0; i < newcomers.length; i++) {
      if (newcomers[i]! > 0) cohorts.push({ month: monthLabel(first + i), newcomers: newcomers[i]!, returnedWithin90d: returned[i]! });
    }

    // The tally spans the months with a counted comment, which the monthly rows span too.
    const monthly: MonthlyRow[] = [];
    for (let i = 0; i < newcomers.length; i++) {
      const month = first + i;
      const activeInMonth = active[i]!;
      const fresh = newcomers[i]!;
      monthly.push({
        month: monthLabel(month),
        comments: this.#monthComments.get(month) ?? 0,
        participants: activeInMonth + (this.#authorMonths.has(month) ? 1 : 0),
        newcomers: fresh,
        // Every reader active in a month had their first comment in it or earlier.
        returning: activeInMonth - fresh,
        exchanges: this.#monthExchanges.get(month) ?? 0,
        postsStarted: this.#monthPosts.get(month) ?? 0,
        conversationsStarted: this.#monthConversations.get(month) ?? 0,
        authorFirstReplyMedianHours: median(this.#monthReplyHours.get(month) ?? []),
      });
    }
    return { cohorts, monthly };
  }
}

/** Adds `by` to the month's count; a count back at zero is dropped, as if never counted (the monthly rows span the months with a count). */
function increment(map: Map<number, number>, key: number, by: number): void {
  const count = (map.get(key) ?? 0) + by;
  if (count === 0) map.delete(key);
  else map.set(key, count);
}

/** A post's part as ReaderTable.replacePacked takes it. */
function packedOf(part: ContributionWithIds | null): { ids: Int32Array; readers: PackedReaders } {
  return part === null ? { ids: new Int32Array(0), readers: NO_READERS } : { ids: part.readerIds, readers: part.contribution.readers };
}

const NO_READERS: PackedReaders = { ints: new Int32Array(0), floats: new Float64Array(0), names: new NameList([]) };

/** A post's contribution with its readers' ids, as added. */
export interface ContributionWithIds {
  contribution: PostContribution;
  readerIds: Int32Array;
}

/** An accumulator's state as plain data: posts by key, the site's counters, months as [month, value] entries, the readers' table as columns. */
export interface SiteFold {
  posts: Array<[key: number, report: PostReport]>;
  shapes: ShapeCounts;
  comments: number;
  waitingForAuthor: number;
  acknowledged: number;
  pending: number;
  sources: SourceCounts;
  reactions: Reactions;
  monthComments: Array<[month: number, comments: number]>;
  monthExchanges: Array<[month: number, exchanges: number]>;
  authorMonths: Array<[month: number, posts: number]>;
  monthPosts: Array<[month: number, posts: number]>;
  monthConversations: Array<[month: number, posts: number]>;
  monthReplyHours: Array<[month: number, hours: number[]]>;
  readers: ReaderColumns;
}
