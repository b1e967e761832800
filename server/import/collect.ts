/**
 * The sink every reader writes into. Each comment becomes at once what
 * Kommentar keeps of it: its Markdown (converted in the pool while reading
 * goes on; skipped for comments an earlier import stored), a hash of
 * its source text, the author marker, the commenter key (the same HMAC as a
 * live comment's, so returning commenters are recognised) and no email unless
 * reply notifications need it. Raw addresses are dropped right here.
 */
import { hash } from 'node:crypto';
import type { SiteConfig } from '../config.js';
import type { CommentSource, CommentStatus } from '../db/comments.js';
import { authorKey, commenterKey, normaliseEmail } from '../identity/identity.js';
import { safeLinkUrl } from '../render/markdown.js';
import type { ConvertPool } from './convert-pool.js';
import type { ImportedComment, ImportedCopy, ImportedReaction, ImportedThread, ImportSink, SkipReason, SourceText } from './types.js';

/** A comment as the importer keeps it between reading and writing. */
export interface CollectedComment {
  sourceId: string;
  threadKey: string;
  parentSourceId: string | null;
  status: CommentStatus;
  /** Markdown; empty for a deleted comment and for one an earlier import stored. */
  body: string;
  /** Hash of the source text: a later import compares it instead of converting again. */
  hash: string;
  name: string | null;
  url: string | null;
  /** Only when the commenter asked for reply notifications. */
  email: string | null;
  notify: boolean;
  commenterKey: string | null;
  isAuthor: boolean;
  preferredId: number | null;
  createdAt: number;
  editedAt: number | null;
  source: CommentSource;
  sourceUrl: string | null;
  acknowledgedAt: number | null;
  at: string;
}

const BATCH = 256;
/** The limits a live comment's name and page title have. */
const NAME_MAX = 80;
const TITLE_MAX = 300;
// C0 controls, DEL and bidi overrides: nothing a name or title needs, and the last can disguise text.
const CONTROL = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** One line of display text: no control characters, trimmed, at most `max` characters; null when nothing is left. */
function cleanLine(value: string, max: number): string | null {
  const cleaned = value.replace(CONTROL, ' ').trim();
  return cleaned ? [...cleaned].slice(0, max).join('').trim() : null;
}

/** A homepage link: absolute http(s) only. */
function cleanUrl(url: string): string | null {
  const safe = safeLinkUrl(url);
  return safe && /^https?:/.test(safe) ? safe : null;
}

/** Identifies a source text without keeping it (not a secret: a change detector). */
function textHash(source: SourceText): string {
  return hash('sha1', `${source.kind}\n${source.text}`, 'base64url');
}

/** The import's one sink: keeps threads, compact comments and skip counts for the plan. */
export class Collector implements ImportSink {
  readonly threads: ImportedThread[] = [];
  readonly comments: CollectedComment[] = [];
  readonly reactions: ImportedReaction[] = [];
  readonly copies: ImportedCopy[] = [];
  readonly skipped = new Map<SkipReason, number>();
  /** Comments waiting for conversion, all of one source kind (a reader yields one). */
  private batch: { kind: SourceText['kind']; comments: CollectedComment[]; texts: string[] } = { kind: 'html', comments: [], texts: [] };
  private readonly conversions: Promise<void>[] = [];
  private failure: Error | undefined;
  private readonly keys = { email: new Map<string, string | null>(), account: new Map<string, string | null>() };
  private readonly cleaned = { name: new Map<string, string | null>(), url: new Map<string, string | null>() };
  private readonly authorEmails: Set<string>;
  private readonly authorKey: string;

  /** `stored`: source ids an earlier import from the same source stored, whose bodies need no conversion. */
  constructor(
    private readonly site: SiteConfig,
    private readonly secret: string,
    private readonly pool: ConvertPool,
    private readonly stored: ReadonlySet<string>,
    private readonly onProgress: (done: number, total: number) => void,
  ) {
    this.authorEmails = new Set(site.authorEmails.map(normaliseEmail));
    this.authorKey = authorKey(secret, site.id);
  }

  thread(thread: ImportedThread): void {
    this.threads.push({ ...thread, title: thread.title === null ? null : cleanLine(thread.title, TITLE_MAX) });
  }

