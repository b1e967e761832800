/**
 * GET /api/v1/threads?site=S: every public thread of a site in one answer,
 * the same comments in the same order as the per-thread API, revalidated by
 * ETag, and never anything private.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';

interface Listed {
  threads: Array<{ uri: string; title: string | null; count: number; comments: PublicComment[] }>;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function post(body: Record<string, unknown>): Promise<PublicComment> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'example', ...body }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: PublicComment }).comment;
}

async function threads(): Promise<Response> {
  return server.api('/api/v1/threads?site=example');
}

describe('GET /api/v1/threads', () => {
  it('answers an empty list for a site without comments', async () => {
    const response = await threads();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: false, threads: [] });
  });

  it('lists every thread with the same comments, order and placeholders as the per-thread API', async () => {
    const a = await post({ uri: '/b/', title: 'Post B', body: 'first', email: 'reader@example.org', notify: true });
    const reply = await post({ uri: '/b/', body: 'reply', parentId: a.id, name: 'Ann' });
    await post({ uri: '/b/', body: 'reply to reply', parentId: reply.id });
    await post({ uri: '/a/', title: 'Post A', body: 'other thread' });
    const lonely = await post({ uri: '/a/', body: 'to be removed without replies' });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await server.api(`/api/v1/comments/${reply.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await server.api(`/api/v1/comments/${lonely.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);

    const { threads: listed } = (await (await threads()).json()) as Listed;
    expect(listed.map((t) => [t.uri, t.title, t.count])).toEqual([
      ['/a/', 'Post A', 1],
      ['/b/', 'Post B', 2],
    ]);
    for (const thread of listed) {
      const single = (await (await server.api(`/api/v1/comments?site=example&uri=${encodeURIComponent(thread.uri)}`)).json()) as { comments: PublicComment[] };
      expect(thread.comments).toEqual(single.comments);
    }
    const b = listed.find((t) => t.uri === '/b/')!;
    expect(b.comments.map((c) => [c.depth, c.deleted])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('revalidates with the ETag: 304 while nothing changed, a new answer after a comment', async () => {
    const first = await threads();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await server.api('/api/v1/threads?site=example', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    await post({ uri: '/a/', body: 'news' });
    const changed = await server.api('/api/v1/threads?site=example', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as Listed).threads.find((t) => t.uri === '/a/')!.count).toBe(2);
  });

  it.each([
    ['/api/v1/threads', 400, 'required', 'site'],
    ['/api/v1/threads?site=', 400, 'required', 'site'],
    ['/api/v1/threads?site=%3Cscript%3E', 400, 'invalid_input', 'site'],
    ['/api/v1/threads?site=nope', 404, 'unknown_site', 'site'],
  ])('refuses %s with %i %s', async (path, status, code, field) => {
    const response = await server.api(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code, field });
  });
});
