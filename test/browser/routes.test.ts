/**
 * What browsers get from the widget routes before any script runs: the
 * bundle and stylesheet with their caching headers, the one-site default,
 * the server-rendered thread (fragment and no-JS page) and its errors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

const BLOG = 'https://blog.example';
let server: TestServer;
let multi: TestServer;

beforeAll(async () => {
  await (await import('../../server/widget/build.mjs')).buildWidget();
  server = await startTestServer({ config: { sites: [{ id: 'blog', title: 'A Quiet Blog', origins: [BLOG] }] } });
  multi = await startTestServer({ config: { sites: [{ id: 'one' }, { id: 'two' }] } });
});
afterAll(async () => {
  await server?.close();
  await multi?.close();
});

describe('GET /widget.js and /widget.css', () => {
  it('serve the built files with their types, revalidating cache headers and cross-origin permission', async () => {
    for (const [path, type] of [['/widget.js', 'text/javascript; charset=utf-8'], ['/widget.css', 'text/css; charset=utf-8']] as const) {
      const response = await fetch(server.url + path, { headers: { 'accept-encoding': 'identity' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(`dist${path.replace('/', '/widget/')}`))).toBe(true);
    }
  });

  it('answer 304 to a matching If-None-Match and gzip to browsers that accept it', async () => {
    const plain = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'identity' } });
    const tag = plain.headers.get('etag')!;
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'identity', 'if-none-match': `W/"other", ${tag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const zipped = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('etag')).not.toBe(tag);
    expect(await zipped.text()).toBe(await plain.text()); // fetch unzips: the same script
  });

  it('names the only site for embeds without data-kommentar-site, and none when there are several', async () => {
    const one = await fetch(`${server.url}/widget.json`);
    expect(one.headers.get('access-control-allow-origin')).toBe('*');
    expect(await one.json()).toEqual({ site: 'blog', email: false });
    expect(await (await fetch(`${multi.url}/widget.json`)).json()).toEqual({ site: null, email: false });
  });
});

describe('the server-rendered thread', () => {
  it('GET /api/v1/comments.html gives the widget the thread markup, fresh, to the blog origin only', async () => {
    await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/p/', body: 'Hello <b>there</b>', name: '<i>Eve</i>' }));
    const response = await fetch(`${server.url}/api/v1/comments.html?site=blog&uri=/p/&lang=de`, { headers: { origin: BLOG } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('access-control-allow-origin')).toBe(BLOG);
    // Revalidated every time: a new comment shows at once, an unchanged thread costs a 304.
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    expect(response.headers.get('etag')).toMatch(/^"/);
    const html = await response.text();
    expect(html).toMatch(/^<section class="kommentar" lang="de">/);
    expect(html).toContain('1 Kommentar');
    expect(html).toContain('&#60;i&#62;Eve&#60;/i&#62;');
    expect(html).toContain('<textarea name="body"');
    // This server sends no email, so its form offers no reply notifications.
    expect(html).not.toContain('name="notify"');

    const stranger = await fetch(`${server.url}/api/v1/comments.html?site=blog&uri=/p/`, { headers: { origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GET /thread is a whole page with a way back to the post, a strict CSP, and German for German readers', async () => {
    const response = await fetch(`${server.url}/thread?site=blog&uri=/p/`, { headers: { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`form-action ${server.url} ${BLOG}`);
    const html = await response.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<a href="${BLOG}/p/">← Zurück zum Beitrag</a>`);
    expect(html).toContain('<title>Kommentare · A Quiet Blog</title>');
    expect(html).toContain('<script src="widget.js" async></script>');
  });

  it('GET /thread says which input is wrong, as the API does', async () => {
    const cases = [
      ['/thread?site=blog', 400, 'uri'],
      ['/thread?site=blog&uri=nopath', 400, 'uri'],
      [`/thread?site=blog&uri=/p/&lang=${'x'.repeat(36)}`, 400, 'lang'],
      ['/thread?site=blog&uri=/p/&reply=abc', 400, 'reply'],
      ['/thread?site=nosuch&uri=/p/', 404, 'site'],
    ] as const;
    for (const [path, status, field] of cases) {
      const response = await server.api(path);
      expect(response.status, path).toBe(status);
      expect(((await response.json()) as { error: { field: string } }).error.field, path).toBe(field);
    }
  });
});
