/**
 * A post's contribution to the report as bytes, for a snapshot: what is small and varied
 * (the post's row, its months and delays, reader keys and names) as JSON, the per-reader
 * numbers as float64s after it, which read back without parsing.
 * Layout: u32 length of the JSON, the JSON (UTF-8), zero padding to 8 bytes, the float64s.
 */
import type { PostContribution, ReaderPart } from '../dialogue/index.js';

/** Bump when the layout or what a contribution holds changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 1;

interface Head {
  report: PostContribution['report'];
  firstCommentAt: number | null;
  authorReplyDelays: PostContribution['authorReplyDelays'];
  commentMonths: PostContribution['commentMonths'];
  exchangeMonths: PostContribution['exchangeMonths'];
  authorMonths: number[];
  readerKeys: string[];
  names: (string | null)[];
}

/** Per reader: comments, firstAt, firstId, laterDayAt, nameAt, nameId, authorExchanges, the number of months, then the months. */
const FIXED = 8;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeContribution(c: PostContribution): Uint8Array {
  const head: Head = {
    report: c.report,
    firstCommentAt: Number.isNaN(c.firstCommentAt) ? null : c.firstCommentAt,
    authorReplyDelays: c.authorReplyDelays,
    commentMonths: c.commentMonths,
    exchangeMonths: c.exchangeMonths,
    authorMonths: c.authorMonths,
    readerKeys: c.readerKeys,
    names: c.readers.map((r) => r.name),
  };
  const json = encoder.encode(JSON.stringify(head));
  let count = 0;
  for (const r of c.readers) count += FIXED + r.months.length;
  const offset = align8(4 + json.length);
  const bytes = new Uint8Array(offset + count * 8);
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  const numbers = new Float64Array(bytes.buffer, offset, count);
  let k = 0;
  for (const r of c.readers) {
    // Infinity and -Infinity (no later day, no name) are float64s like any other.
    numbers[k++] = r.comments;
    numbers[k++] = r.firstAt;
    numbers[k++] = r.firstId;
    numbers[k++] = r.laterDayAt;
    numbers[k++] = r.nameAt;
    numbers[k++] = r.nameId;
    numbers[k++] = r.authorExchanges;
    numbers[k++] = r.months.length;
    for (const month of r.months) numbers[k++] = month;
  }
  return bytes;
}

export function decodeContribution(data: ArrayBuffer): PostContribution {
  const jsonLength = new DataView(data).getUint32(0, true);
  const head = JSON.parse(decoder.decode(new Uint8Array(data, 4, jsonLength))) as Head;
  const offset = align8(4 + jsonLength);
  const numbers = new Float64Array(data, offset, (data.byteLength - offset) / 8);
  const readers: ReaderPart[] = [];
  let k = 0;
  for (const name of head.names) {
    const comments = numbers[k++]!;
    const firstAt = numbers[k++]!;
    const firstId = numbers[k++]!;
    const laterDayAt = numbers[k++]!;
    const nameAt = numbers[k++]!;
    const nameId = numbers[k++]!;
    const authorExchanges = numbers[k++]!;
    const months = Array.from(numbers.subarray(k + 1, k + 1 + numbers[k]!));
    k += 1 + months.length;
    readers.push({ comments, firstAt, firstId, laterDayAt, name, nameAt, nameId, authorExchanges, months });
  }
  return {
    report: head.report,
    firstCommentAt: head.firstCommentAt ?? NaN,
    authorReplyDelays: head.authorReplyDelays,
    commentMonths: head.commentMonths,
    exchangeMonths: head.exchangeMonths,
    authorMonths: head.authorMonths,
    readerKeys: head.readerKeys,
    readers,
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
