/**
 * Compact per-reader state for the site level: a few numbers per reader, never their
 * comments, so a million comments from 100,000 readers stay small. One object per reader
 * (not parallel arrays) so that updating a reader touches one or two cache lines.
 */
import { DAY_MS, utcDay } from './time.js';

const RETURN_WINDOW_MS = 90 * DAY_MS;

export class ReaderState {
  /** Time and id of the first counted comment (time order breaks ties by id). */
  firstAt = Infinity;
  firstId = Infinity;
  /** Earliest counted comment on a UTC day after the first comment's day; Infinity if none. */
  laterDayAt = Infinity;
  comments = 0;
  posts = 0;
  /** Sequence number of the last post that counted for `posts`. */
  lastPost = -1;
  authorExchanges = 0;
  /** Latest display name given, with the (time, id) of the comment that carried it. */
  name: string | null = null;
  nameAt = -Infinity;
  nameId = -Infinity;
  /** The UTC months (from `UtcMonths`) with a counted comment, each once; usually a handful. */
  readonly months: number[] = [];
  /** The month of the previous comment: a cheap check before searching `months`. */
  lastMonth = NaN;

  /** Records one counted comment on post number `post` (posts arrive one at a time), in `month`. */
  addComment(createdAt: number, id: number, name: string | null, post: number, month: number): void {
    this.comments++;
    if (month !== this.lastMonth) {
      this.lastMonth = month;
      if (!this.months.includes(month)) this.months.push(month);
    }
    if (this.lastPost !== post) {
      this.lastPost = post;
      this.posts++;
    }
    this.#trackFirstAndReturn(createdAt, id);
    if (name !== null && name !== '' && laterThan(createdAt, id, this.nameAt, this.nameId)) {
      this.name = name;
      this.nameAt = createdAt;
      this.nameId = id;
    }
  }

  /** Another counted comment on a later UTC day and at most 90 × 24 h after the first. */
  get returnedWithin90d(): boolean {
    return this.laterDayAt - this.firstAt <= RETURN_WINDOW_MS;
  }

  /**
   * Keeps the first comment and the earliest one on a later UTC day in O(1), whatever order
   * the comments come in: when an earlier day turns up, the old first comment is the
   * earliest comment on a later day (it was the earliest of all).
   */
  #trackFirstAndReturn(createdAt: number, id: number): void {
    const first = this.firstAt;
    if (first === Infinity) {
      this.firstAt = createdAt;
      this.firstId = id;
      return;
    }
    const day = utcDay(createdAt);
    const firstDay = utcDay(first);
    if (day < firstDay) {
      this.laterDayAt = first;
      this.firstAt = createdAt;
      this.firstId = id;
    } else if (day === firstDay) {
      if (laterThan(first, this.firstId, createdAt, id)) {
        this.firstAt = createdAt;
        this.firstId = id;
      }
    } else if (createdAt < this.laterDayAt) {
      this.laterDayAt = createdAt;
    }
  }
}

/** Readers by key. Iteration order is first sight, which no output depends on. */
export class ReaderTable {
  readonly #byKey = new Map<string, ReaderState>();

  /** The reader's state, created on first sight. */
  get(key: string): ReaderState {
    let reader = this.#byKey.get(key);
    if (reader === undefined) {
      reader = new ReaderState();
      this.#byKey.set(key, reader);
    }
    return reader;
  }

  get size(): number {
    return this.#byKey.size;
  }

  all(): IterableIterator<ReaderState> {
    return this.#byKey.values();
  }
}

/** (at, id) comes after (otherAt, otherId) in time order. */
function laterThan(at: number, id: number, otherAt: number, otherId: number): boolean {
  return at > otherAt || (at === otherAt && id > otherId);
}
