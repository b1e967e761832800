/**
 * With JavaScript off, the prerendered page's plain HTML form still posts,
 * and the reader lands on the server's thread page with their comment in view
 * (site option formRedirect: 'thread'), or on "awaiting moderation".
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { translator } from '../../server/i18n/translate.js';
import { renderThread } from '../../server/widget/markup.js';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

describe.skipIf(!chromiumPath)('the widget without JavaScript', () => {
  let setup: BlogSetup;
  let browser: Browser;
  /** The static pages as a build wrote them, keyed by path. */
  const built = new Map<string, string>();

  /** What a static-site build does: fetch the thread and write the page with the prerendered markup. */
  async function buildPage(path: string, site: string): Promise<void> {
    const response = await setup.server.api(`/api/v1/comments?site=${site}&uri=${encodeURIComponent(path)}`);
    const { comments } = (await response.json()) as { comments: PublicComment[] };
    // The build ran a minute before the reader opened the page (the form's fill-time stamp is its render time).
    const view = { server: setup.server.url, site, uri: path, ...translator('en'), now: Date.now() - 60_000, etag: response.headers.get('etag') ?? undefined };
    built.set(path, demoPage({ server: setup.server.url, site, thread: path, prerendered: renderThread(comments, view) }));
  }

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer((path) => built.get(path), [
      { id: 'blog', formRedirect: 'thread' },
      { id: 'moderated', formRedirect: 'thread', moderation: 'all' },
    ]);
    browser = await launchBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  const inView = async (page: Page, selector: string) => {
    const box = await page.locator(selector).boundingBox();
    return box !== null && box.y >= 0 && box.y < page.viewportSize()!.height;
  };

  it('posts the plain form and lands on the new comment, visible, at #comment-ID', async () => {
    // A long thread already: the new comment ends up far below the fold, so only the #comment-ID jump shows it.
    for (let i = 1; i <= 12; i++) {
      const response = await setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/posts/no-js/', body: `Earlier comment ${i}\n\nwith a second paragraph`, name: `R${i}` }));
      expect(response.status).toBe(201);
    }
    await buildPage('/posts/no-js/', 'blog');
    const page = await browser.page();
    await page.goto(`${setup.blog.url}/posts/no-js/`);
    // The widget's JavaScript-only controls stay hidden.
    expect(await page.isHidden('.k-form .k-pvb')).toBe(true);
    await page.fill('textarea[name=body]', 'Posted without **JavaScript**.');
    await page.fill('input[name=name]', 'Lynx');
    await Promise.all([page.waitForURL(/\/thread\?/), page.click('.k-send')]);

    const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(page.url().startsWith(`${setup.server.url}/thread?site=blog&uri=%2Fposts%2Fno-js%2F`)).toBe(true);
    expect(await page.textContent(`#comment-${id} .k-text`)).toBe('Posted without JavaScript.');
    expect(await page.textContent(`#comment-${id} .k-name`)).toBe('Lynx');
    expect(await inView(page, `#comment-${id}`)).toBe(true);
    expect(await inView(page, 'h1')).toBe(false);
    expect(await page.getAttribute('main > p > a', 'href')).toBe(`${setup.blog.url}/posts/no-js/`);
    // A plain thank-you that stays in view beside the comment, with the way back to it on the post.
    const thanks = page.locator(`#kommentar-posted-${id}`);
    expect(await thanks.locator('p').textContent()).toBe('Thank you — your comment is published.');
    expect(await thanks.locator('a').getAttribute('href')).toBe(`${setup.blog.url}/posts/no-js/#comment-${id}`);
    expect(await inView(page, `#kommentar-posted-${id}`)).toBe(true);

    // Replying works there too: the Reply link opens the thread page's form as a reply.
    await page.click(`#comment-${id} .k-reply`);
    expect(await page.textContent('.k-to-note')).toBe('Replying to Lynx Cancel');
    expect(await page.inputValue('input[name=parentId]')).toBe(String(id));
    await page.fill('textarea[name=body]', 'And a reply, still without scripts.');
    // The server requires a few seconds between showing a form and its post; the reader took them.
    const clock = setup.server.ctx.now;
    setup.server.ctx.now = () => clock() + 5_000;
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('.k-send')]);
    setup.server.ctx.now = clock;
    const replyId = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
    expect(replyId).toBeGreaterThan(id);
    expect(await page.textContent(`#comment-${id} .k-sub #comment-${replyId} .k-text`)).toBe('And a reply, still without scripts.');
    expect(await inView(page, `#comment-${replyId}`)).toBe(true);
    mkdirSync('test-output/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-output/screenshots/thread-page-no-js.png' });
  });

  it('says "awaits moderation" when the comment is held, with the way back to the post', async () => {
    await buildPage('/posts/held/', 'moderated');
    const page = await browser.page();
    await page.goto(`${setup.blog.url}/posts/held/`);
    await page.fill('textarea[name=body]', 'Hold me for review');
    await Promise.all([page.waitForURL(/pending=/), page.click('.k-send')]);
    const id = /#kommentar-pending-(\d+)$/.exec(page.url())?.[1];
    expect(id).toBeDefined();
    expect(await page.textContent(`#kommentar-pending-${id} p`)).toBe('Thank you — your comment awaits moderation. It appears here once the author approves it.');
    expect(await page.getAttribute(`#kommentar-pending-${id} a`, 'href')).toBe(`${setup.blog.url}/posts/held/`);
    await page.screenshot({ path: 'test-output/screenshots/thread-page-pending.png' });
    expect(await page.locator('li.k-c').count()).toBe(0);
  });
});