  /** Kept only with an http(s) address: a reaction or copy is known by it. */
  reaction(reaction: ImportedReaction): void {
    const itemUrl = cleanUrl(reaction.itemUrl);
    if (!itemUrl) return;
    const authorName = reaction.authorName === null ? null : cleanLine(reaction.authorName, NAME_MAX);
    this.reactions.push({ ...reaction, itemUrl, authorName, authorUrl: reaction.authorUrl === null ? null : cleanUrl(reaction.authorUrl) });
  }

  copy(copy: ImportedCopy): void {
    const url = cleanUrl(copy.url);
    if (url) this.copies.push({ ...copy, url });
  }

  skip(reason: SkipReason): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  progress(done: number, total: number): void {
    this.onProgress(done, total);
  }

  /** The same key as a live comment with this email gets (or the source account's, when there is no email). */
  private keyOf(email: string | null, account: string | null): string | null {
    const [cache, value] = email ? [this.keys.email, email] : account ? [this.keys.account, account] : [null, ''];
    if (cache === null) return null;
    let key = cache.get(value);
    if (key === undefined) {
      key = email ? commenterKey(this.secret, { email }) : commenterKey(this.secret, { identity: account });
      cache.set(value, key);
    }
    return key;
  }

  /**
   * Names and homepages repeat for every comment of a returning commenter: each
   * distinct one is cleaned once and kept as one string.
   */
  private cleanedOnce(kind: 'name' | 'url', raw: string | null): string | null {
    if (raw === null) return null;
    let value = this.cleaned[kind].get(raw);
    if (value === undefined) {
      value = kind === 'name' ? cleanLine(raw, NAME_MAX) : cleanUrl(raw);
      this.cleaned[kind].set(raw, value);
    }
    return value;
  }

  comment(source: ImportedComment): void {
    // A Kommentar export already decided who is the author; other sources say it through user ids or the author's addresses.
    const decided = source.commenterKey !== undefined;
    const isAuthor = decided ? source.isAuthor : source.isAuthor || (source.email !== null && this.authorEmails.has(normaliseEmail(source.email)));
    const key = isAuthor ? this.authorKey : decided ? (source.commenterKey ?? null) : this.keyOf(source.email, source.account);
    const deleted = source.status === 'deleted';
    const name = this.cleanedOnce('name', source.name);
    const notify = !deleted && source.notify && source.email !== null;
    const comment: CollectedComment = {
      sourceId: source.sourceId,
      threadKey: source.threadKey,
      parentSourceId: source.parentSourceId,
      status: source.status,
      body: '',
      hash: textHash(source.text),
      // A deleted comment keeps its place in the tree, not its content or personal data (as on deletion in Kommentar).
      name: deleted ? null : isAuthor && !decided ? (name ?? this.site.authorName) : name,
      url: deleted ? null : this.cleanedOnce('url', source.url),
      email: notify ? source.email : null,
      notify,
      commenterKey: key,
      isAuthor,
      preferredId: source.preferredId,
      createdAt: source.createdAt,
      editedAt: source.editedAt,
      source: source.source ?? 'site',
      // Kept for a deleted one too: it is how the poller recognises the reply and does not bring it back.
      sourceUrl: source.sourceUrl ? this.cleanedOnce('url', source.sourceUrl) : null,
      acknowledgedAt: source.acknowledgedAt ?? null,
      at: source.at,
    };
    this.comments.push(comment);
    if (deleted || this.stored.has(source.sourceId)) return;
    if (source.text.kind === 'markdown') {
      comment.body = source.text.text;
      return;
    }
    // Even plain text converts in the pool: the main thread's time goes to parsing, which nothing else can do.
    if (this.batch.kind !== source.text.kind) this.flush();
    this.batch.kind = source.text.kind;
    this.batch.comments.push(comment);
    this.batch.texts.push(source.text.text);
    if (this.batch.texts.length >= BATCH) this.flush();
  }

  private flush(): void {
    const { kind, comments, texts } = this.batch;
    this.batch = { kind, comments: [], texts: [] };
    if (texts.length === 0) return;
    this.conversions.push(
      this.pool.markdown(kind, texts).then(
        (bodies) => {
          bodies.forEach((body, i) => {
            comments[i]!.body = body;
          });
        },
        (error: Error) => {
          this.failure ??= error;
        },
      ),
    );
  }

  /** Waits until every body that needs it is converted to Markdown. */
  async finish(): Promise<void> {
    this.flush();
    await Promise.all(this.conversions);
    if (this.failure) throw this.failure;
  }
}
