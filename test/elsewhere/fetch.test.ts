/**
 * The guarded fetcher against a real loopback server: sources that are slow,
 * huge, redirect too often or in loops, are not the content type asked for, or
 * sit on a private address, each end in a clear FetchError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, guardedGet } from '../../server/elsewhere/fetch.js';
import { startFakeWeb, type FakeWeb } from './fake-web.js';

let web: FakeWeb;
beforeAll(async () => {
  web = await startFakeWeb();
  web.set('/ok', { body: '<p>fine</p>' });
  // Sends headers, then never finishes the body.
  web.set('/slow', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('<p>');
  });
  web.set('/huge', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const more = () => {
      while (sent < 64 && response.write(chunk)) sent++;
      if (sent < 64) response.once('drain', more);
      else response.end();
    };
    more();
  });
  for (let i = 0; i < 10; i++) web.set(`/hop/${i}`, { status: 302, headers: { location: `/hop/${i + 1}` } });
  web.set('/hop/10', { body: 'end' });
  web.set('/image', { type: 'image/png', body: 'PNG' });
});
afterAll(() => web.close());

const allow = { allowPrivate: true, accept: 'html' as const };

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('guardedGet', () => {
  it('reads a page', async () => {
    expect(await guardedGet(`${web.url}/ok`, allow)).toMatchObject({ status: 200, body: '<p>fine</p>' });
  });

  it('gives up on a slow source after the time limit', async () => {
    const started = Date.now();
    const error = await failure(guardedGet(`${web.url}/slow`, { ...allow, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops reading a source larger than the byte limit', async () => {
    expect((await failure(guardedGet(`${web.url}/huge`, { ...allow, maxBytes: 100_000 }))).code).toBe('too_large');
  });

  it('follows redirects up to the limit, and no further', async () => {
    expect(await guardedGet(`${web.url}/hop/6`, allow)).toMatchObject({ body: 'end', url: `${web.url}/hop/10` });
    expect((await failure(guardedGet(`${web.url}/hop/0`, allow))).code).toBe('too_many_redirects');
  });

  it('refuses a content type other than the one asked for', async () => {
    expect((await failure(guardedGet(`${web.url}/image`, allow))).message).toMatch(/expected an HTML page, got "image\/png"/);
  });

  it('never reaches loopback or private addresses unless allowed, also after a redirect', async () => {
    expect((await failure(guardedGet(`${web.url}/ok`, { accept: 'html', allowPrivate: false }))).code).toBe('blocked');
    expect((await failure(guardedGet('http://10.0.0.1/x', { accept: 'html', allowPrivate: false }))).code).toBe('blocked');
    expect((await failure(guardedGet('file:///etc/passwd', allow))).code).toBe('bad_url');
    expect((await failure(guardedGet('http://user:pw@localhost/', allow))).code).toBe('bad_url');
  });
});
