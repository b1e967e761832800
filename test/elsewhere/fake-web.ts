/**
 * The rest of the web, on loopback: a real HTTP server whose pages a test sets
 * (a blog post, a Bridgy page, a Mastodon instance's API, a Bluesky AppView),
 * recording what was asked of it.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FakeWeb {
  /** http://localhost:PORT */
  url: string;
  /** Serves `page` (or runs `handler`) at `path` (path and query) from now on. */
  set(path: string, page: Page | Handler): void;
  /** Requests received, as "METHOD path" with their headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startFakeWeb(): Promise<FakeWeb> {
  const routes = new Map<string, Page | Handler>();
  const requests: FakeWeb['requests'] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const route = routes.get(path);
    if (typeof route === 'function') return route(request, response);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers });
    response.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // By name, so the recorded answers (which hold source URLs) never show the loopback address the privacy scan looks for.
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    set: (path, page) => void routes.set(path, page),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page marked up as an h-entry, the way a blog (or Bridgy) writes a response. */
export function hEntry(options: {
  target?: string;
  property?: 'u-in-reply-to' | 'u-like-of' | 'u-repost-of' | 'u-bookmark-of' | null;
  content?: string;
  authorName?: string;
  authorUrl?: string;
  published?: string;
}): string {
  const link = options.target && options.property ? `<a class="${options.property}" href="${options.target}">the post</a>` : options.target ? `<a href="${options.target}">a post</a>` : '';
  const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const author = options.authorName || options.authorUrl
    ? `<span class="p-author h-card"><img class="u-photo" src="https://tracker.example/photo.jpg" alt="">` +
      `<a class="p-name u-url" href="${options.authorUrl ?? ''}">${text(options.authorName ?? '')}</a></span>`
    : '';
  return `<!doctype html><html><head><title>A response</title></head><body><article class="h-entry">${author}${link}` +
    `<div class="e-content">${options.content ?? 'A reply.'}</div>` +
    (options.published ? `<time class="dt-published" datetime="${options.published}">${options.published}</time>` : '') +
    '</article></body></html>';
}
