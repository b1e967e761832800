/**
 * Hostile and broken requests: each must get a 4xx with the documented error
 * shape, store nothing and change nothing that was stored before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

const origin = 'https://blog.example';
let server: TestServer;
let existing: { id: number; editToken: string };
let pendingId: number;
let otherThreadId: number;
let expiredToken: { id: number; editToken: string };

async function create(site: string, uri: string, body: string) {
  const response = await server.api('/api/v1/comments', json('POST', { site, uri, body }));
  const data = (await response.json()) as { comment: { id: number }; editToken: string };
  return { id: data.comment.id, editToken: data.editToken };
}

beforeAll(async () => {
  server = await startTestServer({ config: { sites: [{ id: 'blog', origins: [origin] }, { id: 'held', origins: [origin], moderation: 'all' }] } });
  existing = await create('blog', '/p/', 'the original text');
  otherThreadId = (await create('blog', '/other/', 'elsewhere')).id;
  pendingId = (await create('held', '/p/', 'waiting')).id;
  const real = server.ctx.now;
  server.ctx.now = () => real() - 60 * 60_000;
  expiredToken = await create('blog', '/p/', 'an hour old');
  server.ctx.now = real;
});
afterAll(() => server.close());

async function snapshot() {
  const all = ['approved', 'pending', 'spam', 'deleted'] as const;
  return JSON.stringify([await listSiteComments(server.ctx.db, 'blog', [...all]), await listSiteComments(server.ctx.db, 'held', [...all])]);
}

const post = (body: unknown, headers: Record<string, string> = {}) => json('POST', body, headers);
const valid = { site: 'blog', uri: '/p/', body: 'hello' };
const formBody = (fields: Record<string, string>) => new URLSearchParams({ site: 'blog', uri: '/p/', body: 'hi', ts: String(Date.now() - 10_000), ...fields }).toString();
const form = (fields: Record<string, string>, headers: Record<string, string> = { origin }): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: formBody(fields),
});
const megabyte = 'x'.repeat(1024 * 1024);

type Case = [name: string, path: string | (() => string), init: RequestInit | (() => RequestInit), status: number, field?: string];

const cases: Case[] = [
  ['malformed JSON', '/api/v1/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"site": "blog",' }, 400],
  ['JSON array instead of object', '/api/v1/comments', post([valid]), 400],
  ['JSON null', '/api/v1/comments', post(null), 400],
  ['text/plain body', '/api/v1/comments', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid) }, 415],
  ['missing body field', '/api/v1/comments', post({ site: 'blog', uri: '/p/' }), 400, 'body'],
  ['body is a number', '/api/v1/comments', post({ ...valid, body: 42 }), 400, 'body'],
  ['empty body', '/api/v1/comments', post({ ...valid, body: '' }), 400, 'body'],
  ['whitespace-only body', '/api/v1/comments', post({ ...valid, body: ' \n\t ' }), 400, 'body'],
  ['body over 10,000 characters', '/api/v1/comments', post({ ...valid, body: 'a'.repeat(10_001) }), 400, 'body'],
  ['NUL character in body', '/api/v1/comments', post({ ...valid, body: 'a\u0000b' }), 400, 'body'],
  ['a 1 MB name', '/api/v1/comments', post({ ...valid, name: megabyte }), 413],
  ['name is a number', '/api/v1/comments', post({ ...valid, name: 7 }), 400, 'name'],
  ['newline in name', '/api/v1/comments', post({ ...valid, name: 'Eve\nAdmin' }), 400, 'name'],
  ['bidi override in name', '/api/v1/comments', post({ ...valid, name: 'evil\u202Egnp.exe' }), 400, 'name'],
  ['name over 80 characters', '/api/v1/comments', post({ ...valid, name: 'n'.repeat(81) }), 400, 'name'],
  ['invalid email', '/api/v1/comments', post({ ...valid, email: 'not-an-address' }), 400, 'email'],
  ['email is an object', '/api/v1/comments', post({ ...valid, email: { $ne: null } }), 400, 'email'],
  ['javascript: URL', '/api/v1/comments', post({ ...valid, url: 'javascript:alert(1)' }), 400, 'url'],
  ['data: URL', '/api/v1/comments', post({ ...valid, url: 'data:text/html,<script>alert(1)</script>' }), 400, 'url'],
  ['ftp: URL', '/api/v1/comments', post({ ...valid, url: 'ftp://files.example/' }), 400, 'url'],
  ['URL without host', '/api/v1/comments', post({ ...valid, url: 'http://' }), 400, 'url'],
  ['unknown site', '/api/v1/comments', post({ ...valid, site: 'nosuchsite' }), 404, 'site'],
  ['missing site', '/api/v1/comments', post({ uri: '/p/', body: 'x' }), 400, 'site'],
  ['site with path characters', '/api/v1/comments', post({ ...valid, site: '../etc' }), 400, 'site'],
  ['missing uri', '/api/v1/comments', post({ site: 'blog', body: 'x' }), 400, 'uri'],
  ['uri without leading slash', '/api/v1/comments', post({ ...valid, uri: 'posts/x' }), 400, 'uri'],
  ['absolute URL as uri', '/api/v1/comments', post({ ...valid, uri: 'https://evil.example/' }), 400, 'uri'],
  ['space in uri', '/api/v1/comments', post({ ...valid, uri: '/a b/' }), 400, 'uri'],
  ['control character in uri', '/api/v1/comments', post({ ...valid, uri: '/a\u0007/' }), 400, 'uri'],
  ['markup in uri', '/api/v1/comments', post({ ...valid, uri: '/"><script>/' }), 400, 'uri'],
  ['uri over 1000 characters', '/api/v1/comments', post({ ...valid, uri: '/' + 'u'.repeat(1000) }), 400, 'uri'],
  ['parent that does not exist', '/api/v1/comments', post({ ...valid, parentId: 999_999 }), 400, 'parentId'],
  ['parent from another thread', '/api/v1/comments', () => post({ ...valid, parentId: otherThreadId }), 400, 'parentId'],
  ['parent still awaiting moderation', '/api/v1/comments', () => post({ ...valid, site: 'held', parentId: pendingId }), 400, 'parentId'],
  ['negative parent id', '/api/v1/comments', post({ ...valid, parentId: -1 }), 400, 'parentId'],
  ['parent id as string', '/api/v1/comments', post({ ...valid, parentId: '1' }), 400, 'parentId'],
  ['fractional parent id', '/api/v1/comments', post({ ...valid, parentId: 1.5 }), 400, 'parentId'],
  ['identity token too short', '/api/v1/comments', post({ ...valid, identity: 'abc' }), 400, 'identity'],
  ['identity token with markup', '/api/v1/comments', post({ ...valid, identity: '<script>alert(1)</script>aaaa' }), 400, 'identity'],
  ['notify as a string', '/api/v1/comments', post({ ...valid, notify: 'yes' }), 400, 'notify'],
  ['title over 300 characters', '/api/v1/comments', post({ ...valid, title: 't'.repeat(301) }), 400, 'title'],
  ['wrong Origin on a JSON post', '/api/v1/comments', post(valid, { origin: 'https://evil.example' }), 403],
  ['form post without Origin', '/api/v1/comments', form({}, {}), 403],
  ['form post from a foreign Origin', '/api/v1/comments', form({}, { origin: 'https://evil.example' }), 403],
  ['form post with the honeypot filled', '/api/v1/comments', form({ website: 'http://spam.example' }), 400, 'website'],
  ['form post sent too fast', '/api/v1/comments', () => form({ ts: String(Date.now()) }), 400, 'ts'],
  ['form post without timestamp', '/api/v1/comments', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: 'site=blog&uri=%2Fp%2F&body=hi' }, 400, 'ts'],
  ['form post with a javascript: URL', '/api/v1/comments', form({ url: 'javascript:alert(1)' }), 400, 'url'],
  ['edit with an expired token', () => `/api/v1/comments/${expiredToken.id}`, () => json('PATCH', { body: 'changed' }, { 'x-edit-token': expiredToken.editToken }), 403],
  ['edit with a wrong token', () => `/api/v1/comments/${existing.id}`, () => json('PATCH', { body: 'changed' }, { 'x-edit-token': 'wrong-token' }), 403],
  ['edit without a token', () => `/api/v1/comments/${existing.id}`, json('PATCH', { body: 'changed' }), 403],
  ['edit with an empty body', () => `/api/v1/comments/${existing.id}`, () => json('PATCH', { body: '' }, { 'x-edit-token': existing.editToken }), 400, 'body'],
  ['edit a comment that does not exist', '/api/v1/comments/987654', json('PATCH', { body: 'x' }, { 'x-edit-token': 'whatever' }), 404],
  ['edit with a non-numeric id', '/api/v1/comments/abc', json('PATCH', { body: 'x' }), 400, 'id'],
  ['delete with a wrong token', () => `/api/v1/comments/${existing.id}`, { method: 'DELETE', headers: { 'x-edit-token': 'nope' } }, 403],
  ['delete with an expired token', () => `/api/v1/comments/${expiredToken.id}`, () => ({ method: 'DELETE', headers: { 'x-edit-token': expiredToken.editToken } }), 403],
  ['list without uri', '/api/v1/comments?site=blog', { method: 'GET' }, 400, 'uri'],
  ['list an unknown site', '/api/v1/comments?site=nope&uri=/p/', { method: 'GET' }, 404, 'site'],
  ['counts with uris not a list', '/api/v1/counts', post({ site: 'blog', uris: '/p/' }), 400, 'uris'],
  ['counts with too many uris', '/api/v1/counts', post({ site: 'blog', uris: Array.from({ length: 501 }, (_, i) => `/p${i}/`) }), 400, 'uris'],
  ['preview with a non-string body', '/api/v1/preview', post({ body: ['x'] }), 400, 'body'],
  ['a 2 MB body anywhere', '/api/v1/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: megabyte + megabyte }) }, 413],
  ['an unknown API path', '/api/v1/nothing-here', { method: 'GET' }, 404],
];

describe('bad requests', () => {
  it('has a table of at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s: 4xx with the documented error, nothing stored', async (_name, path, init, status, field) => {
    const before = await snapshot();
    const response = await server.api(typeof path === 'function' ? path() : path, typeof init === 'function' ? init() : init);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
    expect(typeof body.error.code).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(0);
    expect(body.error.message).not.toMatch(/\n\s+at /);
    if (field) expect(body.error.field).toBe(field);
    expect(await snapshot()).toBe(before);
  });
});

describe('bodies of unknown length (chunked)', () => {
  /** Sends `body` in chunks of 8 KB without a Content-Length, as a streaming client does. */
  async function postChunked(path: string, body: string): Promise<Response> {
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 8192) controller.enqueue(bytes.subarray(at, at + 8192));
        controller.close();
      },
    });
    return fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: stream, duplex: 'half' } as RequestInit);
  }

  it('are counted as they stream: too large is a 413 with the documented error, and nothing is stored', async () => {
    const before = await snapshot();
    const response = await postChunked('/api/v1/comments', JSON.stringify({ ...valid, body: 'x'.repeat(200_000) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(await snapshot()).toBe(before);
  });

  it('within the limit are read and stored like any other', async () => {
    const response = await postChunked('/api/v1/comments', JSON.stringify({ ...valid, body: `streamed ${'y '.repeat(4000)}` }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as { comment: { html: string } }).comment.html).toContain('streamed');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client writes too often, and stores nothing more', async () => {
    const limited = await startTestServer({ env: { KOMMENTAR_RATE_LIMIT: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const response = await limited.api('/api/v1/comments', json('POST', { site: 'example', uri: '/r/', body: `try ${i}` }));
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(await listSiteComments(limited.ctx.db, 'example', ['approved'])).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });

  it('counts X-Forwarded-For only behind a trusted proxy', async () => {
    const post = (s: TestServer, address: string) =>
      s.api('/api/v1/comments', json('POST', { site: 'example', uri: '/xff/', body: 'hi' }, { 'x-forwarded-for': `203.0.113.9, ${address}` }));
    const untrusted = await startTestServer({ env: { KOMMENTAR_RATE_LIMIT: '2' } });
    const trusted = await startTestServer({ env: { KOMMENTAR_RATE_LIMIT: '2', KOMMENTAR_TRUST_PROXY: '1' } });
    try {
      // Without a trusted proxy the header is the client's own claim: every request is the same socket peer.
      expect([(await post(untrusted, '198.51.100.1')).status, (await post(untrusted, '198.51.100.2')).status, (await post(untrusted, '198.51.100.3')).status]).toEqual([201, 201, 429]);
      // Behind one, the hop the proxy appended tells clients apart.
      for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect((await post(trusted, address)).status).toBe(201);
      await post(trusted, '198.51.100.1');
      expect((await post(trusted, '198.51.100.1')).status).toBe(429);
    } finally {
      await untrusted.close();
      await trusted.close();
    }
  });
});
