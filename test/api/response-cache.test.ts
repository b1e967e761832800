/**
 * The response cache behind thread reads, the HTML fragment, /threads and the
 * report: one rebuild for many readers, compressed bytes that decompress to
 * the same answer, ETags per encoding, stale-while-revalidate and LRU.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot, ResponseCache } from '../../server/http/response-cache.js';
import { ADMIN_TOKEN, json, rawGet, startTestServer, type TestServer } from '../helpers/server.js';

describe('cached answers over HTTP', () => {
  let server: TestServer;
  const thread = '/api/v1/comments?site=example&uri=/cache/';
  beforeAll(async () => {
    server = await startTestServer();
    for (let i = 0; i < 30; i++) await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/cache/', body: `Comment ${i} with enough words to be worth compressing.` }));
  });
  afterAll(() => server.close());

  it('rebuilds a thread once when 40 readers arrive together after a write', async () => {
    // Long freshness: on a loaded machine the readers may span more than the default 2 s, and a
    // background revalidation after that is the stale-while-revalidate this test does not look at.
    server.ctx.responses = new ResponseCache({ freshMs: 600_000 });
    await server.api(thread);
    await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/cache/', body: 'The write that invalidates the thread.' }));
    // Count the storage reads of comment rows that the 40 requests cause.
    const db = server.ctx.db;
    const execute = db.execute.bind(db);
    let reads = 0;
    db.execute = ((statement: Parameters<typeof execute>[0]) => {
      if (JSON.stringify(statement).includes('FROM comments')) reads++;
      return execute(statement);
    }) as typeof db.execute;
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => server.api(thread).then((r) => r.json() as Promise<{ comments: { html: string }[] }>)));
      expect(answers.every((a) => a.comments.length === 31)).toBe(true);
      expect(answers[0]!.comments.at(-1)!.html).toContain('The write that invalidates');
      expect(reads).toBe(1);
    } finally {
      db.execute = execute;
    }
  });

  for (const path of [thread, '/api/v1/comments.html?site=example&uri=/cache/&lang=en', '/api/v1/threads?site=example']) {
    it(`sends brotli and gzip that decompress to the same bytes, with Vary and an ETag per encoding: ${path.split('?')[0]}`, async () => {
      const plain = await rawGet(server.url + path);
      const br = await rawGet(server.url + path, { 'accept-encoding': 'gzip, deflate, br' });
      const gz = await rawGet(server.url + path, { 'accept-encoding': 'gzip' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(br.headers['content-encoding']).toBe('br');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      for (const answer of [plain, br, gz]) expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
      // Revalidation: the tag a client got answers 304, in any encoding, until the thread changes.
      const again = await rawGet(server.url + path, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    });
  }

  it('answers 200 with the new content once the thread changed, for a client holding the old tag', async () => {
    const first = await rawGet(server.url + thread, { 'accept-encoding': 'br' });
    await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/cache/', body: 'Yet another one.' }));
    const second = await rawGet(server.url + thread, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(second.status).toBe(200);
    expect(brotliDecompressSync(second.body).toString()).toContain('Yet another one.');
  });

  it('serves the author report compressed, the same as uncompressed', async () => {
    const path = '/api/v1/report?site=example';
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const plain = await rawGet(server.url + path, headers);
    const br = await rawGet(server.url + path, { ...headers, 'accept-encoding': 'br' });
    expect(plain.status).toBe(200);
    // When and up to when it was made: a loaded machine may let the first answer's cache entry expire before the second.
    type Report = { generatedAt?: string; window: { from: string | null; to?: string } };
    const timeless = ({ generatedAt: _made, window: { to: _to, ...window }, ...rest }: Report) => ({ ...rest, window });
    const decoded = JSON.parse(brotliDecompressSync(br.body).toString()) as Report;
    expect(timeless(decoded)).toEqual(timeless(JSON.parse(plain.body.toString()) as Report));
    expect(br.headers['cache-control']).toBe('private, no-store');
  });
});

describe('ResponseCache', () => {
  const build = (text: string, counter: { n: number }) => async () => {
    counter.n++;
    await new Promise((r) => setTimeout(r, 5));
    return makeSnapshot(text, 'text/plain');
  };
  const decode = (s: { body: Uint8Array }) => new TextDecoder().decode(s.body);

  it('serves the stale snapshot while one background rebuild runs, then the new one', async () => {
    let clock = 0;
    const cache = new ResponseCache({ freshMs: 1000, now: () => clock });
    const counter = { n: 0 };
    await cache.get('k', 1, build('old', counter));
    clock = 5000;
    const during = await Promise.all([cache.get('k', 1, build('new', counter)), cache.get('k', 1, build('new', counter))]);
    expect(during.map(decode)).toEqual(['old', 'old']);
    // The rebuild (and its compression) runs in the background: wait until its snapshot is the fresh one,
    // however long a loaded machine takes.
    for (let waited = 0; cache.peek('k', 1) === undefined && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(decode(await cache.get('k', 1, build('newer', counter)))).toBe('new');
    expect(counter.n).toBe(2);
  });

  it('waits for the rebuild after a change of generation: a writer sees its write', async () => {
    const cache = new ResponseCache();
    const counter = { n: 0 };
    await cache.get('k', 1, build('before', counter));
    const after = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', 2, build('after', counter))));
    expect(after.map(decode)).toEqual(Array(10).fill('after'));
    expect(counter.n).toBe(2);
  });

  it('drops the least recently used entries beyond its byte budget', async () => {
    // An entry counts as twice its body (the body, and at most as much again compressed).
    const cache = new ResponseCache({ maxBytes: 2 * 2 * 1000 });
    const counter = { n: 0 };
    const text = 'x'.repeat(1000);
    await cache.get('a', 1, build(text, counter));
    await cache.get('b', 1, build(text, counter));
    await cache.get('a', 1, build(text, counter)); // a is now the most recently used
    await cache.get('c', 1, build(text, counter)); // evicts b
    expect(counter.n).toBe(3);
    await cache.get('a', 1, build(text, counter));
    expect(counter.n).toBe(3);
    await cache.get('b', 1, build(text, counter));
    expect(counter.n).toBe(4);
  });
});
