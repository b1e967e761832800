/**
 * Every outbound GET of the "from elsewhere" features (Webmention sources,
 * Mastodon, Bluesky) goes through here: each hop's address is checked by the
 * SSRF guard and the connection pinned to it, redirects are followed up to a
 * limit (each hop checked again), and time, size and content type are bounded.
 * A refusal is a FetchError with a code the desk and the status page can show.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { z } from 'zod';
import { BlockedAddressError, resolveCheckedAddress } from '../notify/ssrf-guard.js';

export type FetchErrorCode = 'bad_url' | 'blocked' | 'timeout' | 'too_large' | 'too_many_redirects' | 'redirect_loop' | 'bad_content_type' | 'network';

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  /** Loopback and private addresses allowed (config `allowPrivateAddresses`). */
  allowPrivate: boolean;
  /** For the whole request, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Content types accepted for a 2xx body (checked before it is read). */
  accept: 'html' | 'json';
  headers?: Record<string, string>;
}

export interface FetchResult {
  status: number;
  /** The URL after redirects. */
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The body of a 2xx answer; empty otherwise. */
  body: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const CONTENT_TYPES: Record<FetchLimits['accept'], RegExp> = {
  html: /^(text\/html|application\/xhtml\+xml)\b/i,
  json: /^application\/(?:[\w.+-]+\+)?json\b/i,
};

function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('bad_url', `only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new FetchError('bad_url', 'URLs with credentials are not fetched');
  return url;
}

/** One hop: no redirect followed here. */
async function requestOnce(url: URL, limits: FetchLimits, signal: AbortSignal, maxBytes: number): Promise<FetchResult & { location?: string }> {
  const target = await resolveCheckedAddress(url.hostname, limits.allowPrivate).catch((error: Error) => {
    throw error instanceof BlockedAddressError
      ? new FetchError('blocked', error.message.replace('webhook.allowPrivateAddresses', 'allowPrivateAddresses'))
      : new FetchError('network', error.message);
  });
  // Connect to the address that was checked, not to whatever a second DNS answer says (DNS rebinding).
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(
      url,
      { lookup: pinned, signal, headers: { 'user-agent': 'Kommentar (+webmention)', accept: limits.accept === 'html' ? 'text/html' : 'application/json', ...limits.headers } },
      (response) => {
        const status = response.statusCode ?? 0;
        const base = { status, url: url.href, headers: response.headers, body: '' };
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          resolve({ ...base, location: response.headers.location });
          return;
        }
        if (status < 200 || status >= 300) {
          response.resume();
          resolve(base);
          return;
        }
        const type = response.headers['content-type'] ?? '';
        if (!CONTENT_TYPES[limits.accept].test(type)) {
          response.destroy();
          reject(new FetchError('bad_content_type', `expected ${limits.accept === 'html' ? 'an HTML page' : 'JSON'}, got "${type.slice(0, 80) || 'no content type'}"`));
          return;
        }
        const declared = Number(response.headers['content-length'] ?? NaN);
        if (declared > maxBytes) {
          response.destroy();
          reject(new FetchError('too_large', `the answer is larger than ${maxBytes} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new FetchError('too_large', `the answer is larger than ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ ...base, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(error));
      },
    );
    request.on('error', reject);
  });
}

/** GET `raw` within `limits`; resolves with any final status (the caller decides what 404 or 410 mean). */
export async function guardedGet(raw: string, limits: FetchLimits): Promise<FetchResult> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  const seen = new Set<string>();
  let url = checkedUrl(raw);
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const result = await requestOnce(url, limits, signal, limits.maxBytes ?? DEFAULT_MAX_BYTES);
      if (result.location === undefined) return result;
      const next = checkedUrl(new URL(result.location, url).href);
      if (seen.has(next.href)) throw new FetchError('redirect_loop', `redirect loop at ${next.href.slice(0, 200)}`);
      if (hop + 1 > maxRedirects) throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects`);
      url = next;
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError('timeout', `no complete answer within ${timeoutMs} ms`);
    throw new FetchError('network', (error as Error).message);
  }
}

/** A fetched JSON body checked against the documented shape; anything else is a FetchError naming `what`. */
export function parseFetchedJson<S extends z.ZodType>(schema: S, body: string, what: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new FetchError('bad_content_type', `${what} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new FetchError('bad_content_type', `${what} is not the documented shape (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  return parsed.data;
}
