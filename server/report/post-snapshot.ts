/**
 * A post's contribution to the report as bytes, for a snapshot (layout: packed-bytes.ts): the
 * post's row, its months and delays as JSON; the packed readers' floats; as ints, one per
 * reader (its id) then the packed ints; the readers' names.
 */
import type { PostContribution } from '../dialogue/index.js';
import { decodePacked, encodePacked } from './packed-bytes.js';

/** Bump when the layout or what a contribution holds changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 2;

type Head = Omit<PostContribution, 'readers' | 'firstCommentAt'> & { firstCommentAt: number | null };

export function encodeContribution(c: PostContribution, readerIds: Int32Array): Uint8Array {
  const { readers, ...rest } = c;
  const head: Head = { ...rest, firstCommentAt: Number.isNaN(c.firstCommentAt) ? null : c.firstCommentAt };
  const ints = new Int32Array(readerIds.length + readers.ints.length);
  ints.set(readerIds);
  ints.set(readers.ints, readerIds.length);
  return encodePacked({ head, floats: readers.floats, ints, names: readers.names, count: readerIds.length });
}

/** `data` must start at a multiple of 8 bytes in its buffer. */
export function decodeContribution(data: Uint8Array): { contribution: PostContribution; readerIds: Int32Array } {
  const { head, floats, ints, names, count } = decodePacked<Head>(data);
  const { firstCommentAt, ...rest } = head;
  return {
    contribution: { ...rest, firstCommentAt: firstCommentAt ?? NaN, readers: { ints: ints.subarray(count), floats, names } },
    readerIds: ints.subarray(0, count),
  };
}
