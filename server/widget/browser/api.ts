/** Talking to the comment server from the browser: JSON out, JSON or the thread's HTML in, never cookies. */
import { element } from './thread.js';

/** The API's one error shape. */
export interface ApiErrorBody {
  error?: { code: string; message: string; field?: string };
}

/** An HTTP answer reduced to what the widget looks at. */
export interface Answer<T> {
  status: number;
  /** The parsed body; null for a 304 or a body that is not JSON. */
  data: (T & ApiErrorBody) | null;
  etag: string | null;
  /** Seconds to wait, from `Retry-After` (a 429). */
  retry: number;
}

/** One request. Network failures reject; HTTP errors resolve with their status and error body. */
export async function call<T>(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(url, {
    method,
    credentials: 'omit',
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 304 ? null : await response.json().catch(() => null);
  return { status: response.status, data, etag: response.headers.get('ETag'), retry: Number(response.headers.get('Retry-After')) };
}

/**
 * Whether the thread changed: the headers of `GET /api/v1/comments` (its
 * ETag is stable, unlike the HTML's, whose relative times move), 304 when
 * `etag` (of what is on screen) is still current.
 */
export function threadChanged(server: string, site: string, uri: string, etag: string | null) {
  return call(`${server}/api/v1/comments?${new URLSearchParams({ site, uri })}`, 'HEAD', undefined, etag ? { 'If-None-Match': etag } : {});
}

/** The thread (its first `limit` top-level threads) as HTML rendered by the server, in `lang`, with the markup a prerender has. */
export async function fetchMarkup(server: string, site: string, uri: string, lang: string, limit: number): Promise<HTMLElement> {
  const query = new URLSearchParams({ site, uri, lang });
  if (limit < Infinity) query.set('limit', String(limit));
  const response = await fetch(`${server}/api/v1/comments.html?${query}`, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return element(await response.text());
}

/**
 * After a request got no answer: asks the server (which answers any origin) whether
 * this page's setup is the cause. Resolves to the blogger's fix, or null when the
 * page is set up right or the server cannot be reached at all.
 */
export function diagnose(server: string, site: string): Promise<string | null> {
  return call<{ fix?: string }>(`${server}/api/v1/diagnose?${new URLSearchParams({ site })}`).then(
    ({ data }) => data?.fix ?? null,
    () => null,
  );
}
