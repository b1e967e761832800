/**
 * Thread uris from the links and paths sources hold: a thread is keyed by the
 * page path the widget sends, so a permalink keeps only its path (and query),
 * and `--base-url` strips the old site's prefix when the posts move. Paths are
 * brought to one form (no repeated slashes, one percent-encoding), so one post
 * never gets two threads and no uri starts with "//".
 */
import { threadUri } from '../comments/schemas.js';
import { ImportInputError } from './errors.js';
import type { BaseUrl } from './types.js';

/** Parses the `--base-url` option; null when it is not an http(s) URL. */
export function parseBaseUrl(value: string): BaseUrl | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

function stripPrefix(path: string, prefix: string): string {
  if (prefix === '') return path;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`) ? path.slice(prefix.length).replace(/^(?=\?)/, '/') : path;
}

/** Percent-escapes of characters that need none (RFC 3986 unreserved) are decoded; the rest get upper-case hex. */
function oneEncoding(path: string): string {
  return path.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
  });
}

/**
 * A path in the form a browser's `location.pathname` has: repeated slashes
 * collapsed, other characters encoded as the URL parser does (what a browser
 * sends for "café"), one percent-encoding form.
 */
export function normalisePath(path: string): string {
  const queryAt = path.indexOf('?');
  const [pathname, query] = queryAt < 0 ? [path, ''] : [path.slice(0, queryAt), path.slice(queryAt)];
  const url = new URL(pathname.replace(/\/{2,}/g, '/') + query, 'http://normalise.invalid');
  return oneEncoding(url.pathname) + url.search;
}

/**
 * The thread uri for a source's post link (absolute URL) or path. Under
 * `base`, the base's path prefix is removed ("https://old.example/blog/x/" with
 * base "https://old.example/blog" becomes "/x/"). Throws for anything that is
 * neither, naming `at`.
 */
export function threadUriFrom(link: string, base: BaseUrl | null, at: string): string {
  const trimmed = link.trim();
  let uri: string;
  if (trimmed.startsWith('/')) {
    // A path; "//a/b/" too (a protocol-relative link in a source means a path with a doubled slash).
    const path = normalisePath(trimmed);
    uri = base ? stripPrefix(path, base.path) : path;
  } else {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ImportInputError(at, `the post link ${JSON.stringify(trimmed)} is neither a URL nor a path`);
    }
    const path = normalisePath(url.pathname + url.search);
    uri = base && url.origin === base.origin ? stripPrefix(path, base.path) : path;
  }
  const checked = threadUri.safeParse(uri);
  if (!checked.success) throw new ImportInputError(at, `the post path ${JSON.stringify(uri)} ${checked.error.issues[0]!.message}`);
  return checked.data;
}
