/**
 * The widget as a reader uses it, in real Chromium on a blog with its own
 * origin: posting, replying at depth, preview, edit and delete, errors,
 * moderation, remembered details, the keyboard, German, and both themes.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { startMailbox, type Mailbox } from '../desk/mailbox.js';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { ADMIN_TOKEN, json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

describe.skipIf(!chromiumPath)('the widget in Chromium', () => {
  let setup: BlogSetup;
  let browser: Browser;
  let mailbox: Mailbox;

  beforeAll(async () => {
    await buildWidget();
    // A server that sends email (to a real local SMTP server), so the form offers reply notifications.
    mailbox = await startMailbox();
    setup = await startBlogAndServer(
      (path, server) => {
        if (path.startsWith('/de/')) return demoPage({ server, site: 'blog', lang: 'de' });
        if (path.startsWith('/moderated/')) return demoPage({ server, site: 'moderated' });
        return demoPage({ server, site: 'blog' });
      },
      [{ id: 'blog', title: 'A Quiet Blog' }, { id: 'moderated', moderation: 'all' }],
      { smtp: { host: '127.0.0.1', port: mailbox.port, from: 'Kommentar <comments@blog.example>' } },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
    await mailbox?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.page();
    await page.goto(setup.blog.url + path);
    await page.waitForSelector('.kommentar .k-form .k-pvb:not([hidden])');
    return page;
  }

  async function apiPost(uri: string, fields: Record<string, unknown>, headers: Record<string, string> = {}): Promise<PublicComment> {
    const response = await setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri, ...fields }, headers));
    expect(response.status).toBe(201);
    return ((await response.json()) as { comment: PublicComment }).comment;
  }

  async function thread(uri: string): Promise<PublicComment[]> {
    const response = await setup.server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
    return ((await response.json()) as { comments: PublicComment[] }).comments;
  }

  /** Types into the form wherever it is, sends it, and returns the id of the comment that then has focus. */
  async function send(page: Page, text: string): Promise<number> {
    await page.fill('.k-form textarea[name=body]', text);
    await page.click('.k-form .k-send');
    await page.waitForFunction(() => document.activeElement?.classList.contains('k-art'));
    return page.evaluate(() => Number(document.activeElement!.parentElement!.id.replace('comment-', '')));
  }

  it('posts a comment, replies three levels deep, and shows the same tree after a reload', async () => {
    const page = await open('/posts/tree/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    expect(await page.textContent('.k-count')).toBe('No comments yet');

    await page.fill('.k-form input[name=name]', 'Ada');
    const root = await send(page, 'First, with **bold** text.');
    expect(await page.textContent('.k-status')).toBe('Your comment is published.');
    expect(await page.innerHTML(`#comment-${root} .k-text`)).toContain('<strong>bold</strong>');

    const chain = [root];
    for (const level of [2, 3, 4]) {
      await page.click(`#comment-${chain.at(-1)} > .k-art .k-reply`);
      // The form moved under the comment and the cursor is in its text field.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
      expect(await page.textContent('.k-to-note')).toContain('Replying to');
      expect(await page.getAttribute('.k-form', 'aria-label')).toBe('Replying to Ada'); // the name field keeps what was typed
      chain.push(await send(page, `Reply at level ${level}`));
    }
    expect(await page.textContent('.k-count')).toBe('4 comments');

    await page.reload();
    await page.waitForSelector('.k-form .k-pvb:not([hidden])');
    const nested = `#comment-${chain[0]} .k-sub #comment-${chain[1]} .k-sub #comment-${chain[2]} .k-sub #comment-${chain[3]}`;
    expect(await page.textContent(`${nested} .k-text`)).toBe('Reply at level 4');
    expect(await page.textContent(`#comment-${chain[0]} > .k-art .k-name`)).toBe('Ada');
    expect(await page.textContent('.k-count')).toBe('4 comments');
    // Relative time, exact time on hover, and a permalink.
    const time = page.locator(`#comment-${chain[0]} > .k-art time`);
    expect(await time.textContent()).toBe('now');
    expect(await time.getAttribute('title')).toMatch(/\d{4}/);
    expect(await page.getAttribute(`#comment-${chain[0]} > .k-art .k-time`, 'href')).toBe(`#comment-${chain[0]}`);

    expect((await thread('/posts/tree/')).map((c) => [c.id, c.depth])).toEqual(chain.map((id, i) => [id, i + 1]));
    // Only the blog and the comment server were asked for anything, and nobody set a cookie.
    expect(requests.every((url) => url.startsWith(setup.blog.url) || url.startsWith(setup.server.url))).toBe(true);
    expect(await browser.context.cookies()).toEqual([]);
    const identity = await page.evaluate(() => localStorage.getItem('kommentar-id'));
    expect(identity).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(browser.errors).toEqual([]);
  });

  it('previews Markdown through the server and follows the typing', async () => {
    const page = await open('/posts/preview/');
    await page.fill('.k-form textarea[name=body]', 'Some **bold** and a [link](https://example.org/x) <script>window.__xss=1</script>');
    await page.click('.k-pvb');
    await page.waitForSelector('.k-pv strong');
    expect(await page.textContent('.k-pv strong')).toBe('bold');
    expect(await page.getAttribute('.k-pv a', 'href')).toBe('https://example.org/x');
    expect(await page.getAttribute('.k-pv a', 'rel')).toContain('nofollow');
    expect(await page.locator('.k-pv script').count()).toBe(0);
    expect(await page.getAttribute('.k-pvb', 'aria-pressed')).toBe('true');

    await page.fill('.k-form textarea[name=body]', 'Now _emphasis_');
    await page.waitForSelector('.k-pv em');
    expect(await page.textContent('.k-pv')).toBe('Now emphasis');
    await page.click('.k-pvb');
    expect(await page.isHidden('.k-pv')).toBe(true);
    expect(await page.evaluate(() => 'window.__xss' in window && (window as { __xss?: unknown }).__xss)).toBe(false);
  });

  it('edits and then deletes its own comment inside the edit window; replies stay under the placeholder', async () => {
    const page = await open('/posts/edit/');
    const other = await apiPost('/posts/edit/', { body: 'Not yours', name: 'Bo' });
    const mine = await send(page, 'Typo heer');
    expect(await page.locator(`#comment-${other.id} .k-edit`).count()).toBe(0);

    await page.click(`#comment-${mine} .k-edit`);
    const editor = page.locator(`#comment-${mine} .k-eform textarea[name=body]`);
    expect(await editor.inputValue()).toBe('Typo heer');
    expect(await page.evaluate(() => document.activeElement?.closest('.k-eform') !== null)).toBe(true);
    await editor.fill('Typo here, *fixed*');
    await page.click(`#comment-${mine} .k-eform .k-send`);
    await page.waitForSelector(`#comment-${mine} .k-text em`);
    expect(await page.textContent(`#comment-${mine} .k-text`)).toBe('Typo here, fixed');
    expect(await page.textContent(`#comment-${mine} .k-edited`)).toBe('edited');
    expect(await page.textContent('.k-status')).toBe('Your comment was updated.');

    // Someone answers; after a reload the comment is still ours to delete.
    await apiPost('/posts/edit/', { body: 'An answer', name: 'Cy', parentId: mine });
    await page.reload();
    await page.waitForSelector(`#comment-${mine} .k-delete`);
    await page.click(`#comment-${mine} .k-delete`);
    expect(await page.textContent(`#comment-${mine} .k-delete`)).toBe('Really delete?');
    await page.click(`#comment-${mine} .k-delete`);
    await page.waitForSelector(`#comment-${mine} > .k-gone`);
    expect(await page.textContent(`#comment-${mine} > .k-art`)).toContain('deleted');
    expect(await page.textContent(`#comment-${mine} .k-sub .k-text`)).toBe('An answer');
    expect(await page.textContent('.k-count')).toBe('2 comments');
    const stored = (await thread('/posts/edit/')).find((c) => c.id === mine)!;
    expect(stored).toMatchObject({ deleted: true, html: '', name: null });
  });

  it('shows the server error at its field, sends nothing twice, and says when a comment awaits moderation', async () => {
    const page = await open('/posts/errors/');
    await page.fill('.k-form textarea[name=body]', 'Look at my site');
    await page.fill('.k-form input[name=url]', 'javascript:alert(1)');
    await page.click('.k-form .k-send');
    await page.waitForSelector('.k-form input[name=url][aria-invalid=true]');
    expect(await page.textContent('.k-form input[name=url] + .k-err')).toContain('http');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('url');

    await page.fill('.k-form input[name=url]', '');
    await page.check('.k-form input[name=notify]');
    await page.click('.k-form .k-send');
    await page.waitForSelector('.k-form input[name=email][aria-invalid=true]');
    await page.uncheck('.k-form input[name=notify]');
    expect(await thread('/posts/errors/')).toEqual([]);

    // Two submits in the same instant post once.
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('.k-form')!;
      form.requestSubmit();
      form.requestSubmit();
      form.querySelector<HTMLButtonElement>('.k-send')!.click();
    });
    await page.waitForFunction(() => document.querySelector('.k-status')?.textContent === 'Your comment is published.');
    expect(await thread('/posts/errors/')).toHaveLength(1);

    const moderated = await open('/moderated/post/');
    await moderated.fill('.k-form textarea[name=body]', 'Please approve me');
    await moderated.click('.k-form .k-send');
    await moderated.waitForFunction(() => document.activeElement?.classList.contains('k-status'));
    expect(await moderated.textContent('.k-status')).toBe('Thank you! Your comment is awaiting moderation.');
    expect(await moderated.locator('li.k-c').count()).toBe(0);
    expect(await moderated.inputValue('.k-form textarea[name=body]')).toBe('');
  });

  it('remembers name, email and website only when asked to', async () => {
    const page = await open('/posts/remember/');
    await page.fill('.k-form input[name=name]', 'Grace');
    await page.fill('.k-form input[name=email]', 'grace@example.org');
    await page.fill('.k-form input[name=url]', 'https://grace.example');
    await page.check('.k-form input[name=remember]');
    await page.check('.k-form input[name=notify]');
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/v1/comments'));
    const mine = await send(page, 'Remember me');
    const sent = (await posted).postDataJSON() as Record<string, unknown>;
    expect(sent).toMatchObject({ site: 'blog', uri: '/posts/remember/', notify: true, email: 'grace@example.org', name: 'Grace' });
    expect(sent.identity).toBe(await page.evaluate(() => localStorage.getItem('kommentar-id')));
    expect(await page.isChecked('.k-form input[name=notify]')).toBe(false);
    expect(await page.locator(`#comment-${mine} .k-edit`).count()).toBe(1);
    // Once the edit window is over, the comment no longer offers edit and delete.
    await page.evaluate((id) => {
      const key = `kommentar-edit-${id}`;
      localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)!), until: Date.now() - 1 }));
    }, mine);
    await page.reload();
    await page.waitForSelector('.k-form .k-pvb:not([hidden])');
    expect(await page.inputValue('.k-form input[name=email]')).toBe('grace@example.org');
    expect(await page.isChecked('.k-form input[name=remember]')).toBe(true);
    expect(await page.locator(`#comment-${mine} .k-edit, #comment-${mine} .k-delete`).count()).toBe(0);
    // The website is shown as a safe link, and the email never reaches the page.
    expect(await page.getAttribute('.k-name', 'href')).toBe('https://grace.example/');
    expect(JSON.stringify(await thread('/posts/remember/'))).not.toContain('grace@example.org');

    await page.uncheck('.k-form input[name=remember]');
    await send(page, 'Forget me now');
    await page.reload();
    await page.waitForSelector('.k-form .k-pvb:not([hidden])');
    expect(await page.inputValue('.k-form input[name=name]')).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('kommentar-me'))).toBeNull();
  });

  it('lets a keyboard-only reader reply (Tab, Enter and typing only)', async () => {
    const first = await apiPost('/posts/keyboard/', { body: 'Can anyone answer with just a keyboard?', name: 'Kim' });
    const page = await open('/posts/keyboard/');
    const tabTo = async (selector: string, key = 'Tab') => {
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press(key);
      }
      throw new Error(`${key} never reached ${selector}`);
    };
    await tabTo(`#comment-${first.id} .k-reply`);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
    await page.keyboard.type('Yes, like this.');
    await tabTo('.k-form .k-send');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('k-art'));
    const reply = (await thread('/posts/keyboard/')).at(-1)!;
    expect(reply).toMatchObject({ parentId: first.id, depth: 2 });
    expect(await page.evaluate(() => document.activeElement!.parentElement!.id)).toBe(`comment-${reply.id}`);
    // The subthread folds and unfolds from the keyboard too.
    await tabTo(`#comment-${first.id} > .k-sub > summary`, 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.isVisible(`#comment-${reply.id}`)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.isVisible(`#comment-${reply.id}`)).toBe(true);
  });

  it('caps the indentation after five levels and says whom a deeper reply answers', async () => {
    let parentId: number | undefined;
    const ids: number[] = [];
    for (let depth = 1; depth <= 8; depth++) {
      const comment: PublicComment = await apiPost('/posts/deep/', { body: `Depth ${depth}`, name: `P${depth}`, parentId });
      ids.push(comment.id);
      parentId = comment.id;
    }
    const page = await open('/posts/deep/');
    const left = (id: number) => page.$eval(`#comment-${id} > .k-art`, (el) => Math.round(el.getBoundingClientRect().left));
    const lefts = await Promise.all(ids.map(left));
    for (let i = 1; i < 6; i++) expect(lefts[i]).toBeGreaterThan(lefts[i - 1]!);
    expect(lefts[6]).toBe(lefts[5]);
    expect(lefts[7]).toBe(lefts[5]);
    expect(await page.locator(`#comment-${ids[5]} .k-to`).count()).toBe(0);
    expect(await page.textContent(`#comment-${ids[6]} .k-to`)).toBe('in reply to P6');
    expect(await page.getAttribute(`#comment-${ids[7]} .k-to`, 'href')).toBe(`#comment-${ids[6]}`);
  });

  it('shows the German interface on a lang="de" page', async () => {
    const page = await open('/de/beitrag/');
    expect(await page.textContent('.k-count')).toBe('Noch keine Kommentare');
    expect(await page.textContent('.k-form .k-send')).toBe('Kommentar senden');
    expect(await page.textContent('.k-form .k-pvb')).toBe('Vorschau');
    const id = await send(page, 'Hallo aus Wien');
    expect(await page.textContent('.k-count')).toBe('1 Kommentar');
    expect(await page.textContent(`#comment-${id} .k-reply`)).toBe('Antworten');
    expect(await page.textContent(`#comment-${id} time`)).toBe('jetzt');
    expect(await page.textContent(`#comment-${id} .k-name`)).toBe('Anonym');
    expect(await page.textContent('.k-status')).toBe('Dein Kommentar ist veröffentlicht.');
  });

  it('looks right in light and dark themes with readable contrast (screenshots in test-output/screenshots)', async () => {
    const uri = '/posts/showcase/';
    const question = await apiPost(uri, { body: 'Does the *dialogue report* count replies to deleted comments?', name: 'Maren', url: 'https://maren.example' });
    const answer = await apiPost(uri, { body: 'Yes: a deleted comment stays as a placeholder, so its replies keep their depth.', name: 'Lena', parentId: question.id }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    await apiPost(uri, { body: 'Thanks, that is what I hoped.\n\n> keep their depth\n\nPerfect.', name: 'Maren', parentId: answer.id });
    await apiPost(uri, { body: 'Short and sweet: `npm start` and it runs.', name: 'Tobi' });

    mkdirSync('test-output/screenshots', { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.page();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 900, height: 1300 });
      await page.goto(setup.blog.url + uri);
      await page.waitForSelector('.k-form .k-pvb:not([hidden])');
      expect(await page.textContent(`#comment-${answer.id} .k-badge`)).toBe('Author');
      await page.screenshot({ path: `test-output/screenshots/widget-${scheme}.png`, fullPage: true });
      const worst = await page.evaluate(lowestContrast);
      expect(worst.ratio, `${scheme}: ${worst.what}`).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
    // data-kommentar-theme wins over the reader's preference.
    const page = await browser.page();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(setup.blog.url + uri);
    await page.waitForSelector('.kommentar');
    const light = await page.$eval('.kommentar', (el) => getComputedStyle(el).backgroundColor);
    await page.evaluate(() => document.documentElement.setAttribute('data-kommentar-theme', 'dark'));
    expect(await page.$eval('.kommentar', (el) => getComputedStyle(el).backgroundColor)).not.toBe(light);
  });
});

/** Runs in the page: the lowest text contrast ratio inside the widget, and where it is. */
function lowestContrast(): { ratio: number; what: string } {
  const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const background = (el: Element | null): number[] => {
    for (; el; el = el.parentElement) {
      const color = rgb(getComputedStyle(el).backgroundColor);
      if (color.length === 3 || color[3]! > 0) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let worst = { ratio: 21, what: '' };
  for (const el of document.querySelectorAll('.kommentar *')) {
    const text = [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim());
    if (!text || !(el as HTMLElement).offsetParent) continue;
    const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst.ratio) worst = { ratio, what: `${el.tagName}.${el.className} "${el.textContent!.trim().slice(0, 30)}"` };
  }
  return worst;
}
