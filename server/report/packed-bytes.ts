/**
 * The byte layout of the report's snapshots (a post's part, the site's fold): what is small and
 * varied as JSON, numbers as typed arrays after it, which read back without parsing, and names
 * as UTF-8 with their offsets, each decoded only if the report asks for it (a dialogue partner's).
 * Layout: u32 counts: JSON bytes, floats, ints, names, name bytes, 0; the JSON (UTF-8); zero
 * padding to 8 bytes; the floats; the ints, then the name offsets (one more than names, in
 * UTF-16 units of all names joined); all names joined, as UTF-8; zero padding to 8 bytes, so
 * snapshots laid end to end stay aligned. Joined names decode in one call, and a name is then
 * a slice of that string (a site's 100,000 decoded one by one cost more than the rest).
 */
import type { ReaderNames } from '../dialogue/index.js';

const HEADER = 24;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface PackedParts<Head> {
  head: Head;
  floats: Float64Array;
  ints: Int32Array;
  /** `count` names by position (none: null). */
  names: ReaderNames;
  count: number;
}

export function encodePacked<Head>({ head, floats, ints, names, count }: PackedParts<Head>): Uint8Array {
  const json = encoder.encode(JSON.stringify(head));
  const nameOffsets = new Int32Array(count + 1);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = names.at(i) ?? '';
    parts.push(name);
    nameOffsets[i + 1] = nameOffsets[i]! + name.length;
  }
  const joined = encoder.encode(parts.join(''));
  const nameBytes = joined.length;
  const floatsAt = align8(HEADER + json.length);
  const intsAt = floatsAt + floats.length * 8;
  const namesAt = intsAt + (ints.length + count + 1) * 4;
  const bytes = new Uint8Array(align8(namesAt + nameBytes));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, floats.length, true);
  view.setUint32(8, ints.length, true);
  view.setUint32(12, count, true);
  view.setUint32(16, nameBytes, true);
  bytes.set(json, HEADER);
  new Float64Array(bytes.buffer, floatsAt, floats.length).set(floats);
  const intView = new Int32Array(bytes.buffer, intsAt, ints.length + count + 1);
  intView.set(ints);
  intView.set(nameOffsets, ints.length);
  bytes.set(joined, namesAt);
  return bytes;
}

/** `data` must start at a multiple of 8 bytes in its buffer; the arrays returned are views of it. */
export function decodePacked<Head>(data: Uint8Array): PackedParts<Head> {
  const view = new DataView(data.buffer, data.byteOffset, HEADER);
  const jsonLength = view.getUint32(0, true);
  const floatCount = view.getUint32(4, true);
  const intCount = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const nameBytes = view.getUint32(16, true);
  const head = JSON.parse(decoder.decode(data.subarray(HEADER, HEADER + jsonLength))) as Head;
  const floatsAt = data.byteOffset + align8(HEADER + jsonLength);
  const intsAt = floatsAt + floatCount * 8;
  const ints = new Int32Array(data.buffer, intsAt, intCount + count + 1);
  return {
    head,
    floats: new Float64Array(data.buffer, floatsAt, floatCount),
    ints: ints.subarray(0, intCount),
    names: new PackedNames(ints.subarray(intCount), new Uint8Array(data.buffer, intsAt + ints.length * 4, nameBytes)),
    count,
  };
}

/** Names joined as UTF-8, decoded when the first is asked for. */
class PackedNames implements ReaderNames {
  #joined: string | null = null;
  constructor(
    readonly offsets: Int32Array,
    readonly bytes: Uint8Array,
  ) {}
  has(i: number): boolean {
    return this.offsets[i + 1]! > this.offsets[i]!;
  }
  at(i: number): string | null {
    if (!this.has(i)) return null;
    this.#joined ??= decoder.decode(this.bytes);
    return this.#joined.slice(this.offsets[i]!, this.offsets[i + 1]!);
  }
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
