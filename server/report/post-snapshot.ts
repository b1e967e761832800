/**
 * A post's contribution to the report as bytes, for a snapshot: what is small and varied
 * (the post's row, its months and delays) as JSON, the packed readers' numbers as typed
 * arrays after it, which read back without parsing, and reader names as UTF-8 with their
 * offsets, each decoded only if the report asks for it (a dialogue partner's).
 * Layout: u32 counts: JSON bytes, floats, readers, packed ints, name bytes, 0; the JSON
 * (UTF-8); zero padding to 8 bytes; the packed floats; the ints: one per reader (its id),
 * the packed ints, the name offsets (one more than readers); the name bytes; zero padding
 * to 8 bytes, so snapshots laid end to end stay aligned.
 */
import type { PostContribution, ReaderNames } from '../dialogue/index.js';

/** Bump when the layout or what a contribution holds changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 1;

const HEADER = 24;

type Head = Omit<PostContribution, 'readers' | 'firstCommentAt'> & { firstCommentAt: number | null };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeContribution(c: PostContribution, readerIds: Int32Array): Uint8Array {
  const { readers, ...rest } = c;
  const head: Head = { ...rest, firstCommentAt: Number.isNaN(c.firstCommentAt) ? null : c.firstCommentAt };
  const json = encoder.encode(JSON.stringify(head));
  const n = readerIds.length;
  const nameOffsets = new Int32Array(n + 1);
  const nameParts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const name = readers.names.at(i);
    const bytes = name === null ? new Uint8Array(0) : encoder.encode(name);
    nameParts.push(bytes);
    nameOffsets[i + 1] = nameOffsets[i]! + bytes.length;
  }
  const nameBytes = nameOffsets[n]!;
  const intCount = n + readers.ints.length + n + 1;
  const floatsAt = align8(HEADER + json.length);
  const intsAt = floatsAt + readers.floats.length * 8;
  const namesAt = intsAt + intCount * 4;
  const bytes = new Uint8Array(align8(namesAt + nameBytes));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, readers.floats.length, true);
  view.setUint32(8, n, true);
  view.setUint32(12, readers.ints.length, true);
  view.setUint32(16, nameBytes, true);
  bytes.set(json, HEADER);
  new Float64Array(bytes.buffer, floatsAt, readers.floats.length).set(readers.floats);
  const ints = new Int32Array(bytes.buffer, intsAt, intCount);
  ints.set(readerIds);
  ints.set(readers.ints, n);
  ints.set(nameOffsets, n + readers.ints.length);
  for (let i = 0; i < n; i++) bytes.set(nameParts[i]!, namesAt + nameOffsets[i]!);
  return bytes;
}

/** `data` must start at a multiple of 8 bytes in its buffer. */
export function decodeContribution(data: Uint8Array): { contribution: PostContribution; readerIds: Int32Array } {
  const view = new DataView(data.buffer, data.byteOffset, HEADER);
  const jsonLength = view.getUint32(0, true);
  const floatCount = view.getUint32(4, true);
  const n = view.getUint32(8, true);
  const packedInts = view.getUint32(12, true);
  const nameBytes = view.getUint32(16, true);
  const { firstCommentAt, ...rest } = JSON.parse(decoder.decode(data.subarray(HEADER, HEADER + jsonLength))) as Head;
  const floatsAt = data.byteOffset + align8(HEADER + jsonLength);
  const intsAt = floatsAt + floatCount * 8;
  const intCount = n + packedInts + n + 1;
  const ints = new Int32Array(data.buffer, intsAt, intCount);
  const names = new SnapshotNames(ints.subarray(n + packedInts), new Uint8Array(data.buffer, intsAt + intCount * 4, nameBytes));
  return {
    contribution: {
      ...rest,
      firstCommentAt: firstCommentAt ?? NaN,
      readers: { ints: ints.subarray(n, n + packedInts), floats: new Float64Array(data.buffer, floatsAt, floatCount), names },
    },
    readerIds: ints.subarray(0, n),
  };
}

/** Names as UTF-8 with offsets, decoded when asked for. */
class SnapshotNames implements ReaderNames {
  constructor(
    readonly offsets: Int32Array,
    readonly bytes: Uint8Array,
  ) {}
  has(i: number): boolean {
    return this.offsets[i + 1]! > this.offsets[i]!;
  }
  at(i: number): string | null {
    return this.has(i) ? decoder.decode(this.bytes.subarray(this.offsets[i]!, this.offsets[i + 1]!)) : null;
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
