/**
 * Every page a blogger or reader sees, in real Chromium: the dialogue pages,
 * a post with the widget, the no-JS thread page and the desk, light and dark,
 * on a desktop (1280 px) and a phone (360 px). Screenshots go to
 * test-output/screenshots/ for a person to look at; the test checks what a
 * screenshot cannot be trusted to show: no page scrolls sideways on a phone,
 * the dark variant really is dark, and the widget follows the page it sits on.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { DESK_PASSWORD } from '../desk/desk-client.js';
import { chromiumPath, launchBrowser, type Browser } from '../helpers/browser.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { buildSite, startSeededServer, type SeededServer } from './helpers.js';

const BREAD = '/posts/sauerteig-ohne-dogma/';
const WALK = '/posts/the-long-way-home/';
const SHOTS = 'test-output/screenshots';

let seeded: SeededServer;
let browser: Browser;
let siteDir: string;
let posted: number;

/** Runs in the page: the relative luminance of the first painted background from `selector` up. */
function luminanceOf(selector: string): number {
  let el: Element | null = document.querySelector(selector);
  for (; el; el = el.parentElement) {
    const [r = 0, g = 0, b = 0, a = 1] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
    if (a === 0) continue;
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  return 1;
}

describe.skipIf(!chromiumPath)('every page, light and dark, desktop and phone', () => {
  const pages = () => [
    { name: 'dialogue', path: '/dialogue/' },
    { name: 'dialogue-post', path: `/dialogue${BREAD}` },
    { name: 'post', path: BREAD },
    { name: 'thread-page', path: `/thread?site=example&uri=${encodeURIComponent(WALK)}&posted=${posted}#comment-${posted}` },
    { name: 'desk-inbox', path: '/admin' },
    { name: 'desk-report', path: '/admin/report' },
    { name: 'desk-moderation', path: '/admin/moderation' },
  ];

  beforeAll(async () => {
    siteDir = mkdtempSync(join(tmpdir(), 'kommentar-screens-'));
    seeded = await startSeededServer({
      env: { KOMMENTAR_STATIC_ROOT: siteDir },
      config: { sites: [{ id: 'example', title: 'Küchentisch', authorName: 'Mara', formRedirect: 'thread' }], adminPasswordHash: await hashPassword(DESK_PASSWORD) },
    });
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    // One thank-you marked "no answer needed", so the pages show that too.
    const report = (await (await seeded.server.api('/api/v1/report?site=example', { headers: auth })).json()) as { posts: { waitingForAuthorIds: number[] }[] };
    const first = report.posts.flatMap((p) => p.waitingForAuthorIds)[0]!;
    expect((await seeded.server.api(`/api/v1/comments/${first}/acknowledge`, { method: 'POST', headers: auth })).status).toBe(200);
    const thread = (await (await seeded.server.api(`/api/v1/comments?site=example&uri=${encodeURIComponent(WALK)}`)).json()) as { comments: { id: number }[] };
    posted = thread.comments.at(-1)!.id;
    await buildSite(seeded, 'screens', { output: siteDir, token: ADMIN_TOKEN });
    browser = await launchBrowser();
    const login = await browser.page();
    await login.goto(`${seeded.server.url}/admin/login`);
    await login.getByLabel('Password').fill(DESK_PASSWORD);
    await Promise.all([login.waitForURL(`${seeded.server.url}/admin`), login.getByRole('button', { name: 'Log in' }).click()]);
    await login.close();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  async function open(path: string, scheme: 'light' | 'dark', width: number): Promise<Page> {
    const page = await browser.page();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: width > 600 ? 900 : 760 });
    await page.goto(seeded.server.url + path);
    await page.waitForLoadState('load');
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const name of ['dialogue', 'dialogue-post', 'post', 'thread-page', 'desk-inbox', 'desk-report', 'desk-moderation']) {
      it(`${name}, ${scheme}: fits a 360 px phone without sideways scrolling; screenshots at 1280 and 360 px`, { timeout: 90_000 }, async () => {
        const { path } = pages().find((p) => p.name === name)!;
        for (const width of [1280, 360]) {
          const page = await open(path, scheme, width);
          if (name === 'post') await page.waitForSelector('.k-form .k-pvb:not([hidden])');
          await page.screenshot({ path: `${SHOTS}/${name}-${scheme}-${width}.png`, fullPage: true });
          if (width === 360) {
            const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
            // On failure, say which element sticks out.
            const widest = await page.evaluate(() =>
              [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > 360.5)
                .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
                .slice(-3)
                .join(', '),
            );
            expect(scroll, `${name} at 360 px (${scheme}): ${widest}`).toBeLessThanOrEqual(360);
          }
          // The dark variant follows the site: a dark page, never a light island (and the other way round).
          const lum = await page.evaluate(luminanceOf, 'main');
          if (scheme === 'dark') expect(lum, `${name} background (${scheme})`).toBeLessThan(0.1);
          else expect(lum, `${name} background (${scheme})`).toBeGreaterThan(0.7);
          await page.close();
        }
        expect(browser.errors).toEqual([]);
      });
    }
  }

  it('the dialogue page turns dark with the site when the site sets the attribute, whatever the reader prefers', { timeout: 60_000 }, async () => {
    const page = await open('/dialogue/', 'light', 1280);
    expect(await page.evaluate(luminanceOf, '.kommentar-report')).toBeGreaterThan(0.7);
    await page.evaluate(() => document.documentElement.setAttribute('data-kommentar-theme', 'dark'));
    expect(await page.evaluate(luminanceOf, '.kommentar-report')).toBeLessThan(0.1);
    const text = await page.$eval('.kommentar-report h1', (el) => getComputedStyle(el).color);
    expect(text).not.toBe('rgb(43, 38, 34)'); // the light theme's ink, unreadable on dark
    await page.close();
  });

  it('a site whose Content-Security-Policy allows only its own style files gets the dialogue pages styled, nothing blocked', { timeout: 60_000 }, async () => {
    const page = await browser.page();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    // The example layout's own <style> is allowed by its hash, as a site with such a policy would; anything else inline is refused.
    await page.route(`${seeded.server.url}/dialogue/**`, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const layoutStyle = /<head>[\s\S]*?<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      const hash = createHash('sha256').update(layoutStyle).digest('base64');
      await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-security-policy': `default-src 'self'; style-src 'self' 'sha256-${hash}'` } });
    });
    await page.setViewportSize({ width: 360, height: 760 });
    await page.goto(`${seeded.server.url}/dialogue${BREAD}`);
    await page.waitForLoadState('load');
    expect(await page.$eval('.kommentar-topicmap', (el) => getComputedStyle(el).display)).toBe('flex');
    expect(await page.$eval('.kommentar-legend i.kommentar-mark-author', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(213, 94, 0)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
    await page.close();
  });

  it('the widget follows the page it sits on: a light page at night gets a light widget, and back', { timeout: 60_000 }, async () => {
    const page = await open(BREAD, 'dark', 1280);
    await page.waitForSelector('.k-form .k-pvb:not([hidden])');
    expect(await page.evaluate(luminanceOf, '.kommentar')).toBeLessThan(0.1);
    // A blog that stays light at night: its body paints white whatever the reader prefers.
    await page.evaluate(() => document.body.setAttribute('style', 'background:#ffffff;color:#222'));
    await expect.poll(() => page.evaluate(() => document.querySelector('.kommentar')!.getAttribute('data-kommentar-theme'))).toBe('light');
    expect(await page.evaluate(luminanceOf, '.kommentar')).toBeGreaterThan(0.7);
    await page.screenshot({ path: `${SHOTS}/post-light-page-dark-os-1280.png` });
    await page.evaluate(() => document.body.removeAttribute('style'));
    await expect.poll(() => page.evaluate(() => document.querySelector('.kommentar')!.getAttribute('data-kommentar-theme'))).toBe('dark');
    await page.close();
  });

  it('the example site has a favicon', async () => {
    const page = await open('/', 'light', 1280);
    const href = await page.getAttribute('link[rel="icon"]', 'href');
    expect(href).toBe('/favicon.svg');
    const response = await fetch(`${seeded.server.url}${href}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^<svg /);
    await page.close();
  });
});
