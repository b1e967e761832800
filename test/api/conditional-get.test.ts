/**
 * Conditional GET, the same on every route that sends an ETag (RFC 9110
 * If-None-Match): a weak tag matches its strong twin, `*` matches, and a list
 * matches when any of its tags does (even one with a comma inside its quotes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ifNoneMatchMatches } from '../../server/http/conditional-get.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const response = await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/cg/', body: 'hello' }));
  expect(response.status).toBe(201);
});
afterAll(() => server.close());

describe('ifNoneMatchMatches', () => {
  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"abc"', 'W/"abc"', true],
    ['*', '"abc"', true],
    [' * ', '"abc"', true],
    ['"x", W/"abc"', '"abc"', true],
    ['"x","abc"', '"abc"', true],
    ['"a,b", "c"', '"a,b"', true],
    ['"a,b"', '"a"', false],
    ['"abcd"', '"abc"', false],
    ['abc', '"abc"', false],
    ['', '"abc"', false],
  ])('%j against %j → %s', (header, etag, expected) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(expected);
  });
  it('matches nothing without the header', () => {
    expect(ifNoneMatchMatches(undefined, '"abc"')).toBe(false);
  });
});

const ROUTES = ['/api/v1/comments?site=example&uri=/cg/', '/api/v1/threads?site=example', '/feed.atom?site=example', '/widget.js'];

describe.each(ROUTES)('GET %s', (path) => {
  async function tagOf(): Promise<string> {
    const response = await server.api(path);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    return etag!;
  }

  it.each([
    ['its own tag', (tag: string) => tag],
    ['its tag marked weak', (tag: string) => `W/${tag}`],
    ['"*"', () => '*'],
    ['a list holding its tag', (tag: string) => `"other", ${tag}, W/"more"`],
  ])('answers 304 with the tag and caching headers for %s', async (_name, header) => {
    const tag = await tagOf();
    const response = await server.api(path, { headers: { 'if-none-match': header(tag) } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(tag);
    expect(response.headers.get('cache-control')).toBeTruthy();
  });

  it('answers 200 with the body for another tag', async () => {
    const response = await server.api(path, { headers: { 'if-none-match': '"stale", W/"older"' } });
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
