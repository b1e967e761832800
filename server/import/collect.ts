/**
 * The sink every reader writes into. Each comment becomes at once what
 * Kommentar keeps of it: the author marker, the commenter key (the same HMAC
 * as a live comment's, so returning commenters are recognised) and no email
 * unless reply notifications need it; raw addresses are dropped right here.
 * Its body goes to the pool, which converts it and stages the row while
 * reading goes on (skipped for comments an earlier import stored); what stays
 * in memory is what the plan needs: ids, parents, times, places.
 */
import type { SiteConfig } from '../config.js';
import type { CommentStatus } from '../db/comments.js';
import { authorKey, commenterKey, normaliseEmail } from '../identity/identity.js';
import { safeLinkUrl } from '../render/link-url.js';
import { sourceHash } from './source-hash.js';
import type { ConvertPool, PendingComment } from './convert-pool.js';
import type { ImportedComment, ImportedCopy, ImportedReaction, ImportedThread, ImportSink, SkipReason, SourceText } from './types.js';

/** A comment as the plan sees it; the rest of it waits in the pool's staging files under `seq`. */
export interface CollectedComment {
  /** Its place among the file's comments, from 0: its key in the staging files. */
  seq: number;
  sourceId: string;
  threadKey: string;
  parentSourceId: string | null;
  status: CommentStatus;
  /** What a later import compares, for a comment an earlier one stored: hash of the source text ("" for the others), name, homepage. */
  hash: string;
  name: string | null;
  url: string | null;
  preferredId: number | null;
  createdAt: number;
  at: string;
}

const BATCH = 256;
/**
 * Batches handed to the pool and not yet staged, beyond which the reader waits:
 * the workers convert slower than the main thread parses, and every batch
 * waiting for them holds its comments' source texts.
 */
const MAX_WAITING_BATCHES = 8;
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

/** The import's one sink: keeps threads, compact comments and skip counts for the plan. */
export class Collector implements ImportSink {
  readonly threads: ImportedThread[] = [];
  readonly comments: CollectedComment[] = [];
  readonly reactions: ImportedReaction[] = [];
  readonly copies: ImportedCopy[] = [];
  readonly skipped = new Map<SkipReason, number>();
  /** Comments waiting for the pool, all of one source kind (a reader yields one). */
  private batch: { kind: SourceText['kind']; items: PendingComment[] } = { kind: 'html', items: [] };
  private readonly conversions: Promise<void>[] = [];
  private waiting = 0;
  private wake: (() => void) | null = null;
  private failure: Error | undefined;
  private readonly keys = { email: new Map<string, string | null>(), account: new Map<string, string | null>() };
  private readonly cleaned = { name: new Map<string, string | null>(), url: new Map<string, string | null>() };
  private readonly authorEmails: Set<string>;
  private readonly authorKey: string;

  /** `stored`: source ids an earlier import from the same source stored, whose bodies need no conversion. */
  constructor(
    private readonly site: SiteConfig,
    private readonly secret: string,
    /** Null in a dry run: nothing will be written, so no body is converted. */
    private readonly pool: ConvertPool | null,
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
    const deleted = source.status === 'deleted';
    const name = this.cleanedOnce('name', source.name);
    const notify = !deleted && source.notify && source.email !== null;
    const comment: CollectedComment = {
      seq: this.comments.length,
      sourceId: source.sourceId,
      threadKey: source.threadKey,
      parentSourceId: source.parentSourceId,
      status: source.status,
      hash: '',
      // A deleted comment keeps its place in the tree, not its content or personal data (as on deletion in Kommentar).
      name: deleted ? null : isAuthor && !decided ? (name ?? this.site.authorName) : name,
      url: deleted ? null : this.cleanedOnce('url', source.url),
      preferredId: source.preferredId,
      createdAt: source.createdAt,
      at: source.at,
    };
    this.comments.push(comment);
    if (this.stored.has(source.sourceId)) {
      comment.hash = sourceHash(source.text);
      return;
    }
    const key = isAuthor ? this.authorKey : decided ? (source.commenterKey ?? null) : this.keyOf(source.email, source.account);
    if (this.batch.kind !== source.text.kind) this.flush();
    this.batch.kind = source.text.kind;
    // In the staging order of db/imports.ts.
    this.batch.items.push([
      comment.seq,
      source.text.text,
      comment.status,
      comment.name,
      comment.url,
      notify ? source.email : null,
      key,
      isAuthor ? 1 : 0,
      notify ? 1 : 0,
      source.createdAt,
      source.editedAt,
      source.source ?? 'site',
      // Kept for a deleted one too: it is how the poller recognises the reply and does not bring it back.
      source.sourceUrl ? this.cleanedOnce('url', source.sourceUrl) : null,
      source.acknowledgedAt ?? null,
      source.sourceId,
    ]);
    if (this.batch.items.length >= BATCH) this.flush();
  }

  private flush(): void {
    const { kind, items } = this.batch;
    this.batch = { kind, items: [] };
    const pool = this.pool;
    if (items.length === 0 || !pool) return;
    this.waiting++;
    this.conversions.push(
      pool
        .stage(kind, items)
        .catch((error: Error) => {
          this.failure ??= error;
        })
        .finally(() => {
          this.waiting--;
          this.wake?.();
        }),
    );
  }

  async ready(): Promise<void> {
    while (this.waiting > MAX_WAITING_BATCHES) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }

  /** Waits until every new comment is converted and staged. */
  async finish(): Promise<void> {
    this.flush();
    await Promise.all(this.conversions);
    if (this.failure) throw this.failure;
  }
}
