/**
 * Compact per-reader state: a few numbers per reader, never their comments, so a million
 * comments from 100,000 readers stay small. Readers are small integer ids and every number
 * a column (typed arrays), so folding in a post's readers allocates nothing per reader.
 *
 * One table per post (ids local to the post, one comment at a time) and one for the site
 * (ids the caller keeps consistent across posts, one post's packed readers at a time).
 */
import { DAY_MS, utcDay } from './time.js';

const RETURN_WINDOW_MS = 90 * DAY_MS;

/**
 * A post's readers as they travel to the site table (and into a snapshot), in id order.
 * Most readers write once in a post, so they take a short form: ints [1, authorExchanges, month],
 * floats [createdAt, comment id]. Everyone else: ints
 * [comments, authorExchanges, months.length, …months], floats [firstAt, firstId, laterDayAt,
 * nameAt, nameId]. Names apart (strings); comment ids and times as float64s, as they may pass 2^31.
 */
export interface PackedReaders {
  ints: Int32Array;
  floats: Float64Array;
  names: ReaderNames;
}

/** Names by position (a post's readers, in order): a snapshot decodes one only when it is asked for. */
export interface ReaderNames {
  /** Whether the i-th gave a (non-empty) name. */
  has(i: number): boolean;
  /** The i-th name; null when none. */
  at(i: number): string | null;
}

/** Names held as strings. */
export class NameList implements ReaderNames {
  constructor(readonly names: readonly (string | null)[]) {}
  has(i: number): boolean {
    const name = this.names[i];
    return name !== null && name !== undefined && name !== '';
  }
  at(i: number): string | null {
    return this.has(i) ? this.names[i]! : null;
  }
}

export class ReaderTable {
  #capacity = 0;
  /** Counted comments; 0 = no such reader (yet). */
  #comments = new Int32Array(0);
  /** Posts merged in (site table only). */
  #posts = new Int32Array(0);
  #authorExchanges = new Int32Array(0);
  /** Time and id of the first counted comment (time order breaks ties by id). */
  #firstAt = new Float64Array(0);
  #firstId = new Float64Array(0);
  /** Earliest counted comment on a UTC day after the first comment's day; Infinity if none. */
  #laterDayAt = new Float64Array(0);
  /** Latest display name given (where to find it), with the (time, id) of the comment that carried it. */
  #nameSource: (ReaderNames | null)[] = [];
  #nameIndex = new Int32Array(0);
  #nameAt = new Float64Array(0);
  #nameId = new Float64Array(0);
  /** The UTC months (from `UtcMonths`) with a counted comment, each once; usually a handful. */
  #months: number[][] = [];
  #size = 0;
  /** The names of the comments added one by one (a post's table). */
  readonly #commentNames: string[] = [];
  readonly #commentNameList = new NameList(this.#commentNames);

  /** `capacity`: room for ids 0 … capacity − 1 from the start (a post's table knows its readers). */
  constructor(capacity = 0) {
    if (capacity > 0) this.#grow(capacity - 1, capacity);
  }

  /** Readers with at least one counted comment. */
  get size(): number {
    return this.#size;
  }

  /** Records one counted comment of reader `id` in `month`. */
  addComment(id: number, createdAt: number, commentId: number, name: string | null, month: number): void {
    const named = name !== null && name !== '';
    if (named) this.#commentNames.push(name);
    this.#add(id, 1, createdAt, commentId, Infinity, named ? this.#commentNameList : null, this.#commentNames.length - 1, createdAt, commentId, 0);
    const months = this.#months[id]!;
    if (months[months.length - 1] !== month && !months.includes(month)) months.push(month);
  }

  addAuthorExchanges(id: number, exchanges: number): void {
    this.#grow(id);
    this.#authorExchanges[id]! += exchanges;
  }

  /** Readers 1 … size in packed form (a post table's, whose ids are 1 … size). */
  pack(): PackedReaders {
    let intCount = 0;
    let floatCount = 0;
    for (let id = 1; id <= this.#size; id++) {
      const single = this.#comments[id] === 1;
      intCount += single ? 3 : 3 + this.#months[id]!.length;
      floatCount += single ? 2 : 5;
    }
    const ints = new Int32Array(intCount);
    const floats = new Float64Array(floatCount);
    const names: (string | null)[] = [];
    let i = 0;
    let f = 0;
    for (let id = 1; id <= this.#size; id++) {
      ints[i++] = this.#comments[id]!;
      ints[i++] = this.#authorExchanges[id]!;
      floats[f++] = this.#firstAt[id]!;
      floats[f++] = this.#firstId[id]!;
      const months = this.#months[id]!;
      if (this.#comments[id] === 1) {
        ints[i++] = months[0]!;
      } else {
        ints[i++] = months.length;
        for (const month of months) ints[i++] = month;
        floats[f++] = this.#laterDayAt[id]!;
        floats[f++] = this.#nameAt[id]!;
        floats[f++] = this.#nameId[id]!;
      }
      names.push(this.name(id));
    }
    return { ints, floats, names: new NameList(names) };
  }

