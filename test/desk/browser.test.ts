import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { chromiumPath, launchBrowser, type Browser } from '../helpers/browser.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { DESK_PASSWORD } from './desk-client.js';

describe.skipIf(!chromiumPath)('the desk in Chromium, on a phone-sized screen', () => {
  let server: TestServer;
  let browser: Browser;
  const waiting: number[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      config: { sites: [{ id: 'blog', title: 'The Blog', origins: ['https://blog.example'], authorName: 'Ada' }], adminPasswordHash: await hashPassword(DESK_PASSWORD) },
    });
    for (const [name, body] of [['Anna', 'When is part two coming?'], ['Ben', 'Which camera did you use?']]) {
      const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/trip/', title: 'The trip', body, name }));
      waiting.push(((await response.json()) as { comment: { id: number } }).comment.id);
    }
    browser = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in, answers the oldest waiting comment, and sees the inbox shrink', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');

    await page.getByLabel('Password').fill('a wrong guess');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByText('That is not the password.').isVisible()).toBe(true);
    await page.getByLabel('Password').fill(DESK_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/admin`);

    expect(await page.locator('#waiting-count').textContent()).toBe('2');
    const cards = page.locator('article.card');
    expect(await cards.evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual(waiting.map((id) => `comment-${id}`));
    // Usable on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const oldest = cards.first();
    await oldest.getByLabel('Your answer').fill('Part two comes **next week**.');
    await oldest.getByRole('button', { name: 'Answer as Ada' }).click();
    await expect.poll(() => page.getByText('Your answer is published.').isVisible()).toBe(true);
    expect(await page.locator('#waiting-count').textContent()).toBe('1');
    expect(await page.locator('article.card').evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual([`comment-${waiting[1]}`]);

    const thread = (await (await server.api('/api/v1/comments?site=blog&uri=/trip/')).json()) as { comments: { parentId: number | null; isAuthor: boolean; html: string }[] };
    expect(thread.comments.find((c) => c.isAuthor)).toMatchObject({ parentId: waiting[0], html: '<p>Part two comes <strong>next week</strong>.</p>' });
    // The strict CSP blocks nothing the desk needs (the stylesheet is served, there are no scripts).
    expect(browser.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).not.toBe('none');
  });
});
