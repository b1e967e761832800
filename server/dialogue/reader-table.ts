/**
 * Compact per-reader state for the site level: a few numbers per reader, never their
 * comments, so a million comments from 100,000 readers stay small. One object per reader
 * (not parallel arrays) so that updating a reader touches one or two cache lines.
 */
import { DAY_MS, utcDay } from './time.js';

const RETURN_WINDOW_MS = 90 * DAY_MS;

/** What one post tells the site about one of its readers: a post's own ReaderState, or the same numbers read back from a snapshot. */
export type ReaderPart = Pick<ReaderState, 'comments' | 'firstAt' | 'firstId' | 'laterDayAt' | 'name' | 'nameAt' | 'nameId' | 'authorExchanges' | 'months'>;

export class ReaderState {
  /** Time and id of the first counted comment (time order breaks ties by id). */
  firstAt = Infinity;
  firstId = Infinity;
  /** Earliest counted comment on a UTC day after the first comment's day; Infinity if none. */
  laterDayAt = Infinity;
  comments = 0;
  /** Posts merged in (site level); 0 for a post's own state. */
  posts = 0;
  authorExchanges = 0;
  /** Latest display name given, with the (time, id) of the comment that carried it. */
  name: string | null = null;
  nameAt = -Infinity;
  nameId = -Infinity;
  /** The UTC months (from `UtcMonths`) with a counted comment, each once; usually a handful. */
  readonly months: number[] = [];
  /** The month of the previous comment: a cheap check before searching `months`. */
  lastMonth = NaN;

  /** Records one counted comment, in `month`. */
  addComment(createdAt: number, id: number, name: string | null, month: number): void {
    this.comments++;
    if (month !== this.lastMonth) {
      this.lastMonth = month;
      this.#addMonth(month);
    }
    this.#trackFirstAndReturn(createdAt, id, Infinity);
    this.#trackName(name, createdAt, id);
  }

  /**
   * Folds in what one post knows of this reader (each post once): the result is the same as
   * adding that post's comments one by one, whatever order the posts come in.
   */
  merge(part: ReaderPart): void {
    this.comments += part.comments;
    this.posts++;
    this.authorExchanges += part.authorExchanges;
    for (const month of part.months) this.#addMonth(month);
    this.#trackFirstAndReturn(part.firstAt, part.firstId, part.laterDayAt);
    this.#trackName(part.name, part.nameAt, part.nameId);
  }

  /** Another counted comment on a later UTC day and at most 90 × 24 h after the first. */
  get returnedWithin90d(): boolean {
    return this.laterDayAt - this.firstAt <= RETURN_WINDOW_MS;
  }

  #addMonth(month: number): void {
    if (!this.months.includes(month)) this.months.push(month);
  }

  #trackName(name: string | null, at: number, id: number): void {
    if (name !== null && name !== '' && laterThan(at, id, this.nameAt, this.nameId)) {
      this.name = name;
      this.nameAt = at;
      this.nameId = id;
    }
  }

  /**
   * Keeps the first comment and the earliest one on a later UTC day in O(1), whatever order
   * the comments come in, for a group of comments given as its first (createdAt, id) and
   * its own earliest comment on a later day than that (Infinity for a single comment).
   * When an earlier day turns up, the old first comment is the earliest comment on a later
   * day among the old ones (it was the earliest of all); the group's own later one may be earlier.
   */
  #trackFirstAndReturn(createdAt: number, id: number, laterDayAt: number): void {
    const first = this.firstAt;
    if (first === Infinity) {
      this.firstAt = createdAt;
      this.firstId = id;
      this.laterDayAt = laterDayAt;
      return;
    }
    const day = utcDay(createdAt);
    const firstDay = utcDay(first);
    if (day < firstDay) {
      this.laterDayAt = Math.min(first, laterDayAt);
      this.firstAt = createdAt;
      this.firstId = id;
    } else if (day === firstDay) {
      if (laterThan(first, this.firstId, createdAt, id)) {
        this.firstAt = createdAt;
        this.firstId = id;
      }
      if (laterDayAt < this.laterDayAt) this.laterDayAt = laterDayAt;
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