  /**
   * Folds in one post's packed readers, the i-th as reader `ids[i]`: the result is the same
   * as adding that post's comments one by one, whatever order the posts come in.
   */
  mergePacked(ids: Int32Array, { ints, floats, names }: PackedReaders): void {
    let i = 0;
    let f = 0;
    for (let r = 0; r < ids.length; r++) {
      const id = ids[r]!;
      const comments = ints[i++]!;
      const authorExchanges = ints[i++]!;
      const firstAt = floats[f++]!;
      const firstId = floats[f++]!;
      this.#grow(id);
      const months = this.#months[id]!;
      if (comments === 1) {
        this.#add(id, 1, firstAt, firstId, Infinity, names, r, firstAt, firstId, authorExchanges);
        const month = ints[i++]!;
        if (!months.includes(month)) months.push(month);
      } else {
        const end = i + 1 + ints[i]!;
        for (i++; i < end; i++) if (!months.includes(ints[i]!)) months.push(ints[i]!);
        this.#add(id, comments, firstAt, firstId, floats[f++]!, names, r, floats[f++]!, floats[f++]!, authorExchanges);
      }
      this.#posts[id]!++;
    }
  }

  /** The ids of readers with a counted comment, in id order (which no output depends on). */
  *ids(): IterableIterator<number> {
    for (let id = 0; id < this.#capacity; id++) if (this.#comments[id] !== 0) yield id;
  }

  comments(id: number): number {
    return this.#comments[id]!;
  }
  posts(id: number): number {
    return this.#posts[id]!;
  }
  authorExchanges(id: number): number {
    return this.#authorExchanges[id]!;
  }
  firstAt(id: number): number {
    return this.#firstAt[id]!;
  }
  firstId(id: number): number {
    return this.#firstId[id]!;
  }
  name(id: number): string | null {
    return this.#nameSource[id]?.at(this.#nameIndex[id]!) ?? null;
  }
  months(id: number): readonly number[] {
    return this.#months[id]!;
  }
  /** Another counted comment on a later UTC day and at most 90 × 24 h after the first. */
  returnedWithin90d(id: number): boolean {
    return this.#laterDayAt[id]! - this.#firstAt[id]! <= RETURN_WINDOW_MS;
  }

  /**
   * Adds a group of `comments` counted comments of reader `id`, given by their first one, its
   * earliest on a later day, and the latest name (the `nameIndex`-th of `names`; none: null).
   */
  #add(
    id: number,
    comments: number,
    firstAt: number,
    firstId: number,
    laterDayAt: number,
    names: ReaderNames | null,
    nameIndex: number,
    nameAt: number,
    nameId: number,
    authorExchanges: number,
  ): void {
    this.#grow(id);
    if (this.#comments[id] === 0) this.#size++;
    this.#comments[id]! += comments;
    this.#authorExchanges[id]! += authorExchanges;
    this.#trackFirstAndReturn(id, firstAt, firstId, laterDayAt);
    if (names?.has(nameIndex) && laterThan(nameAt, nameId, this.#nameAt[id]!, this.#nameId[id]!)) {
      this.#nameSource[id] = names;
      this.#nameIndex[id] = nameIndex;
      this.#nameAt[id] = nameAt;
      this.#nameId[id] = nameId;
    }
  }

  /**
   * Keeps the first comment and the earliest one on a later UTC day in O(1), whatever order
   * the groups come in. When an earlier day turns up, the old first comment is the earliest
   * on a later day among the old ones (it was the earliest of all); the group's own may be earlier.
   */
  #trackFirstAndReturn(id: number, createdAt: number, commentId: number, laterDayAt: number): void {
    const first = this.#firstAt[id]!;
    if (first === Infinity) {
      this.#firstAt[id] = createdAt;
      this.#firstId[id] = commentId;
      this.#laterDayAt[id] = laterDayAt;
      return;
    }
    const day = utcDay(createdAt);
    const firstDay = utcDay(first);
    if (day < firstDay) {
      this.#laterDayAt[id] = Math.min(first, laterDayAt);
      this.#firstAt[id] = createdAt;
      this.#firstId[id] = commentId;
    } else if (day === firstDay) {
      if (laterThan(first, this.#firstId[id]!, createdAt, commentId)) {
        this.#firstAt[id] = createdAt;
        this.#firstId[id] = commentId;
      }
      if (laterDayAt < this.#laterDayAt[id]!) this.#laterDayAt[id] = laterDayAt;
    } else if (createdAt < this.#laterDayAt[id]!) {
      this.#laterDayAt[id] = createdAt;
    }
  }

  /** Room for reader `id`: columns double as ids grow. */
  #grow(id: number, exactly?: number): void {
    if (id < this.#capacity) return;
    const capacity = exactly ?? Math.max(id + 1, this.#capacity * 2, 64);
    const ints = (old: Int32Array) => {
      const grown = new Int32Array(capacity);
      grown.set(old);
      return grown;
    };
    const floats = (old: Float64Array, fill: number) => {
      const grown = new Float64Array(capacity).fill(fill);
      grown.set(old);
      return grown;
    };
    this.#comments = ints(this.#comments);
    this.#posts = ints(this.#posts);
    this.#authorExchanges = ints(this.#authorExchanges);
    this.#firstAt = floats(this.#firstAt, Infinity);
    this.#firstId = floats(this.#firstId, Infinity);
    this.#laterDayAt = floats(this.#laterDayAt, Infinity);
    this.#nameAt = floats(this.#nameAt, -Infinity);
    this.#nameId = floats(this.#nameId, -Infinity);
    this.#nameIndex = ints(this.#nameIndex);
    for (let i = this.#capacity; i < capacity; i++) {
      this.#nameSource.push(null);
      this.#months.push([]);
    }
    this.#capacity = capacity;
  }
}

/** (at, id) comes after (otherAt, otherId) in time order. */
function laterThan(at: number, id: number, otherAt: number, otherId: number): boolean {
  return at > otherAt || (at === otherAt && id > otherId);
}
