/** Talking to the comment server from the browser: JSON in and out, never cookies. */
import type { PublicComment } from '../../comments/public.js';

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

/** GET the thread; with the ETag of what is on screen, the server answers 304 when nothing changed. */
export function fetchThread(server: string, site: string, uri: string, etag: string | null) {
  const query = new URLSearchParams({ site, uri });
  return call<{ comments: PublicComment[] }>(`${server}/api/v1/comments?${query}`, 'GET', undefined, etag ? { 'If-None-Match': etag } : {});
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
