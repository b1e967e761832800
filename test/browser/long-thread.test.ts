/**
 * Long threads in real Chromium: the widget shows the first top-level threads
 * with "Show N more comments" and folds long subthreads; a permalink to a
 * comment that is not on screen (not loaded yet, or folded) still opens it;
 * without JavaScript the prerender's "show more" link opens the whole thread.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { translator } from '../../server/i18n/translate.js';
import { FOLD_AFTER, renderThread } from '../../server/widget/markup.js';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

const uri = '/posts/long/';
const PAGE = 5;
/** Top-level comments; the second and the seventh carry a subthread long enough to start folded. */
const TOP = 8;
const LONG = [1, 6];

describe.skipIf(!chromiumPath)('a long thread', () => {
  let setup: BlogSetup;
  let browser: Browser;
  let noJs: Browser;
  let prerendered = '';
  const tops: number[] = [];
  const replies = new Map<number, number[]>();
  let total = 0;

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer((path) => {
      if (path === '/static/') return demoPage({ server: setup.server.url, site: 'blog', thread: uri, prerendered, styles: true });
      return path === uri ? demoPage({ server: setup.server.url, site: 'blog', pageSize: PAGE }) : undefined;
    }, [{ id: 'blog' }]);
    const post = async (body: string, parentId?: number) => {
      const response = await setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri, body, name: 'Sam', parentId }));
      total++;
      return ((await response.json()) as { comment: PublicComment }).comment.id;
    };
    for (let i = 0; i < TOP; i++) {
      const id = await post(`Top-level comment ${i}`);
      tops.push(id);
      const list: number[] = [];
      for (let r = 0; r < (LONG.includes(i) ? FOLD_AFTER + 2 : 1); r++) list.push(await post(`Reply ${r} to ${i}`, id));
      replies.set(id, list);
    }
    const listed = await setup.server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
    const { comments } = (await listed.json()) as { comments: PublicComment[] };
    prerendered = renderThread(comments, { server: setup.server.url, site: 'blog', uri, ...translator('en'), now: Date.now(), timeZone: 'UTC', pageSize: PAGE });
    browser = await launchBrowser();
    noJs = await launchBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await noJs?.close();
    await setup?.close();
  });

  const topLevel = (page: Page) => page.locator('.kommentar > .k-list > li.k-c').count();
  const hiddenComments = () => tops.slice(PAGE).reduce((n, id) => n + 1 + replies.get(id)!.length, 0);

  it('shows the first threads, folds the long subthread, and loads the rest in place on "show more"', async () => {
    const page = await browser.page();
    await page.goto(setup.blog.url + uri);
    // Wired: the widget has put in every thread of the first page by then (the first frame holds only the first few).
    await page.waitForSelector('.kommentar .k-form .k-pvb:not([hidden])');
    const shownIds = await page.$$eval('.kommentar > .k-list > li.k-c', (items) => items.map((li) => li.id));
    expect(shownIds).toEqual(tops.slice(0, PAGE).map((id) => `comment-${id}`));
    expect(await page.textContent('.k-more')).toBe(`Show ${hiddenComments()} more comments`);
    // The long subthread is folded: its summary gives its size, its replies are not shown.
    const folded = page.locator(`#comment-${tops[LONG[0]!]} > details.k-sub`);
    expect(await folded.getAttribute('open')).toBeNull();
    expect(await folded.locator('summary').textContent()).toBe(`${FOLD_AFTER + 2} replies`);
    expect(await page.isVisible(`#comment-${replies.get(tops[LONG[0]!]!)![0]}`)).toBe(false);
    // A short one stays open.
    expect(await page.isVisible(`#comment-${replies.get(tops[0]!)![0]}`)).toBe(true);

    await page.click('.k-more');
    await page.waitForSelector('.k-more', { state: 'detached' });
    expect(await topLevel(page)).toBe(TOP);
    expect(await page.isVisible(`#comment-${tops[TOP - 1]}`)).toBe(true);
    expect(await page.textContent('.k-count')).toBe(`${total} comments`);
    expect(browser.errors).toEqual([]);
  });

  it('opens a permalink to a reply that is neither loaded nor unfolded', async () => {
    const target = replies.get(tops[LONG[1]!]!)!.at(-1)!;
    const page = await browser.page();
    await page.goto(`${setup.blog.url}${uri}#comment-${target}`);
    await page.waitForSelector(`#comment-${target}`, { state: 'visible' });
    expect(await page.locator(`#comment-${tops[LONG[1]!]} > details.k-sub`).getAttribute('open')).toBe('');
    // The branch was opened and scrolled to.
    const box = await page.locator(`#comment-${target}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(page.viewportSize()!.height);
    expect(browser.errors).toEqual([]);
  });

  it('without JavaScript: the prerender shows the first threads and its "show more" link opens the whole thread', async () => {
    const page = await noJs.page();
    await page.goto(`${setup.blog.url}/static/`);
    expect(await topLevel(page)).toBe(PAGE);
    // Folded subthreads open with a click on their summary, no script needed.
    await page.click(`#comment-${tops[LONG[0]!]} > details.k-sub > summary`);
    expect(await page.isVisible(`#comment-${replies.get(tops[LONG[0]!]!)![0]}`)).toBe(true);
    await Promise.all([page.waitForURL(/\/thread\?/), page.click('.k-more')]);
    expect(await page.locator('li.k-c').count()).toBe(total);
    expect(await topLevel(page)).toBe(TOP);
  });
});
