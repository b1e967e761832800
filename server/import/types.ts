/**
 * The common shape every import format is read into. A reader turns its file
 * into threads and comments as the source holds them; the importer
 * (import.ts) does everything else: bodies, keys, parents, depths, storage.
 */
import type { CommentSource, CommentStatus } from '../db/comments.js';
import type { ThreadReaction } from '../db/reactions.js';
import type { Platform } from '../db/syndication.js';
import type { Lang } from '../i18n/languages.js';

export type ImportFormat = 'wordpress' | 'disqus' | 'isso' | 'json';

/**
 * A comment body as the source holds it: HTML (Disqus), WordPress comment text
 * (HTML whose blank lines are paragraphs), or Markdown (Isso, Kommentar).
 */
export interface SourceText {
  kind: 'html' | 'wordpress' | 'markdown';
  text: string;
}

/** One post (page) of the source; `key` is how the source's comments name it. */
export interface ImportedThread {
  key: string;
  uri: string;
  title: string | null;
  /** The thread's language, when the source records one (only Kommentar's own export does). */
  lang?: Lang | null;
  /** When the post was published (ms), if the source says; the thread's creation time otherwise falls back to its first comment. */
  createdAt: number | null;
  /** Where the post is in the source, for messages. */
  at: string;
}

/** One comment as the source holds it. Ids are the source's own, as text. */
export interface ImportedComment {
  sourceId: string;
  threadKey: string;
  parentSourceId: string | null;
  status: CommentStatus;
  text: SourceText;
  name: string | null;
  email: string | null;
  url: string | null;
  /** The source marks it as written by the blog's author (a WordPress post author, an exported author comment). */
  isAuthor: boolean;
  /** A stable account name in the source (Disqus username): links a commenter's comments when there is no email. */
  account: string | null;
  /** A commenter key carried over from a Kommentar export; undefined means "derive it from email or account". */
  commenterKey?: string | null;
  /** Reply notifications the commenter asked for (only a Kommentar export with private data carries them). */
  notify: boolean;
  /** The comment's id in a Kommentar export, kept when the target database has it free. */
  preferredId: number | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  editedAt: number | null;
  /** Where it was written, when not on the site (a Kommentar export of a reply from Mastodon, Bluesky or a Webmention). */
  source?: CommentSource;
  /** That reply's own address: the poller knows it by this and never fetches it again as new. */
  sourceUrl?: string | null;
  /** When the author marked it "no answer needed" (ms); only a Kommentar export carries it. */
  acknowledgedAt?: number | null;
  /** Where the comment is in the source, for messages: "line 12", "comment id 7", "comments[3]". */
  at: string;
}

/** A like, repost, bookmark or mention from elsewhere (only Kommentar's own export carries them). */
export type ImportedReaction = Omit<ThreadReaction, 'uri'> & { threadKey: string };

/** A copy of a post on Mastodon or Bluesky whose replies the server fetches (only Kommentar's own export carries them). */
export interface ImportedCopy {
  threadKey: string;
  url: string;
  platform: Platform;
}

/** Why a source record was not imported; counted in the summary. */
export type SkipReason =
  | 'pingback'
  | 'trackback'
  | 'thread-without-id'
  /** WordPress entries that are no published post or page, and comments on them. */
  | 'unpublished'
  | 'attachment'
  | 'menu-item'
  | 'other-post-type'
  | 'comment-on-skipped-entry';

/** Where a reader delivers what it reads, in file order. */
export interface ImportSink {
  thread(thread: ImportedThread): void;
  comment(comment: ImportedComment): void;
  reaction(reaction: ImportedReaction): void;
  copy(copy: ImportedCopy): void;
  skip(reason: SkipReason): void;
  /** How far reading has got, in the reader's unit (bytes or records). */
  progress(done: number, total: number): void;
  /** Resolves once the sink can take more (the conversion workers have caught up): streaming readers wait for it between chunks. */
  ready(): Promise<void>;
}

/** The `--base-url` option: links under it become paths relative to it. */
export interface BaseUrl {
  /** Origin of the old site, e.g. "https://old.example". */
  origin: string;
  /** Path prefix to strip, without trailing slash ("" for the root). */
  path: string;
}

export interface ReaderInput {
  path: string;
  baseUrl: BaseUrl | null;
}

/** A format's reader: reads `input.path` to the end into `sink`, or throws `ImportInputError`. */
export type ImportReader = (input: ReaderInput, sink: ImportSink) => Promise<void>;
