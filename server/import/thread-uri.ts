/**
 * Thread uris from the links and paths sources hold: a thread is keyed by the
 * page path the widget sends, so a permalink keeps only its path (and query),
 * and `--base-url` strips the old site's prefix when the posts move.
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

/**
 * The thread uri for a source's post link (absolute URL) or path. Under
 * `base`, the base's path prefix is removed ("https://old.example/blog/x/" with
 * base "https://old.example/blog" becomes "/x/"). Throws for anything that is
 * neither, naming `at`.
 */
export function threadUriFrom(link: string, base: BaseUrl | null, at: string): string {
  const trimmed = link.trim();
  let uri: string;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) {
    uri = base ? stripPrefix(trimmed, base.path) : trimmed;
  } else {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ImportInputError(at, `the post link ${JSON.stringify(trimmed)} is neither a URL nor a path`);
    }
    const path = url.pathname + url.search;
    uri = base && url.origin === base.origin ? stripPrefix(path, base.path) : path;
  }
  const checked = threadUri.safeParse(uri);
  if (!checked.success) throw new ImportInputError(at, `the post path ${JSON.stringify(uri)} ${checked.error.issues[0]!.message}`);
  return checked.data;
}
