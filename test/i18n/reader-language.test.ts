/**
 * The reader's language on the server's own surfaces: the no-JS thread page
 * (page `lang`, then Accept-Language by weight, then the site's `lang`), the
 * refused-form page, and the messages the widget downloads; and that every
 * error the comment endpoints answer has a message of its own in every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../server/i18n/languages.js';
import { MESSAGES_VERSION } from '../../server/widget/messages.js';
import { errorKey } from '../../server/widget/error-key.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

const BLOG = 'https://blog.example';
let server: TestServer;
let limited: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { sites: [{ id: 'blog', title: 'A Quiet Blog', origins: [BLOG] }, { id: 'german', origins: [BLOG], lang: 'de' }] } });
  // One write per minute: the second is over the limit.
  limited = await startTestServer({ config: { sites: [{ id: 'blog', origins: [BLOG] }] }, env: { KOMMENTAR_RATE_LIMIT: '1' } });
});
afterAll(async () => {
  await server?.close();
  await limited?.close();
});

/** Text a reader must never see: a key name (not the widget's files) or a placeholder left unfilled. */
const LEFTOVER = /\b(widget|page|error)\.(?!css\b|js\b)[a-z]|\{\w+\}/;

async function page(path: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await server.api(path, { headers });
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('the no-JS thread page', () => {
  it('speaks the first language of Accept-Language that Kommentar has, by weight, when the link names none', async () => {
    const html = await page('/thread?site=blog&uri=/p/', { 'accept-language': 'fr-CH, de;q=0.9' });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Commentaires · A Quiet Blog</title>');
    expect(html).toContain('← Retour à l’article');
    expect(html).toContain('Publier le commentaire');
    expect(html).toContain('<input type="hidden" name="lang" value="fr">');
    const weighted = await page('/thread?site=blog&uri=/p/', { 'accept-language': 'it, es;q=0.4, de;q=0.8' });
    expect(weighted).toContain('<html lang="de">');
  });

  it("prefers the page's own lang to the browser's, and falls back to the site's lang for one it does not speak", async () => {
    expect(await page('/thread?site=blog&uri=/p/&lang=es-MX', { 'accept-language': 'de' })).toContain('<html lang="es">');
    const german = await page('/thread?site=german&uri=/p/&lang=xx');
    expect(german).toContain('<html lang="de">');
    expect(german).toContain('Noch keine Kommentare');
    expect(german).toContain('Kommentar senden');
    expect(german).not.toMatch(LEFTOVER);
    expect(await page('/thread?site=blog&uri=/p/&lang=xx')).toContain('<html lang="en">');
  });

  it('gives the widget its fragment in the language of the page tag, else the site, never by Accept-Language', async () => {
    const fragment = await page('/api/v1/comments.html?site=german&uri=/p/&lang=', { 'accept-language': 'fr' });
    expect(fragment).toMatch(/^<section class="kommentar" lang="de">/);
    expect(await page('/api/v1/comments.html?site=german&uri=/p/&lang=fr-CA')).toMatch(/^<section class="kommentar" lang="fr">/);
  });
});

describe('a refused no-JS form post', () => {
  const post = (target: TestServer, fields: Record<string, string>, acceptLanguage = 'en') =>
    target.api('/api/v1/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BLOG, accept: 'text/html', 'accept-language': acceptLanguage },
      body: new URLSearchParams({ site: 'blog', uri: '/p/', ts: String(Date.now() - 10_000), website: '', body: 'Hallo', ...fields }).toString(),
    });

  it("says why in the form's language, whatever the browser prefers", async () => {
    const response = await post(server, { lang: 'de', ts: String(Date.now()) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Dein Kommentar wurde nicht gesendet</h1>');
    expect(html).toContain('Das ging schnell!');
    expect(html).not.toContain('too fast');
    expect(html).not.toMatch(LEFTOVER);
  });

  it('names the wait of a rate limit in seconds, in Spanish', async () => {
    expect((await post(limited, { lang: 'es' })).status).toBe(303);
    const refused = await post(limited, { lang: 'es' });
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(await refused.text()).toContain(`Inténtalo de nuevo en ${wait} segundo${wait === 1 ? '' : 's'}.`);
  });

  it('lands on the thread page in the language of the form', async () => {
    const landed = await startTestServer({ config: { sites: [{ id: 'blog', origins: [BLOG], formRedirect: 'thread' }] } });
    try {
      const response = await post(landed, { lang: 'fr' });
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(location.searchParams.get('lang')).toBe('fr');
      expect(await (await fetch(location)).text()).toContain('Merci — votre commentaire est publié.');
    } finally {
      await landed.close();
    }
  });
});

describe('GET /widget/messages.json', () => {
  it("answers the widget's and the errors' messages in the language the server picks, cached for a year when the version is current", async () => {
    const response = await server.api(`/widget/messages.json?v=${MESSAGES_VERSION}&lang=de-at&site=blog`, { headers: { origin: BLOG } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const answer = (await response.json()) as { lang: string; messages: Record<string, unknown> };
    expect(answer.lang).toBe('de');
    expect(answer.messages['widget.reply']).toBe('Antworten');
    expect(answer.messages['error.rate_limited']).toEqual(CATALOGUES.de['error.rate_limited']);
    // Only what the widget needs: no page, email or desk texts.
    expect(Object.keys(answer.messages).every((key) => key.startsWith('widget.') || key.startsWith('error.'))).toBe(true);

    const again = await server.api(`/widget/messages.json?v=${MESSAGES_VERSION}&lang=de-at&site=blog`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it("falls back to the site's lang for a tag it does not speak, and then caches only briefly", async () => {
    const unknown = await server.api(`/widget/messages.json?v=${MESSAGES_VERSION}&lang=xx&site=german`);
    expect(((await unknown.json()) as { lang: string }).lang).toBe('de');
    expect(unknown.headers.get('cache-control')).toBe('public, max-age=300');
    const stale = await server.api('/widget/messages.json?v=old&lang=fr&site=blog');
    expect(((await stale.json()) as { lang: string }).lang).toBe('fr');
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('error messages', () => {
  /** Every refusal the comment, edit, delete and preview endpoints give for something a reader can do. */
  async function refusals(): Promise<Array<{ code: string; field?: string }>> {
    const write = (body: Record<string, unknown>, headers: Record<string, string> = {}) => server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/p/', ...body }, headers));
    const created = (await (await write({ body: 'mine' })).json()) as { comment: { id: number }; editToken: string };
    const answers = await Promise.all([
      write({}),
      write({ body: '   ' }),
      write({ body: 'x'.repeat(10_001) }),
      write({ body: 'hi', name: 'n'.repeat(81) }),
      write({ body: 'hi', email: 'not-an-address' }),
      write({ body: 'hi', url: 'javascript:alert(1)' }),
      write({ body: 'hi\u0000there' }),
      write({ body: `${'> '.repeat(40)}deep` }),
      write({ body: 'hi', parentId: 999_999 }),
      write({ body: 'hi' }, { origin: 'https://evil.example' }),
      write({ body: 'hi', site: 'nosuch' }),
      server.api('/api/v1/comments/999999', json('PATCH', { body: 'x' }, { 'x-edit-token': 'nope' })),
      server.api(`/api/v1/comments/${created.comment.id}`, json('PATCH', { body: 'x' }, { 'x-edit-token': 'wrong' })),
      server.api(`/api/v1/comments/${created.comment.id}`, json('PATCH', { body: 'x'.repeat(100_000) }, { 'x-edit-token': created.editToken })),
      server.api('/api/v1/preview', json('POST', { body: `${'- '.repeat(40)}deep` })),
    ]);
    return Promise.all(answers.map(async (answer) => ((await answer.json()) as { error: { code: string; field?: string } }).error));
  }

  it('has a message of its own for every refusal a reader can cause, in every language, never the generic one', async () => {
    const errors = await refusals();
    expect(errors.map((error) => error.code)).toEqual(
      expect.arrayContaining(['required', 'too_long', 'invalid_email', 'invalid_url', 'invalid_input', 'too_deeply_nested', 'invalid_parent', 'forbidden_origin', 'unknown_site', 'not_found', 'invalid_token', 'payload_too_large']),
    );
    for (const lang of LANGUAGES) {
      for (const { code, field } of errors) expect(errorKey(CATALOGUES[lang], code, field), `${lang} ${code} ${field}`).not.toBe('error.unknown');
    }
    expect(errors.find((error) => error.code === 'too_long')?.field).toBe('body');
    expect(errorKey(CATALOGUES.de, 'too_long', 'body')).toBe('error.too_long.body');
    expect(errorKey(CATALOGUES.de, 'something_new')).toBe('error.unknown');
  });
});
