/**
 * The widget and the no-JS pages in the reader's language, in real Chromium:
 * a Spanish page gets Spanish, a page in a language Kommentar does not speak
 * gets the site's, a German page never shows an English error (refusals,
 * and "cannot be reached" when nothing can be loaded), and at 360 px nothing
 * German overflows. With KOMMENTAR_SCREENSHOTS=1 the German screens are saved
 * to docs/screenshots/de/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { ADMIN_TOKEN, json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

const SCREENSHOTS = process.env.KOMMENTAR_SCREENSHOTS === '1' ? 'docs/screenshots/de' : undefined;

describe.skipIf(!chromiumPath)('the reader’s language in Chromium', () => {
  let setup: BlogSetup;
  let browser: Browser;
  let phone: Browser;

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer(
      (path, server) => {
        const [, lang, site] = /^\/([\w-]+)\/(\w+)\//.exec(path) ?? [];
        return lang && site ? demoPage({ server, site, lang, pageSize: path.includes('/long/') ? 2 : undefined }) : undefined;
      },
      [{ id: 'blog', title: 'Ein stiller Blog' }, { id: 'german', lang: 'de' }],
    );
    browser = await launchBrowser();
    phone = await launchBrowser({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await phone?.close();
    await setup?.close();
  });

  async function open(on: Browser, path: string): Promise<Page> {
    const page = await on.page();
    await page.goto(setup.blog.url + path);
    await page.waitForSelector('.kommentar .k-form .k-pvb:not([hidden])');
    return page;
  }

  async function post(site: string, uri: string, fields: Record<string, unknown>, headers: Record<string, string> = {}): Promise<number> {
    const response = await setup.server.api('/api/v1/comments', json('POST', { site, uri, ...fields }, headers));
    expect(response.status).toBe(201);
    return ((await response.json()) as { comment: { id: number } }).comment.id;
  }

  /** Elements whose content is wider than their box, and whether the page is wider than the screen. */
  function overflow(page: Page): Promise<{ wide: boolean; clipped: string[] }> {
    return page.evaluate(() => {
      const clipped = [...document.querySelectorAll<HTMLElement>('button, a, label, h1, h2, summary, p, span, small, b, time, td, th, input, textarea')]
        // The honeypot is out of sight on purpose.
        .filter((el) => el.offsetParent !== null && !el.closest('[aria-hidden=true]') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
      return { wide: document.documentElement.scrollWidth > window.innerWidth, clipped };
    });
  }

  async function noOverflow(page: Page, name: string): Promise<void> {
    expect(await overflow(page), name).toEqual({ wide: false, clipped: [] });
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  it('speaks Spanish on <html lang="es">, from messages the server sends, and posts the language along', async () => {
    const page = await browser.page();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${setup.blog.url}/es/blog/`);
    await page.waitForSelector('.kommentar .k-form .k-pvb:not([hidden])');
    expect(await page.textContent('.k-count')).toBe('Aún no hay comentarios');
    expect(await page.textContent('.k-form .k-send')).toBe('Publicar comentario');
    expect(requests.filter((url) => url.includes('/widget/messages.json'))).toHaveLength(1);
    expect(requests.every((url) => url.startsWith(setup.blog.url) || url.startsWith(setup.server.url))).toBe(true);
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/v1/comments'));
    await page.fill('.k-form textarea[name=body]', '¡Hola!');
    await page.click('.k-form .k-send');
    await page.waitForFunction(() => document.querySelector('.k-status')?.textContent === 'Tu comentario está publicado.');
    expect((await sent).postDataJSON()).toMatchObject({ lang: 'es' });
    expect(await page.textContent('.k-count')).toBe('1 comentario');
    expect(await page.textContent('.k-c .k-reply')).toBe('Responder');
    expect(browser.errors).toEqual([]);
  });

  it("shows the site's language on a page in a language Kommentar does not speak", async () => {
    const page = await open(browser, '/xx/german/');
    expect(await page.textContent('.k-count')).toBe('Noch keine Kommentare');
    expect(await page.getAttribute('.kommentar', 'lang')).toBe('de');
  });

  it('never shows an English error on a German page: a too-long comment, a bad website', async () => {
    const page = await open(phone, '/de/blog/');
    // maxlength stops typing; a script (or a paste through an extension) can still send more.
    await page.$eval('.k-form textarea[name=body]', (el: HTMLTextAreaElement) => (el.value = 'x'.repeat(10_001)));
    await page.click('.k-form .k-send');
    await page.waitForSelector('.k-form textarea[name=body][aria-invalid=true]');
    expect(await page.textContent('.k-form textarea[name=body] + .k-err')).toBe('Dein Kommentar ist zu lang. Bitte kürze ihn.');

    await page.fill('.k-form textarea[name=body]', 'Schau auf meine Seite');
    await page.fill('.k-form input[name=url]', 'javascript:alert(1)');
    await page.click('.k-form .k-send');
    await page.waitForSelector('.k-form input[name=url][aria-invalid=true]');
    expect(await page.textContent('.k-form input[name=url] + .k-err')).toBe('Gib die Adresse der Website mit http:// oder https:// am Anfang an.');
    await noOverflow(page, 'widget-error');
    phone.errors.length = 0; // Chromium logs each refused request (400) to the console
  });

  it('says "cannot be reached" in German when it can load nothing from the comment server', async () => {
    const page = await browser.page();
    await page.route(/\/(widget\/messages\.json|api\/v1\/)/, (route) => route.abort('connectionrefused'));
    await page.goto(`${setup.blog.url}/de-AT/blog/`);
    await page.waitForFunction(() => document.querySelector('.k-loading')?.textContent?.includes('erreichbar'));
    expect(await page.textContent('.k-loading')).toBe('Der Kommentar-Server ist nicht erreichbar. Bitte versuch es noch einmal.');
    browser.errors.length = 0; // the refused requests are logged to the console, as they should be
  });

  it('fits German into 360 px: a thread with replies, the form, an error and "show N more"', async () => {
    const uri = '/de/blog/long/';
    const first = await post('blog', uri, { body: 'Zählt der Dialogbericht auch Antworten auf gelöschte Kommentare? Ich frage, weil bei mir einige Diskussionen so enden.', name: 'Maren Schwarzenberger-Dietrich', url: 'https://maren.example' });
    const answer = await post('blog', uri, { body: 'Ja: Ein gelöschter Kommentar bleibt als Platzhalter stehen, seine Antworten behalten ihre Tiefe.', name: 'Lena', parentId: first }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    let parentId = answer;
    for (const name of ['Maren', 'Tobi', 'Lena', 'Maren', 'Tobi']) parentId = await post('blog', uri, { body: 'Danke, genau das wollte ich wissen.', name, parentId });
    for (const name of ['Jörg', 'Anneliese', 'Kai']) await post('blog', uri, { body: 'Kurz und gut: `npm start`, und es läuft.', name });

    const page = await open(phone, uri);
    expect(await page.textContent('.k-more')).toBe('2 weitere Kommentare zeigen');
    expect(await page.textContent('.k-count')).toBe('10 Kommentare');
    await noOverflow(page, 'widget-thread');
    await page.click(`#comment-${first} > .k-art .k-reply`);
    expect(await page.textContent('.k-to-note span')).toBe('Antwort an Maren Schwarzenberger-Dietrich');
    await noOverflow(page, 'widget-reply-form');
    await page.click('.k-more');
    await page.waitForFunction(() => !document.querySelector('.k-more'));
    expect(await page.locator('.kommentar > .k-list > li.k-c').count()).toBe(4);
    expect(phone.errors).toEqual([]);
  });

  it('fits the German no-JS thread page and the refused-form page into 360 px', async () => {
    const page = await phone.page();
    await page.setExtraHTTPHeaders({ 'accept-language': 'de-DE,de;q=0.9' });
    await page.goto(`${setup.server.url}/thread?site=blog&uri=/de/blog/long/`);
    expect(await page.textContent('h1')).toBe('Kommentare');
    await noOverflow(page, 'thread-page');

    // Without JavaScript, a form whose hidden honeypot field was filled in (as a robot or an eager autofill does) is refused.
    const plain = await phone.context.browser()!.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'de-DE' });
    try {
      const form = await plain.newPage();
      await form.goto(`${setup.server.url}/thread?site=blog&uri=/de/blog/long/&lang=de`);
      await form.fill('.k-form textarea[name=body]', 'Ich bin ganz sicher kein Roboter.');
      await form.fill('.k-form input[name=website]', 'https://spam.example', { force: true });
      await Promise.all([form.waitForNavigation(), form.click('.k-form .k-send')]);
      expect(await form.textContent('h1')).toBe('Dein Kommentar wurde nicht gesendet');
      expect(await form.textContent('[role=alert]')).toContain('als hätte ein Roboter es ausgefüllt');
      await noOverflow(form, 'form-error-page');
    } finally {
      await plain.close();
    }
  });
});
