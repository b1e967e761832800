/**
 * Tells the server where each post was syndicated: every build reads the
 * `syndication` front matter (a URL or a list of URLs) of every page and, once
 * the build is done, sends each post's list with `PUT /api/v1/syndication`
 * (needs the `token` option). The server then fetches the replies there itself.
 * A failure is a warning, never a failed build (unless `strict`).
 */
import type { EleventyConfig } from './eleventy.js';
import type { ResolvedOptions } from './options.js';

/** The URLs a page's `syndication` data names, whatever shape it has. */
export function syndicationUrls(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && /^https?:\/\//i.test(item.trim())).map((item) => item.trim());
}

async function send(options: ResolvedOptions, uri: string, urls: string[]): Promise<string | null> {
  try {
    const response = await fetch(`${options.server}/api/v1/syndication`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ site: options.site, uri, urls }),
      signal: AbortSignal.timeout(options.timeout),
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    return `${uri}: ${body.error?.message ?? `HTTP ${response.status}`}`;
  } catch (error) {
    return `${uri}: ${(error as Error).message}`;
  }
}

export function addSyndication(config: EleventyConfig, options: ResolvedOptions): void {
  const posts = new Map<string, string[]>();
  config.on('eleventy.before', () => posts.clear());
  // A collection callback sees every page's data once per build: the place to read front matter.
  config.addCollection('kommentarSyndication', (collections) => {
    const pages = collections.getAll().filter((item) => item.data?.syndication !== undefined && typeof item.url === 'string');
    for (const item of pages) posts.set(item.url as string, syndicationUrls(item.data!.syndication));
    return pages;
  });
  config.on('eleventy.after', async () => {
    if (posts.size === 0) return;
    if (!options.token) {
      console.warn('[kommentar] pages have `syndication` front matter, but replies there are only fetched with the `token` option set');
      return;
    }
    const problems = (await Promise.all([...posts].map(([uri, urls]) => send(options, uri, urls)))).filter((p): p is string => p !== null);
    if (problems.length === 0) return;
    const message = `[kommentar] could not send the syndicated copies of ${problems.length} page(s): ${problems.join('; ')}`;
    if (options.strict) throw new Error(message);
    console.warn(message);
  });
}
