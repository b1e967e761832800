/**
 * Builds the site report post by post, so the caller can stream comments from the database
 * grouped by post and drop each post's comments once added. Keeps only the post rows and
 * compact per-reader and per-month counters.
 */
import { DEFAULT_PARTNER_MIN_EXCHANGES, reportWindow, type ReportWindow } from './counting.js';
import { dunbarPlacement } from './dunbar.js';
import { median, ratio } from './numbers.js';
import { addReactions, addSources, noReactions, noSources } from './sources.js';
import { computePostContribution, type PostContribution } from './post-contribution.js';
import { ReaderTable } from './reader-table.js';
import { monthLabel, UtcMonths } from './time.js';
import type {
  CohortRow,
  DialoguePartner,
  DialogueReport,
  MetricComment,
  MetricPost,
  MonthlyRow,
  PostReport,
  ReportOptions,
  ShapeCounts,
  SiteSummary,
} from './types.js';

export class SiteAccumulator {
  readonly #options: ReportOptions;
  readonly #window: ReportWindow;
  readonly #partnerMinExchanges: number;
  readonly #posts: PostReport[] = [];
  readonly #uris = new Set<string>();
  readonly #readers = new ReaderTable();
  /** Reader ids by key, for posts added with their comments (`addPost`). */
  readonly #readerIds = new Map<string, number>();
  readonly #shapes: ShapeCounts = { silence: 0, applause: 0, 'q-and-a': 0, conversation: 0 };
  #comments = 0;
  #waitingForAuthor = 0;
  #acknowledged = 0;
  #pending = 0;
  readonly #sources = noSources();
  readonly #reactions = noReactions();
  #authorWrote = false;
  readonly #utcMonths = new UtcMonths();
  /** Per UTC month (index from `UtcMonths`): counted comments, exchanges closed, the author active. */
  readonly #monthComments = new Map<number, number>();
  readonly #monthExchanges = new Map<number, number>();
  readonly #authorMonths = new Set<number>();
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
   * Each post may be added once. Use either this or `addPost` for a report, not both (their ids would clash).
   */
  addContribution(contribution: PostContribution, readerIds: Int32Array): void {
    const { report } = contribution;
    if (this.#uris.has(report.uri)) throw new RangeError(`post added twice: ${report.uri}`);
    this.#uris.add(report.uri);
    this.#posts.push(report);
    this.#shapes[report.shape]++;
    this.#comments += report.comments;
    this.#waitingForAuthor += report.waitingForAuthor;
    this.#acknowledged += report.acknowledged;
    if (!Number.isNaN(contribution.firstCommentAt)) {
      const started = this.#utcMonths.of(contribution.firstCommentAt);
      increment(this.#monthPosts, started, 1);
      if (report.shape === 'conversation') increment(this.#monthConversations, started, 1);
    }
    for (const [at, hours] of contribution.authorReplyDelays) {
      const month = this.#utcMonths.of(at);
      const list = this.#monthReplyHours.get(month);
      if (list) list.push(hours);
      else this.#monthReplyHours.set(month, [hours]);
    }
    this.#pending += report.pending;
    addSources(this.#sources, report.sources);
    addReactions(this.#reactions, report.reactions);
    this.#readers.mergePacked(readerIds, contribution.readers);
    for (const [month, count] of contribution.commentMonths) increment(this.#monthComments, month, count);
    for (const [month, count] of contribution.exchangeMonths) increment(this.#monthExchanges, month, count);
    for (const month of contribution.authorMonths) {
      this.#authorWrote = true;
      this.#authorMonths.add(month);
    }
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
      posts: [...this.#posts],
    };
  }

  #summary(): SiteSummary {
    let returningCommenters = 0;
    let readerComments = 0;
    let returningComments = 0;
    const readers = this.#readers;
    for (const id of readers.ids()) {
      readerComments += readers.comments(id);
      if (readers.posts(id) >= 2) {
        returningCommenters++;
        returningComments += readers.comments(id);
      }
    }
    const postsWithComments = this.#posts.length - this.#shapes.silence;
    const partners = this.#partners();
    return {
      posts: this.#posts.length,
      postsWithComments,
      comments: this.#comments,
      participants: this.#readers.size + (this.#authorWrote ? 1 : 0),
      shapes: { ...this.#shapes },
      conversationShare: ratio(this.#shapes.conversation, postsWithComments),
      returningCommenters,
      returningCommentShare: ratio(returningComments, readerComments),
      dialoguePartners: partners.length,
      dialoguePartnerList: partners,
      dunbar: dunbarPlacement(partners.length),
      ...this.#cohortsAndMonths(),
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
    const chosen = [...readers.ids()].filter((id) => readers.authorExchanges(id) >= this.#partnerMinExchanges);
    chosen.sort(
      (x, y) => readers.authorExchanges(y) - readers.authorExchanges(x) || readers.firstAt(x) - readers.firstAt(y) || readers.firstId(x) - readers.firstId(y),
    );
    const hide = this.#options.hideNames === true;
    return chosen.map((id) => ({ name: hide ? null : readers.name(id), exchanges: readers.authorExchanges(id) }));
  }

  #cohortsAndMonths(): { cohorts: CohortRow[]; monthly: MonthlyRow[] } {
    const newcomers = new Map<number, number>();
    const returned = new Map<number, number>();
    const activeReaders = new Map<number, number>();
    const readers = this.#readers;
    for (const id of readers.ids()) {
      const month = this.#utcMonths.of(readers.firstAt(id));
      increment(newcomers, month, 1);
      increment(returned, month, readers.returnedWithin90d(id) ? 1 : 0);
      for (const active of readers.months(id)) increment(activeReaders, active, 1);
    }
    const cohorts = [...newcomers.keys()]
      .sort((a, b) => a - b)
      .map((month) => ({
        month: monthLabel(month),
        newcomers: newcomers.get(month) ?? 0,
        returnedWithin90d: returned.get(month) ?? 0,
      }));

    const months = [...this.#monthComments.keys()];
    const monthly: MonthlyRow[] = [];
    if (months.length > 0) {
      const first = Math.min(...months);
      const last = Math.max(...months);
      for (let month = first; month <= last; month++) {
        const active = activeReaders.get(month) ?? 0;
        const fresh = newcomers.get(month) ?? 0;
        monthly.push({
          month: monthLabel(month),
          comments: this.#monthComments.get(month) ?? 0,
          participants: active + (this.#authorMonths.has(month) ? 1 : 0),
          newcomers: fresh,
          // Every reader active in a month had their first comment in it or earlier.
          returning: active - fresh,
          exchanges: this.#monthExchanges.get(month) ?? 0,
          postsStarted: this.#monthPosts.get(month) ?? 0,
          conversationsStarted: this.#monthConversations.get(month) ?? 0,
          authorFirstReplyMedianHours: median(this.#monthReplyHours.get(month) ?? []),
        });
      }
    }
    return { cohorts, monthly };
  }
}

function increment(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
