/**
 * One JSON resource of the comment server, fetched at most once per build and
 * kept in eleventy-fetch's cache: reused without asking while younger than
 * the cache duration, revalidated with its ETag after that, and used as it is
 * when the server cannot be reached, so an outage never breaks a build.
 */
import EleventyFetch from '@11ty/eleventy-fetch';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RemoteOptions {
  /** eleventy-fetch cache folder. */
  directory: string;
  /** eleventy-fetch duration ("1m", "0s", …): how long a cached answer is used without asking. */
  duration: string;
  timeout: number;
  headers?: Record<string, string>;
}

export type RemoteResult =
  /** From the server during this build, or cached and still young enough. */
  | { kind: 'current'; value: unknown }
  /** The server could not be reached or failed; this is the last answer it gave. */
  | { kind: 'stale'; value: unknown; cachedAt: number; problem: string }
  /** The server answered with a refusal (unknown site, report switched off, wrong token). */
  | { kind: 'refused'; status: number; code: string | undefined; message: string }
  /** The server could not be reached and nothing is cached. */
  | { kind: 'unreachable'; problem: string };

function reason(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}

function refusal(response: Response, text: string): RemoteResult {
  let code: string | undefined;
  let message = response.statusText;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not the API's error shape (a proxy's page, say): the status says enough.
  }
  return { kind: 'refused', status: response.status, code, message };
}

/**
 * One cache handle per cache file for the whole process, as eleventy-fetch
 * keeps its own: it remembers process-wide which files exist, so a new handle
 * would not see a file written after the first look (a rebuild in a watch
 * server, a second build in a test).
 */
const handles = new Map<string, InstanceType<typeof EleventyFetch.AssetCache>>();

function cacheFor(url: string, directory: string) {
  const key = `${resolve(directory)}\n${url}`;
  let cache = handles.get(key);
  if (!cache) handles.set(key, (cache = new EleventyFetch.AssetCache(url, directory, { type: 'text' })));
  return cache;
}

/** Errors of a connection the server closed while the build was busy (kept alive, or mid-answer): worth one more try. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** The answer with its body read; a dropped connection, before or during the body, gets one more try. */
async function request(url: string, init: RequestInit): Promise<{ response: Response; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, init);
      return { response, text: await response.text() };
    } catch (error) {
      if (attempt === 2 || !STALE_CONNECTION.has(reason(error))) throw error;
    }
  }
}

/** Fetches `url` as JSON through the cache. Never throws for network trouble: the result says what happened. */
export async function fetchJson(url: string, options: RemoteOptions): Promise<RemoteResult> {
  const cache = cacheFor(url, options.directory);
  // What the cache holds, if it holds something readable (a damaged file counts as nothing).
  const cached = (): { text: string; value: unknown; cachedAt: number; etag: string | undefined } | undefined => {
    try {
      const meta = cache.cachedObject;
      const text = cache.getCachedValue();
      if (!meta || typeof text !== 'string') return undefined;
      return { text, value: JSON.parse(text), cachedAt: meta.cachedAt, etag: typeof meta.metadata?.etag === 'string' ? meta.metadata.etag : undefined };
    } catch {
      return undefined;
    }
  };
  const previous = cached();
  if (previous && cache.isCacheValid(options.duration)) return { kind: 'current', value: previous.value };

  const fallback = (problem: string): RemoteResult =>
    previous ? { kind: 'stale', value: previous.value, cachedAt: previous.cachedAt, problem } : { kind: 'unreachable', problem };

  let response: Response;
  let text: string;
  try {
    ({ response, text } = await request(url, {
      headers: { accept: 'application/json', ...options.headers, ...(previous?.etag ? { 'if-none-match': previous.etag } : {}) },
      signal: AbortSignal.timeout(options.timeout),
    }));
  } catch (error) {
    return fallback(reason(error));
  }
  // eleventy-fetch creates its folder only once per process; it may have been removed since (a cleaned .cache).
  mkdirSync(options.directory, { recursive: true });
  if (response.status === 304 && previous) {
    await cache.save(previous.text, 'text', { etag: previous.etag });
    return { kind: 'current', value: previous.value };
  }
  if (response.status >= 400 && response.status < 500) return refusal(response, text);
  if (!response.ok) return fallback(`HTTP ${response.status}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fallback(`unreadable answer (${reason(error)})`);
  }
  await cache.save(text, 'text', { etag: response.headers.get('etag') ?? undefined });
  return { kind: 'current', value };
}
