/**
 * Ready-to-send answers kept in memory: a thread read is the hot path (every
 * page view with the widget) and writes are rare. Each snapshot holds its body
 * as bytes, its ETag and its brotli and gzip forms, each made once per
 * snapshot (as it is built, off the main thread) rather than once per request.
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
import { ifNoneMatchMatches } from './conditional-get.js';

export type Encoding = 'br' | 'gzip';

export interface Snapshot {
  body: Uint8Array<ArrayBuffer>;
  /** Strong ETag of `body`, quoted; the encoded forms carry it with a suffix. */
  etag: string;
  contentType: string;
  /** The compressed forms made so far (see `encoded`). */
  encodings: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>>;
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
  /** Upper bound of the request variants whose whole answers are kept for `replay`. */
  maxAnswers?: number;
  now?: () => number;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const encoder = new TextEncoder();
/** What an entry is counted as against the budget: its body, and at most as much again for the compressed forms. */
const sizeOf = (s: Snapshot) => 2 * s.body.byteLength;

/** Builds a snapshot: the body encoded once and hashed for its ETag. */
export async function makeSnapshot(text: string, contentType: string): Promise<Snapshot> {
  const body = encoder.encode(text);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, contentType, encodings: new Map() };
}

/** The snapshot's body in `encoding`, compressed on the first request for it and kept. */
export function encoded(snapshot: Snapshot, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  let done = snapshot.encodings.get(encoding);
  if (!done) {
    const { body } = snapshot;
    // Quality 5 compresses a thread within a few percent of 11 at a fraction of the time: snapshots are rebuilt after every write.
    const compressing = encoding === 'br' ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : gzipAsync(body, { level: 6 });
    snapshot.encodings.set(encoding, (done = compressing.then((buffer): Uint8Array<ArrayBuffer> => new Uint8Array(buffer))));
  }
  return done;
}

/** The encoding a client gets, by its `Accept-Encoding`: brotli, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepts = acceptEncoding ?? '';
  return /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
}

/** A whole answer as sent for one request variant (see `record`). */
export interface RecordedAnswer {
  key: string;
  snapshot: Snapshot;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly answers = new Map<string, RecordedAnswer>();
  private readonly maxAnswers: number;
  private readonly building = new Map<string, { generation: number; promise: Promise<Snapshot> }>();
  private bytes = 0;
  private readonly freshMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  /** Rebuilds started so far (tests and the benchmark read it). */
  builds = 0;
  /** Answers sent again from `answers` without running the app (tests read it). */
  replayed = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.freshMs = options.freshMs ?? 2000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    this.maxAnswers = options.maxAnswers ?? 2000;
  }

  /**
   * The snapshot for `key` if it is current without any work: built at `generation`
   * and still fresh. Anything else (a rebuild due, a generation not yet known) is undefined.
   */
  peek(key: string, generation: number | undefined): Snapshot | undefined {
    const entry = this.entries.get(key);
    if (!entry || generation === undefined || entry.generation !== generation || this.now() - entry.builtAt > this.freshMs) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.snapshot;
  }

  /**
   * Keeps the answer sent for one request `variant` (its URL and the request headers the
   * answer depends on), to be sent again while its snapshot is the current one.
   */
  record(variant: string, answer: RecordedAnswer): void {
    this.answers.delete(variant);
    this.answers.set(variant, answer);
    if (this.answers.size > this.maxAnswers) this.answers.delete(this.answers.keys().next().value!);
  }

  /** The recorded answer for `variant` if its snapshot is still current (see `peek`); a stale one is dropped. */
  replay(variant: string, generation: number | undefined): RecordedAnswer | undefined {
    const answer = this.answers.get(variant);
    if (!answer) return undefined;
    if (this.peek(answer.key, generation) !== answer.snapshot) {
      this.answers.delete(variant);
      return undefined;
    }
    this.replayed++;
    return answer;
  }

  /** The snapshot for `key` as of `generation`, built by `build` only when there is none to serve. */
  async get(key: string, generation: number, build: () => Promise<Snapshot>): Promise<Snapshot> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation) {
      // Least recently used goes first: a hit moves the key to the end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      // Started after this answer is sent: the build's storage read runs synchronously and would hold it up.
      if (this.now() - entry.builtAt > this.freshMs) setImmediate(() => void this.rebuild(key, generation, build).catch(() => undefined));
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
      // Both compressed forms are made before the snapshot is served, so no reader waits for them.
      .then((snapshot) => Promise.all([encoded(snapshot, 'br'), encoded(snapshot, 'gzip')]).then(() => snapshot))
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
export async function sendSnapshot(c: Context, snapshot: Snapshot): Promise<Response> {
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const tag = encoding ? `${snapshot.etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"` : snapshot.etag;
  c.header('ETag', tag);
  c.header('Vary', 'Accept-Encoding', { append: true });
  // A tag of another encoding names the same content, so it matches too.
  const header = c.req.header('if-none-match');
  const sameContent = [snapshot.etag, `${snapshot.etag.slice(0, -1)}-br"`, `${snapshot.etag.slice(0, -1)}-gz"`];
  if (sameContent.some((etag) => ifNoneMatchMatches(header, etag))) return c.body(null, 304);
  if (!encoding) return c.body(snapshot.body, 200, { 'content-type': snapshot.contentType });
  const body = await encoded(snapshot, encoding);
  c.header('Content-Encoding', encoding);
  return c.body(body, 200, { 'content-type': snapshot.contentType });
}
