/**
 * Replayed answers (server/http/replay.ts): a thread read the server has answered
 * once is sent again as recorded, with every header the full path gave it, and
 * never after the data changed, to another origin, or for an answer that needs
 * more than its URL (the author's report).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeTracker } from '../../server/db/changes.js';
import { ResponseCache } from '../../server/http/response-cache.js';
import { ADMIN_TOKEN, json, type RawAnswer, rawGet, startTestServer, type TestServer } from '../helpers/server.js';

/** Headers as compared: the Date moves with the clock, and keep-alive bookkeeping is the socket's. */
function comparable(headers: RawAnswer['headers']): RawAnswer['headers'] {
  const { date: _date, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

describe('replayed answers', () => {
  let server: TestServer;
  const blog = 'https://blog.example';
  beforeAll(async () => {
    server = await startTestServer({ config: { sites: [{ id: 'example', origins: [blog], publicReport: true }] } });
    for (let i = 0; i < 5; i++) await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/replay/', body: `Comment ${i}, long enough to be compressed.` }));
    // Long freshness and a rare probe for other processes' writes: on a loaded machine two requests
    // may lie further apart than the defaults, and the full path in between would be no replay.
    server.ctx.responses = new ResponseCache({ freshMs: 600_000 });
    server.ctx.changes.close();
    server.ctx.changes = new ChangeTracker(server.ctx.config.dbUrl, 600_000);
  });
  afterAll(() => server.close());

  const paths = ['/api/v1/comments?site=example&uri=/replay/', '/api/v1/comments.html?site=example&uri=/replay/&lang=de', '/api/v1/threads?site=example', '/api/v1/report/public?site=example'];
  const variants: Record<string, Record<string, string>> = {
    brotli: { 'accept-encoding': 'gzip, deflate, br' },
    gzip: { 'accept-encoding': 'gzip' },
    plain: {},
    'the blog origin': { 'accept-encoding': 'br', origin: blog },
  };
  for (const path of paths) {
    for (const [variant, headers] of Object.entries(variants)) {
      it(`sends ${path.split('?')[0]} again with the same status, headers and bytes (${variant})`, async () => {
        const first = await rawGet(server.url + path, headers);
        const replayed = server.ctx.responses.replayed;
        const again = await rawGet(server.url + path, headers);
        expect(server.ctx.responses.replayed).toBe(replayed + 1);
        expect(again.status).toBe(200);
        expect(comparable(again.headers)).toEqual(comparable(first.headers));
        expect(again.body.equals(first.body)).toBe(true);
        // The full path's secure headers travel with the recording.
        expect(again.headers['x-content-type-options']).toBe('nosniff');
      });
    }
  }

  it('gives the recorded CORS headers only to their origin, never to another one', async () => {
    const path = '/api/v1/comments?site=example&uri=/replay/';
    await rawGet(server.url + path, { origin: blog });
    const ours = await rawGet(server.url + path, { origin: blog });
    expect(ours.headers['access-control-allow-origin']).toBe(blog);
    const replayed = server.ctx.responses.replayed;
    const other = await rawGet(server.url + path, { origin: 'https://evil.example' });
    const otherAgain = await rawGet(server.url + path, { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(otherAgain.headers['access-control-allow-origin']).toBeUndefined();
    expect(server.ctx.responses.replayed).toBe(replayed);
  });

  it('never replays once the thread changed: the writer reads their own comment', async () => {
    const path = '/api/v1/comments?site=example&uri=/replay/';
    await rawGet(server.url + path);
    await rawGet(server.url + path);
    await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/replay/', body: 'The comment written just now.' }));
    const after = JSON.parse((await rawGet(server.url + path)).body.toString()) as { comments: { html: string }[] };
    expect(after.comments.at(-1)!.html).toContain('The comment written just now.');
  });

  it('answers a conditional request with 304 as before', async () => {
    const path = '/api/v1/comments?site=example&uri=/replay/';
    const first = await rawGet(server.url + path, { 'accept-encoding': 'br' });
    const revalidated = await rawGet(server.url + path, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
  });

  it('never replays the author’s report: without the token it stays refused', async () => {
    const path = '/api/v1/report?site=example';
    const authorised = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await rawGet(server.url + path, authorised)).status).toBe(200);
    expect((await rawGet(server.url + path, authorised)).status).toBe(200);
    const stranger = await rawGet(server.url + path);
    expect(stranger.status).toBe(401);
    expect(stranger.body.toString()).not.toContain('"posts"');
  });
});
