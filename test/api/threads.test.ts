import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Listed {
  id: number;
  parentId: number | null;
  depth: number;
  html: string;
  deleted: boolean;
}

async function post(body: Record<string, unknown>) {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'example', ...body }));
  expect(response.status).toBe(201);
  return (await response.json()) as { comment: Listed; editToken: string };
}

async function list(uri: string): Promise<Listed[]> {
  const response = await server.api(`/api/v1/comments?site=example&uri=${encodeURIComponent(uri)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { comments: Listed[] }).comments;
}

describe('thread trees', () => {
  it('keeps a chain 12 replies deep intact, in order, with the right depths', async () => {
    const ids: number[] = [];
    let parentId: number | undefined;
    for (let level = 1; level <= 13; level++) {
      const { comment } = await post({ uri: '/deep/', body: `level ${level}`, parentId });
      expect(comment.depth).toBe(level);
      ids.push(comment.id);
      parentId = comment.id;
    }
    const comments = await list('/deep/');
    expect(comments.map((c) => c.id)).toEqual(ids);
    expect(comments.map((c) => c.depth)).toEqual(ids.map((_, i) => i + 1));
    expect(comments.at(-1)!.html).toBe('<p>level 13</p>');
  });

  it('orders a wide thread parents-first and keeps sibling order by time', async () => {
    const a = await post({ uri: '/wide/', body: 'A' });
    const b = await post({ uri: '/wide/', body: 'B' });
    const replies = [];
    for (let i = 0; i < 30; i++) replies.push(await post({ uri: '/wide/', body: `A.${i}`, parentId: a.comment.id }));
    const bReply = await post({ uri: '/wide/', body: 'B.0', parentId: b.comment.id });
    const aLate = await post({ uri: '/wide/', body: 'A.0.0', parentId: replies[0]!.comment.id });
    const comments = await list('/wide/');
    expect(comments.map((c) => c.id)).toEqual([
      a.comment.id,
      replies[0]!.comment.id,
      aLate.comment.id,
      ...replies.slice(1).map((r) => r.comment.id),
      b.comment.id,
      bReply.comment.id,
    ]);
    expect(comments.find((c) => c.id === aLate.comment.id)!.depth).toBe(3);
  });

  it('answers with an ETag and honours If-None-Match', async () => {
    const first = await server.api('/api/v1/comments?site=example&uri=/wide/');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toContain('no-cache');
    const again = await server.api('/api/v1/comments?site=example&uri=/wide/', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    await post({ uri: '/wide/', body: 'new' });
    const changed = await server.api('/api/v1/comments?site=example&uri=/wide/', { headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
  });

  it('returns an empty list for a thread nobody commented on', async () => {
    expect(await list('/nothing-yet/')).toEqual([]);
  });

  it('counts many uris in one request', async () => {
    const response = await server.api('/api/v1/counts', json('POST', { site: 'example', uris: ['/deep/', '/wide/', '/none/'] }));
    const { counts } = (await response.json()) as { counts: Record<string, number> };
    expect(counts['/deep/']).toBe(13);
    expect(counts['/none/']).toBe(0);
    expect(counts['/wide/']).toBeGreaterThan(30);
  });
});
