/**
 * A post's contribution to the report as bytes, for a snapshot: what is small and varied
 * (the post's row, its months and delays, reader names) as JSON, the packed readers' numbers
 * as typed arrays after it, which read back without parsing.
 * Layout: u32 length of the JSON, u32 count of the ints, the JSON (UTF-8), zero padding to
 * 8 bytes, the packed floats, then the ints: one per reader (its id), then the packed ints.
 */
import type { PostContribution } from '../dialogue/index.js';

/** Bump when the layout or what a contribution holds changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 1;

type Head = Omit<PostContribution, 'readers' | 'firstCommentAt'> & { firstCommentAt: number | null; names: (string | null)[] };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeContribution(c: PostContribution, readerIds: Int32Array): Uint8Array {
  const { readers, ...rest } = c;
  const head: Head = { ...rest, firstCommentAt: Number.isNaN(c.firstCommentAt) ? null : c.firstCommentAt, names: readers.names };
  const json = encoder.encode(JSON.stringify(head));
  const offset = align8(8 + json.length);
  const intCount = readerIds.length + readers.ints.length;
  const bytes = new Uint8Array(offset + readers.floats.length * 8 + intCount * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, intCount, true);
  bytes.set(json, 8);
  new Float64Array(bytes.buffer, offset, readers.floats.length).set(readers.floats);
  const ints = new Int32Array(bytes.buffer, offset + readers.floats.length * 8, intCount);
  ints.set(readerIds);
  ints.set(readers.ints, readerIds.length);
  return bytes;
}

export function decodeContribution(data: ArrayBuffer): { contribution: PostContribution; readerIds: Int32Array } {
  const view = new DataView(data);
  const jsonLength = view.getUint32(0, true);
  const intCount = view.getUint32(4, true);
  const { names, firstCommentAt, ...rest } = JSON.parse(decoder.decode(new Uint8Array(data, 8, jsonLength))) as Head;
  const offset = align8(8 + jsonLength);
  const floatCount = (data.byteLength - offset - intCount * 4) / 8;
  const floats = new Float64Array(data, offset, floatCount);
  const ints = new Int32Array(data, offset + floatCount * 8, intCount);
  return {
    contribution: { ...rest, firstCommentAt: firstCommentAt ?? NaN, readers: { ints: ints.subarray(names.length), floats, names } },
    readerIds: ints.subarray(0, names.length),
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
