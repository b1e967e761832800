/**
 * A reader in real Chromium: opens a built post, comments through the
 * widget, and after a rebuild the post's count and the dialogue pages show
 * that comment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, type Browser } from '../helpers/browser.js';
import { buildSite, numberGrid, page, startSeededServer, tableRow, type SeededServer } from './helpers.js';

const NOTEBOOK = '/posts/a-notebook-in-every-coat/';

let seeded: SeededServer;
let browser: Browser;
let siteDir: string;

describe.skipIf(!chromiumPath)('the example blog in a browser', () => {
  beforeAll(async () => {
    siteDir = mkdtempSync(join(tmpdir(), 'kommentar-served-'));
    // The server serves the built blog itself, as `npm start` does: blog and API share one origin.
    seeded = await startSeededServer({ env: { KOMMENTAR_STATIC_ROOT: siteDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
    rmSync(siteDir, { recursive: true, force: true });
  });

  const build = () => buildSite(seeded, 'served', { output: siteDir });

  it('a comment written on a built post shows in its count and on the dialogue pages after a rebuild', async () => {
    await build();
    const before = {
      heading: /<h2 class="k-count">(\d+) comments<\/h2>/.exec(page(siteDir, NOTEBOOK))![1]!,
      site: numberGrid(page(siteDir, '/dialogue/')).get('Comments')!,
      post: tableRow(page(siteDir, `/dialogue${NOTEBOOK}`), 'scope="row">Comments<')[1]!,
    };

    const tab = await browser.page();
    await tab.goto(`${seeded.server.url}${NOTEBOOK}`);
    await expect.poll(() => tab.locator('.k-count').textContent()).toBe(`${before.heading} comments`);
    await tab.locator('.k-form textarea[name="body"]').fill('I keep a pencil stub in each notebook, tied on with string.');
    await tab.locator('.k-form input[name="name"]').fill('Greta');
    await tab.locator('.k-form .k-send').click();
    // The widget shows the new comment at once, without a reload.
    await expect.poll(() => tab.locator('.k-c', { hasText: 'tied on with string' }).count(), { timeout: 10_000 }).toBe(1);

    await build();
    await tab.reload();
    const after = Number(before.heading) + 1;
    await expect.poll(() => tab.locator('.k-count').textContent()).toBe(`${after} comments`);
    // Prerendered into the static page, so it is there without JavaScript too.
    expect(page(siteDir, NOTEBOOK)).toContain('tied on with string');

    await tab.goto(`${seeded.server.url}/dialogue/`);
    const grid = await tab.locator('.kommentar-numbers div', { has: tab.locator('dt', { hasText: /^Comments$/ }) }).locator('dd').first().textContent();
    expect(Number(grid)).toBe(Number(before.site) + 1);
    await tab.goto(`${seeded.server.url}/dialogue${NOTEBOOK}`);
    const row = tab.locator('tr', { has: tab.locator('th[scope="row"]', { hasText: /^Comments$/ }) });
    expect(Number(await row.locator('td').first().textContent())).toBe(Number(before.post) + 1);
    // The conversation map, the thread over time and the depth chart.
    expect(await tab.locator('figure.kommentar-chart svg[role="img"]').count()).toBe(3);
    expect(browser.errors).toEqual([]);
  });
});
