/**
 * Compact per-reader state: a few numbers per reader, never their comments, so a million
 * comments from 100,000 readers stay small. Readers are small integer ids and every number
 * a column (typed arrays), so folding in a post's readers allocates nothing per reader.
 *
 * One table per post (ids local to the post, one comment at a time) and one for the site
 * (ids the caller keeps consistent across posts, one post's packed readers at a time).
 */
import { NameList, unpack, type PackedEntry, type PackedReaders, type ReaderNames } from './packed-readers.js';
import { DAY_MS, utcDay } from './time.js';

const RETURN_WINDOW_MS = 90 * DAY_MS;

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
  /**
   * Latest display name given (the name itself, or where to find it in names not decoded yet),
   * with the (time, id) of the comment that carried it.
   */
  #nameSource: (ReaderNames | string | null)[] = [];
  #nameIndex = new Int32Array(0);
  #nameAt = new Float64Array(0);
  #nameId = new Float64Array(0);
  /** The UTC months (from `UtcMonths`) with a counted comment, each once; usually a handful. */
  #months: number[][] = [];
  /** Site table: per month of `#months`, the posts in which the reader commented in it (so a post can be taken out again). */
  #monthPosts: number[][] = [];
  /**
   * A site table read back (`fromColumns`) leaves each reader's months in the stored ints until
   * they change (`#stored[#storedAt[id]]` months, then their post counts; `#months[id]` is then
   * STORED), so reading it back makes no two lists per reader.
   */
  #stored: Int32Array | null = null;
  #storedAt = new Int32Array(0);
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
    if (months === NO_MONTHS) this.#months[id] = [month];
    else if (months[months.length - 1] !== month && !months.includes(month)) months.push(month);
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
   * as adding that post's comments one by one, whatever order the posts come in. Reads the
   * packed form in place rather than through `unpack`: a site's fold passes every reader of
   * every post through here, and an object per reader would be most of its cost.
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
      if (comments === 1) {
        this.#add(id, 1, firstAt, firstId, Infinity, names, r, firstAt, firstId, authorExchanges);
        this.#countMonth(id, ints[i++]!, 1);
      } else {
        const end = i + 1 + ints[i]!;
        for (i++; i < end; i++) this.#countMonth(id, ints[i]!, 1);
        this.#add(id, comments, firstAt, firstId, floats[f++]!, names, r, floats[f++]!, floats[f++]!, authorExchanges);
      }
      this.#posts[id]!++;
    }
  }

  /**
   * Replaces one post's readers (`before`, as merged earlier) by what the post holds now
   * (`after`), without the other posts: sums and months are taken back exactly; the first
   * comment, the return and the latest name only where the post's new readers keep (or
   * improve on) what its old ones gave, or where the post was the reader's only one. Returns
   * false, changing nothing, when that is not so (a reader lost an earlier comment or a
   * name, or left a post they shared with others): then only a fold over every post is right.
   */
  replacePacked(before: { ids: Int32Array; readers: PackedReaders }, after: { ids: Int32Array; readers: PackedReaders }): boolean {
    const old = unpack(before.ids, before.readers);
    const next = new Map(unpack(after.ids, after.readers).map((entry) => [entry.id, entry]));
    const scratch = new ReaderTable(1);
    for (const o of old) {
      const posts = o.id < this.#capacity ? this.#posts[o.id]! : 0;
      if (posts === 0) return false;
      if (posts === 1) continue;
      const n = next.get(o.id);
      if (n === undefined) return false;
      // The old part adds nothing to the new one: folding it in too changes neither the first comment nor the return.
      scratch.#reset(0);
      scratch.#addEntry(0, n);
      const [firstAt, firstId, laterDayAt] = [scratch.#firstAt[0], scratch.#firstId[0], scratch.#laterDayAt[0]];
      scratch.#addEntry(0, o);
      if (scratch.#firstAt[0] !== firstAt || scratch.#firstId[0] !== firstId || scratch.#laterDayAt[0] !== laterDayAt) return false;
      if (o.names.has(o.index) && (!n.names.has(n.index) || laterThan(o.nameAt, o.nameId, n.nameAt, n.nameId))) return false;
    }
    for (const o of old) {
      if (this.#posts[o.id] === 1) {
        this.#reset(o.id);
        continue;
      }
      this.#comments[o.id]! -= o.comments;
      this.#authorExchanges[o.id]! -= o.authorExchanges;
      this.#posts[o.id]!--;
      for (const month of o.months) this.#countMonth(o.id, month, -1);
    }
    for (const n of next.values()) {
      this.#grow(n.id);
      this.#addEntry(n.id, n);
      for (const month of n.months) this.#countMonth(n.id, month, 1);
      this.#posts[n.id]!++;
    }
    return true;
  }

  /** The site table as columns, for storage (`fromColumns` reads them back): readers in id order. */
  columns(): ReaderColumns {
    let intCount = 0;
    for (const id of this.ids()) intCount += 5 + 2 * this.months(id).length;
    const ints = new Int32Array(intCount);
    const floats = new Float64Array(this.#size * 5);
    const names: (string | null)[] = [];
    let i = 0;
    let f = 0;
    for (const id of this.ids()) {
      ints[i++] = id;
      ints[i++] = this.#comments[id]!;
      ints[i++] = this.#posts[id]!;
      ints[i++] = this.#authorExchanges[id]!;
      const months = this.months(id);
      ints[i++] = months.length;
      ints.set(months, i);
      ints.set(this.#postsPerMonth(id), i + months.length);
      i += 2 * months.length;
      floats[f++] = this.#firstAt[id]!;
      floats[f++] = this.#firstId[id]!;
      floats[f++] = this.#laterDayAt[id]!;
      floats[f++] = this.#nameAt[id]!;
      floats[f++] = this.#nameId[id]!;
      names.push(this.name(id));
    }
    return { ints, floats, names: new NameList(names) };
  }

  /** A site table from `columns()`. */
  static fromColumns({ ints, floats, names }: ReaderColumns): ReaderTable {
    const table = new ReaderTable();
    let lastId = -1;
    for (let i = 0; i < ints.length; i += 5 + 2 * ints[i + 4]!) lastId = ints[i]!;
    // Room for a few new readers (new ids come after the stored ones), so one more does not copy every column.
    table.#grow(lastId, lastId + 1 + (lastId >> 6) + 64);
    table.#stored = ints;
    table.#storedAt = new Int32Array(lastId + 1);
    let i = 0;
    let f = 0;
    for (let r = 0; i < ints.length; r++) {
      const id = ints[i]!;
      table.#size++;
      table.#comments[id] = ints[i + 1]!;
      table.#posts[id] = ints[i + 2]!;
      table.#authorExchanges[id] = ints[i + 3]!;
      table.#storedAt[id] = i + 4;
      table.#months[id] = STORED;
      i += 5 + 2 * ints[i + 4]!;
      table.#firstAt[id] = floats[f++]!;
      table.#firstId[id] = floats[f++]!;
      table.#laterDayAt[id] = floats[f++]!;
      table.#nameAt[id] = floats[f++]!;
      table.#nameId[id] = floats[f++]!;
      if (names.has(r)) {
        table.#nameSource[id] = names;
        table.#nameIndex[id] = r;
      }
    }
    return table;
  }

  /** The ids of readers with a counted comment, in id order (which no output depends on). */
  ids(): Int32Array {
    const ids = new Int32Array(this.#size);
    let n = 0;
    for (let id = 0; id < this.#capacity; id++) if (this.#comments[id] !== 0) ids[n++] = id;
    return ids;
  }

  /**
   * The site-wide counts over every reader in one pass over the columns (a site has 100,000):
   * comments, and of readers in two posts or more; per month (`monthOf` their first comment's
   * time) the newcomers and those of them back within 90 days; per month, the readers active.
   * Every reader's months lie in `first` … `last` (the months with a counted comment).
   */
  tally(monthOf: (at: number) => number, first: number, last: number): ReaderTally {
    const span = Math.max(last - first + 1, 0);
    const tally: ReaderTally = {
      readerComments: 0,
      returningCommenters: 0,
      returningComments: 0,
      first,
      newcomers: new Int32Array(span),
      returned: new Int32Array(span),
      active: new Int32Array(span),
    };
    const comments = this.#comments;
    const stored = this.#stored;
    for (let id = 0; id < this.#capacity; id++) {
      const count = comments[id]!;
      if (count === 0) continue;
      tally.readerComments += count;
      if (this.#posts[id]! >= 2) {
        tally.returningCommenters++;
        tally.returningComments += count;
      }
      const month = monthOf(this.#firstAt[id]!) - first;
      tally.newcomers[month]!++;
      if (this.returnedWithin90d(id)) tally.returned[month]!++;
      const months = this.#months[id]!;
      if (months === STORED) {
        const at = this.#storedAt[id]!;
        for (let i = at + 1, end = at + 1 + stored![at]!; i < end; i++) tally.active[stored![i]! - first]!++;
      } else {
        for (const active of months) tally.active[active - first]!++;
      }
    }
    return tally;
  }

  /** The readers with at least `min` exchanges with the author. */
  withAuthorExchanges(min: number): number[] {
    const ids: number[] = [];
    for (let id = 0; id < this.#capacity; id++) if (this.#comments[id] !== 0 && this.#authorExchanges[id]! >= min) ids.push(id);
    return ids;
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
    const source = this.#nameSource[id];
    return typeof source === 'string' ? source : (source?.at(this.#nameIndex[id]!) ?? null);
  }
  months(id: number): ArrayLike<number> & Iterable<number> {
    const months = this.#months[id]!;
    if (months !== STORED) return months;
    const at = this.#storedAt[id]!;
    return this.#stored!.subarray(at + 1, at + 1 + this.#stored![at]!);
  }

  /** Per month of `months(id)`, the posts with a comment of the reader in it (site table). */
  #postsPerMonth(id: number): ArrayLike<number> {
    if (this.#months[id] !== STORED) return this.#monthPosts[id]!;
    const at = this.#storedAt[id]!;
    const count = this.#stored![at]!;
    return this.#stored!.subarray(at + 1 + count, at + 1 + 2 * count);
  }
  /** Another counted comment on a later UTC day and at most 90 × 24 h after the first. */
  returnedWithin90d(id: number): boolean {
    return this.#laterDayAt[id]! - this.#firstAt[id]! <= RETURN_WINDOW_MS;
  }

  #addEntry(id: number, e: PackedEntry): void {
    this.#add(id, e.comments, e.firstAt, e.firstId, e.laterDayAt, e.names, e.index, e.nameAt, e.nameId, e.authorExchanges);
  }

  /** `by` more (or fewer) posts in which reader `id` commented in `month`; a month no post has left is dropped. */
  #countMonth(id: number, month: number, by: number): void {
    // Shared lists (the stored ones, the empty one) are copied before the first change.
    if (this.#months[id] === STORED || this.#months[id] === NO_MONTHS) {
      this.#monthPosts[id] = Array.from(this.#postsPerMonth(id));
      this.#months[id] = Array.from(this.months(id));
    }
    const months = this.#months[id]!;
    const counts = this.#monthPosts[id]!;
    const at = months.indexOf(month);
    if (at === -1) {
      // New lists of the exact length: a list pushed to keeps room for 16 more, and over 100,000
      // readers' two lists that room was half of a cold report's live heap.
      this.#months[id] = months.concat(month);
      this.#monthPosts[id] = counts.concat(by);
    } else if ((counts[at]! += by) === 0) {
      months.splice(at, 1);
      counts.splice(at, 1);
    }
  }

  /** Reader `id` as if never added. */
  #reset(id: number): void {
    if (this.#comments[id] !== 0) this.#size--;
    this.#comments[id] = 0;
    this.#posts[id] = 0;
    this.#authorExchanges[id] = 0;
    this.#firstAt[id] = Infinity;
    this.#firstId[id] = Infinity;
    this.#laterDayAt[id] = Infinity;
    this.#nameAt[id] = -Infinity;
    this.#nameId[id] = -Infinity;
    this.#nameSource[id] = null;
    this.#nameIndex[id] = 0;
    this.#months[id] = NO_MONTHS;
    this.#monthPosts[id] = NO_MONTHS;
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
    // Ties are the same comment (ids are unique), read again after a change: the newer reading wins.
    if (names?.has(nameIndex) && !laterThan(this.#nameAt[id]!, this.#nameId[id]!, nameAt, nameId)) {
      // A name already a string is kept alone: keeping its list would keep every name of the post
      // (in a cold report, 470,000 strings for 97,000 readers).
      this.#nameSource[id] = names instanceof NameList ? names.at(nameIndex) : names;
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
    // One shared empty list for every new slot (a list each made growing a site's table cost more than the rest).
    this.#nameSource.length = capacity;
    this.#nameSource.fill(null, this.#capacity);
    this.#months.length = capacity;
    this.#months.fill(NO_MONTHS, this.#capacity);
    this.#monthPosts.length = capacity;
    this.#monthPosts.fill(NO_MONTHS, this.#capacity);
    this.#capacity = capacity;
  }
}

/** (at, id) comes after (otherAt, otherId) in time order. */
function laterThan(at: number, id: number, otherAt: number, otherId: number): boolean {
  return at > otherAt || (at === otherAt && id > otherId);
}

/** ReaderTable.tally: per month counts are indexed by the `UtcMonths` index less `first`. */
export interface ReaderTally {
  readerComments: number;
  returningCommenters: number;
  returningComments: number;
  first: number;
  newcomers: Int32Array;
  returned: Int32Array;
  active: Int32Array;
}

/** Marks a reader whose months are still in the stored columns (frozen: a write in place would throw, not spread). */
const STORED = Object.freeze([]) as unknown as number[];
/** The months of a reader with none yet: shared, so frozen. */
const NO_MONTHS = Object.freeze([]) as unknown as number[];

/** A site table as stored: per reader ints [id, comments, posts, authorExchanges, months.length, …months, …posts per month], floats [firstAt, firstId, laterDayAt, nameAt, nameId], its name by position. */
export interface ReaderColumns {
  ints: Int32Array;
  floats: Float64Array;
  names: ReaderNames;
}
