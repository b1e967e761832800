/**
 * A blog whose origin is missing from the site's `origins`, in real Chromium:
 * readers see a neutral note instead of "cannot be reached", and the console
 * names the exact fix for the blogger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { demoPage } from './demo-page.js';

describe.skipIf(!chromiumPath)('a page whose origin is not in origins', () => {
  let setup: BlogSetup;
  let browser: Browser;

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer(
      (path, server) => {
        if (path.startsWith('/de/')) return demoPage({ server, site: 'blog', lang: 'de' });
        if (path.startsWith('/nowhere/')) return demoPage({ server, site: 'nowhere' });
        return demoPage({ server, site: 'blog' });
      },
      // The blog's own origin (this test's loopback port) is not listed for "blog": the classic first-hour mistake.
      [{ id: 'blog', origins: ['https://blog.example'] }],
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  it('shows readers a neutral note and names the fix in the console', async () => {
    const page = await browser.page();
    await page.goto(`${setup.blog.url}/posts/x/`);
    await page.waitForSelector('.k-loading:not(:empty)');
    await page.waitForFunction(() => !document.querySelector('.k-loading')?.textContent?.includes('Loading'));
    expect(await page.textContent('[data-kommentar-thread]')).toBe('Comments are unavailable here.');
    expect(browser.errors.join('\n')).toContain(`[kommentar] add ${setup.blog.url} to origins of site blog`);
    await page.close();
  });

  it('in German too', async () => {
    const page = await browser.page();
    await page.goto(`${setup.blog.url}/de/posts/x/`);
    // Empty until the messages are in, then "loading", then the note.
    await page.waitForFunction(() => /^(?!.*Lade)./.test(document.querySelector('[data-kommentar-thread]')?.textContent ?? ''));
    expect(await page.textContent('[data-kommentar-thread]')).toBe('Kommentare sind hier nicht verfügbar.');
    await page.close();
  });

  it('a site id the server does not have: the console says so', async () => {
    browser.errors.length = 0;
    const page = await browser.page();
    await page.goto(`${setup.blog.url}/nowhere/x/`);
    await page.waitForFunction(() => /^(?!.*Loading)./.test(document.querySelector('[data-kommentar-thread]')?.textContent ?? ''));
    expect(await page.textContent('[data-kommentar-thread]')).toBe('Comments are unavailable here.');
    expect(browser.errors.join('\n')).toContain('there is no site "nowhere" on this server');
    await page.close();
  });
});
