/**
 * The packed form of a post's readers: how they travel from the post's table to the
 * site's (and into a snapshot), numbers in two typed arrays and names apart.
 */

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

/** One reader of a post's packed readers, unfolded. */
export interface PackedEntry {
  id: number;
  comments: number;
  authorExchanges: number;
  firstAt: number;
  firstId: number;
  laterDayAt: number;
  names: ReaderNames;
  index: number;
  nameAt: number;
  nameId: number;
  months: number[];
}

/** A post's packed readers as one object each (for taking a post's part back out of a table, where few pass). */
export function unpack(ids: Int32Array, { ints, floats, names }: PackedReaders): PackedEntry[] {
  const entries: PackedEntry[] = [];
  let i = 0;
  let f = 0;
  for (let r = 0; r < ids.length; r++) {
    const comments = ints[i++]!;
    const authorExchanges = ints[i++]!;
    const firstAt = floats[f++]!;
    const firstId = floats[f++]!;
    const base = { id: ids[r]!, comments, authorExchanges, firstAt, firstId, names, index: r };
    if (comments === 1) {
      entries.push({ ...base, laterDayAt: Infinity, nameAt: firstAt, nameId: firstId, months: [ints[i++]!] });
    } else {
      const count = ints[i++]!;
      entries.push({ ...base, laterDayAt: floats[f++]!, nameAt: floats[f++]!, nameId: floats[f++]!, months: Array.from(ints.subarray(i, i + count)) });
      i += count;
    }
  }
  return entries;
}
