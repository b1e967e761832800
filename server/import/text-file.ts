/**
 * Reads a UTF-8 text file in chunks, so a file of any size passes through in
 * bounded memory. Invalid UTF-8 is refused with its line and byte offset
 * instead of being replaced by U+FFFD, which would silently alter comments.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ImportInputError } from './errors.js';

const CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** Size of the file in bytes; a missing or unreadable file is the operator's input error. */
export async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportInputError('', `${path} is not a file`);
    return info.size;
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    throw new ImportInputError('', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** How many bytes at the end of `bytes` start a character that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The smallest prefix length of `bytes` whose decoding fails: the invalid sequence ends there. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low - 1;
}

/**
 * Yields the file's text chunk by chunk (a BOM is dropped), reporting bytes read.
 * Throws `ImportInputError` at the first invalid UTF-8 sequence.
 */
export async function* readTextChunks(path: string, onBytes: (done: number, total: number) => void): AsyncGenerator<string> {
  const total = await fileSize(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let lines = 1;
  // Bytes of a multi-byte character split across chunks, kept for locating an error.
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const bytes = Buffer.concat([carry, chunk]);
      const bad = firstInvalidByte(bytes);
      const line = lines + countNewlines(bytes.subarray(0, bad));
      throw new ImportInputError(`line ${line}, byte ${offset - carry.length + bad + 1}`, 'invalid UTF-8 (the file must be UTF-8 encoded)');
    }
    lines += countNewlines(chunk);
    offset += chunk.length;
    carry = chunk.subarray(chunk.length - incompleteTail(chunk));
    onBytes(offset, total);
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportInputError(`line ${lines}, byte ${offset}`, 'the file ends inside a UTF-8 character (truncated or not UTF-8)');
  }
}
