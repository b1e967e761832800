/**
 * Ready-to-send answers kept in memory: a thread read is the hot path (every
 * page view with the widget) and writes are rare. Each snapshot holds its body
 * as bytes, its ETag and its brotli and gzip forms, made once per snapshot
 * rather than once per request.
 *
 * - Valid while the database's change generation is the one it was built at;
 *   after a write the next reader waits for the new snapshot (a writer sees
 *   its own comment).
 * - After `freshMs` without a known change (writes by other processes are not
 *   seen here) the old snapshot is still served while one rebuild runs in the
 *   background: stale-while-revalidate.
 * - One rebuild at a time per key (single flight): readers that arrive during
 *   a rebuild wait for that one instead of starting their own.
 * - Least-recently-used entries are dropped beyond a byte budget.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

export interface Snapshot {
  body: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  /** Strong ETag of `body`, quoted; the encoded forms carry it with a suffix. */
  etag: string;
  contentType: string;
}

interface Entry {
  generation: number;
  builtAt: number;
  snapshot: Snapshot;
}

export interface ResponseCacheOptions {
  /** How long a snapshot is taken as current without a change seen in this process. */
  freshMs?: number;
  /** Upper bound of the bytes held (body and both encodings). */
  maxBytes?: number;
  now?: () => number;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const encoder = new TextEncoder();
const sizeOf = (s: Snapshot) => s.body.byteLength + s.br.byteLength + s.gzip.byteLength;
const bytes = (buffer: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(buffer);

/** Builds a snapshot: the body encoded once, compressed once in each encoding (off the main thread). */
export async function makeSnapshot(text: string, contentType: string): Promise<Snapshot> {
  const body = encoder.encode(text);
  const [br, gz] = await Promise.all([
    // Quality 5 compresses a thread within a few percent of 11 at a fraction of the time: snapshots are rebuilt after every write.
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }),
    gzipAsync(body, { level: 6 }),
  ]);
  return { body, br: bytes(br), gzip: bytes(gz), etag: `"${createHash('sha1').update(body).digest('base64url')}"`, contentType };
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, { generation: number; promise: Promise<Snapshot> }>();
  private bytes = 0;
  private readonly freshMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  /** Rebuilds started so far (tests and the benchmark read it). */
  builds = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.freshMs = options.freshMs ?? 2000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** The snapshot for `key` as of `generation`, built by `build` only when there is none to serve. */
  async get(key: string, generation: number, build: () => Promise<Snapshot>): Promise<Snapshot> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) {
      // Least recently used goes first: a hit moves the key to the end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.now() - entry.builtAt > this.freshMs) void this.rebuild(key, generation, build).catch(() => undefined);
      return entry.snapshot;
    }
    return this.rebuild(key, generation, build);
  }

  private rebuild(key: string, generation: number, build: () => Promise<Snapshot>): Promise<Snapshot> {
    // A rebuild started before a write may miss it: only one of the same generation is shared.
    const running = this.building.get(key);
    if (running?.generation === generation) return running.promise;
    this.builds++;
    const builtAt = this.now();
    const promise = build()
      .then((snapshot) => {
        const current = this.entries.get(key);
        if (!current || current.generation <= generation) this.store(key, { generation, builtAt, snapshot });
        return snapshot;
      })
      .finally(() => {
        if (this.building.get(key)?.promise === promise) this.building.delete(key);
      });
    this.building.set(key, { generation, promise });
    return promise;
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= sizeOf(old.snapshot);
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += sizeOf(entry.snapshot);
    for (const [oldest, { snapshot }] of this.entries) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(snapshot);
    }
  }
}

/**
 * Answers with a snapshot: 304 when the client has it, else the body in the
 * best encoding the client accepts (brotli, gzip, none), each with its own
 * ETag and `Vary: Accept-Encoding` so shared caches keep them apart.
 */
export function sendSnapshot(c: Context, snapshot: Snapshot): Response {
  const accepts = c.req.header('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  const tag = encoding ? `${snapshot.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"` : snapshot.etag;
  c.header('ETag', tag);
  c.header('Vary', 'Accept-Encoding', { append: true });
  const candidates = c.req.header('if-none-match')?.split(',').map((value) => value.trim().replace(/^W\//, ''));
  // A tag of another encoding names the same content, so it matches too.
  if (candidates?.some((value) => value === tag || value === snapshot.etag || value.replace(/-(br|gz)"$/, '"') === snapshot.etag)) return c.body(null, 304);
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(encoding === 'br' ? snapshot.br : encoding === 'gzip' ? snapshot.gzip : snapshot.body, 200, { 'content-type': snapshot.contentType });
}
