/**
 * The desk and the email-linked pages in German on a 360 px wide phone, in
 * real Chromium: no label, button, heading or cell wider than its box, and no
 * page wider than the screen. With KOMMENTAR_SCREENSHOTS=1 the same flow
 * saves the German screenshots in docs/screenshots/de/ (never in a normal run).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { subscriptionLink } from '../../server/notify/subscriptions.js';
import { chromiumPath, launchBrowser, type Browser } from '../helpers/browser.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { DESK_PASSWORD } from './desk-client.js';

const WIDTH = 360;
const SCREENSHOTS = process.env.KOMMENTAR_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots/de') : undefined;

/** Elements whose content is wider than their box (cut off or spilling over), and whether the page is wider than the screen. */
function overflowOf(page: Page): Promise<{ pageWidth: number; overflowing: string[] }> {
  return page.evaluate(() => {
    const selector = 'button, label, h1, h2, h3, th, td, a, p, li, select, summary, strong, .notice, .brand';
    const overflowing = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.trim().slice(0, 60)}`);
    return { pageWidth: document.documentElement.scrollWidth, overflowing };
  });
}

describe.skipIf(!chromiumPath)('the German desk and email pages at 360 px', () => {
  let server: TestServer;
  let browser: Browser;

  /** Checks the page for overflow and, when asked, keeps a screenshot of it. */
  async function check(page: Page, name: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    const { pageWidth, overflowing } = await overflowOf(page);
    expect(overflowing, name).toEqual([]);
    expect(pageWidth, name).toBeLessThanOrEqual(WIDTH);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer({
      config: {
        sites: [
          { id: 'blog', title: 'Reisetagebuch', origins: ['https://blog.example'], authorName: 'Ada', lang: 'de' },
          { id: 'fotos', title: 'Fotografie', origins: ['https://fotos.example'], authorName: 'Ada', lang: 'de', moderation: 'first-time' },
        ],
        adminPasswordHash: await hashPassword(DESK_PASSWORD),
      },
    });
    const post = (site: string, fields: Record<string, unknown>) => server.api('/api/v1/comments', json('POST', { site, lang: 'de', ...fields }));
    const trip = { uri: '/reisen/donau/', title: 'Mit dem Fahrrad die Donau entlang: Passau bis Wien' };
    for (const [name, body] of [
      ['Anna', 'Wann kommt der zweite Teil? Ich plane die Strecke für nächsten Sommer.'],
      ['Benedikt', 'Welche Donaudampfschifffahrtsgesellschaftskapitänsmütze hattest du auf?'],
      ['Charlotte', 'Danke für den schönen Bericht!'],
    ]) {
      expect((await post('blog', { ...trip, body, name })).status).toBe(201);
    }
    for (const [name, body] of [
      ['Dora', 'Mit welchem Objektiv hast du die Nachtaufnahmen gemacht?'],
      ['Egon', 'Billige Uhren hier!!!'],
    ] as const) {
      const response = await post('fotos', { uri: '/nacht/', title: 'Nachtaufnahmen ohne Stativ', body, name, identity: `identity-of-${name.toLowerCase()}-0123456789` });
      expect(response.status).toBe(202);
    }
    browser = await launchBrowser({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, locale: 'de-DE' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('login, inbox, moderation and deliveries fit the screen', async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Passwort').fill('falsch geraten');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByText('Das ist nicht das Passwort.').isVisible()).toBe(true);
    await check(page, 'login');
    await page.getByLabel('Passwort').fill(DESK_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${server.url}/admin`);

    // One comment needs no answer: marking it shows the notice and the "marked" list.
    const thanks = page.locator('article.card', { hasText: 'Danke für den schönen Bericht!' });
    await thanks.getByRole('button', { name: 'Keine Antwort nötig' }).click();
    await expect.poll(() => page.getByText('1 Kommentar mit „keine Antwort nötig“ markiert.', { exact: false }).isVisible()).toBe(true);
    expect(await page.locator('#waiting-count').textContent()).toBe('2');
    await check(page, 'inbox');

    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('link', { name: 'Fotografie' }).click();
    await expect.poll(() => page.locator('#pending-count').textContent()).toBe('2');
    const spam = page.locator('article.card', { hasText: 'Billige Uhren' });
    await spam.getByRole('button', { name: 'Spam' }).click();
    await expect.poll(() => page.getByText('1 Kommentar als Spam markiert.').isVisible()).toBe(true);
    // The longest German moderation label, on a phone.
    await expect.poll(() => page.getByRole('button', { name: 'Freischalten und vertrauen' }).first().isVisible()).toBe(true);
    await check(page, 'moderation');

    await page.getByRole('link', { name: 'Zustellungen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'E-Mails und Webhooks' }).isVisible()).toBe(true);
    await check(page, 'deliveries');
    expect(browser.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });

  it('the pages behind the links in German emails fit the screen', async () => {
    const page = await browser.page();
    await page.goto(subscriptionLink(server.ctx, 'confirm', 'leser@example.org', 'de'));
    await check(page, 'email-confirm');
    await page.getByRole('button', { name: 'Ja, schreib mir bei Antworten' }).click();
    await expect.poll(() => page.getByText('Nichts zu bestätigen', { exact: false }).isVisible()).toBe(true);
    await check(page, 'email-confirm-done');

    await page.goto(subscriptionLink(server.ctx, 'unsubscribe', 'leser@example.org', 'de'));
    await check(page, 'email-unsubscribe');
    await page.getByRole('button', { name: 'Abbestellen' }).click();
    await expect.poll(() => page.getByText('Abbestellt:', { exact: false }).isVisible()).toBe(true);
    await check(page, 'email-unsubscribe-done');

    await page.goto(`${server.url}/notifications/publish?c=1&sig=${'A'.repeat(43)}&lang=de`);
    await check(page, 'email-publish');
    await page.getByRole('button', { name: 'Ja, veröffentlichen' }).click();
    await expect.poll(() => page.getByText('Dieser Link ist nicht (mehr) gültig', { exact: false }).isVisible()).toBe(true);
    await check(page, 'email-link-error');
  });
});
