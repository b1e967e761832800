/**
 * Input and output shapes of the dialogue report (specs/dialogue-metrics.md).
 * The output field names are the report's public JSON names: keep them exactly.
 */

export type CommentStatus = 'approved' | 'pending' | 'spam' | 'deleted';

/** Where a comment was written: on the site, or elsewhere (a Webmention, a reply to a syndicated copy). */
export type CommentSource = 'site' | 'webmention' | 'mastodon' | 'bluesky';

/** `sources` of the report: counted comments by where they were written. */
export type SourceCounts = Record<CommentSource, number>;

/** `reactions` of the report: applause from elsewhere, never dialogue. */
export interface Reactions {
  likes: number;
  reposts: number;
}

/** One stored comment, reduced to what the metrics need. */
export interface MetricComment {
  id: number;
  /** The post (thread) this comment belongs to. */
  postUri: string;
  /** null = top-level; an id not present among the post's comments = orphan. */
  parentId: number | null;
  status: CommentStatus;
  /** Milliseconds since the epoch (UTC). */
  createdAt: number;
  /**
   * Pseudonymous commenter key; null = anonymous. Author comments may carry any key or
   * none: the author is one participant regardless (decided by `isAuthor` alone).
   */
  participant: string | null;
  isAuthor: boolean;
  /** Display name, used only for the dialogue partners list (and hideable there). */
  name: string | null;
  /** The author marked it "no answer needed" (spec: Acknowledged); absent = not marked. */
  acknowledged?: boolean;
  /** Where it was written; 'site' when absent. */
  source?: CommentSource;
}

export interface MetricPost {
  uri: string;
  title: string | null;
  /** Likes and reposts from elsewhere (stored apart from comments); none when absent. */
  reactions?: Reactions;
}

export interface ReportOptions {
  site: string;
  /** When the report was made; also the cut-off when `to` is null. */
  generatedAt: Date;
  /** Comments created before `from` are not counted (they stay as placeholders). */
  from: Date | null;
  /** Comments created after `to` are not counted (they stay as placeholders). */
  to: Date | null;
  /** Exchanges with the author that make a reader a dialogue partner; default 2. */
  partnerMinExchanges?: number;
  /** Replaces the names in `summary.dialoguePartnerList` by null. */
  hideNames?: boolean;
  /** Adds `people` to each post: who wrote which comment, as numbers that restart in every post. */
  people?: boolean;
}

export type PostShape = 'silence' | 'applause' | 'q-and-a' | 'conversation';

/** `posts[]` of the report: one row per post, in the spec's field order. */
export interface PostReport {
  uri: string;
  title: string | null;
  comments: number;
  topLevel: number;
  replyShare: number | null;
  answeredShare: number | null;
  maxDepth: number;
  meanDepth: number | null;
  hIndex: number;
  participants: number;
  readers: number;
  anonymousShare: number | null;
  reentrants: number;
  reciprocalPairs: number;
  exchanges: number;
  longestBackAndForth: number;
  authorThreadShare: number | null;
  authorFirstReplyMedianHours: number | null;
  authorAnsweredWithin72hShare: number | null;
  waitingForAuthor: number;
  /** The comments counted in `waitingForAuthor`, oldest first (the inbox lists them by id). */
  waitingForAuthorIds: number[];
  /** Reader comments marked "no answer needed" that would otherwise be waiting. */
  acknowledged: number;
  /** The comments counted in `acknowledged`, oldest first (the inbox offers to undo them). */
  acknowledgedIds: number[];
  sources: SourceCounts;
  reactions: Reactions;
  /** Pending comments created inside the window. */
  pending: number;
  orphans: number;
  shape: PostShape;
  /**
   * Only when asked for (`people` option): counted comment id → its writer in this post, 0 for the
   * author, readers numbered 1, 2, … in order of their first comment here; anonymous comments are
   * absent. Numbers restart in every post, so nobody can be followed from post to post; never a key.
   */
  people?: Record<string, number>;
}

export interface ShapeCounts {
  silence: number;
  applause: number;
  'q-and-a': number;
  conversation: number;
}

/** A Dunbar layer: the number of people someone can keep up a relationship of that closeness with. */
export type DunbarLayer = 5 | 15 | 50 | 150;

/**
 * Where `dialoguePartners` falls among Dunbar's layers, for the sentence
 * "you are in real dialogue with N people". `layer` is the smallest layer that
 * holds `partners`; it is null both for 0 partners (no layer to be in; label "none")
 * and for more than 150 (label "beyond 150").
 */
export interface DunbarPlacement {
  layer: DunbarLayer | null;
  label: string;
  partners: number;
}

export interface CohortRow {
  /** UTC month, `YYYY-MM`. */
  month: string;
  newcomers: number;
  returnedWithin90d: number;
}

export interface MonthlyRow {
  /** UTC month, `YYYY-MM`. */
  month: string;
  comments: number;
  participants: number;
  newcomers: number;
  returning: number;
  exchanges: number;
  /** Posts whose first counted comment falls in the month. */
  postsStarted: number;
  /** Of them, posts of shape `conversation`. */
  conversationsStarted: number;
  /** Median hours to the author's first reply over the month's top-level reader comments that got one; null when none. */
  authorFirstReplyMedianHours: number | null;
}

export interface DialoguePartner {
  /** The reader's latest display name; null when names are hidden or never given. */
  name: string | null;
  /** Exchanges with the author, summed over the posts in the window. */
  exchanges: number;
}

export interface SiteSummary {
  posts: number;
  postsWithComments: number;
  comments: number;
  participants: number;
  shapes: ShapeCounts;
  conversationShare: number | null;
  returningCommenters: number;
  returningCommentShare: number | null;
  dialoguePartners: number;
  /** The dialogue partners, most exchanges first (ties: who commented first). */
  dialoguePartnerList: DialoguePartner[];
  dunbar: DunbarPlacement;
  cohorts: CohortRow[];
  monthly: MonthlyRow[];
  waitingForAuthor: number;
  /** Sum over posts of `acknowledged`. */
  acknowledged: number;
  sources: SourceCounts;
  reactions: Reactions;
  pending: number;
}

export interface DialogueReport {
  site: string;
  /** The site's language from the config (`en`, `de`, …); absent where no config is known (a site only in the database). */
  lang?: string;
  /** ISO 8601 (Date#toISOString). */
  generatedAt: string;
  /** `to` is the effective cut-off: the `to` option, else `generatedAt`. */
  window: { from: string | null; to: string };
  options: { partnerMinExchanges: number };
  summary: SiteSummary;
  posts: PostReport[];
  /** Only when asked for: the same report as it stood `days` earlier (window shifted back), for "change since". */
  previous?: { days: number; window: { from: string | null; to: string }; summary: SiteSummary };
}
