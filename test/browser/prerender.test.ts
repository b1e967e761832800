/**
 * Progressive enhancement: a page that already holds the prerendered thread
 * (what the Eleventy plugin writes with markup.ts) is adopted in place. When
 * nothing changed the server answers 304 and no comment is redrawn; when
 * something changed only that is inserted or replaced. The embed here names
 * neither thread nor site, so the defaults (page path, the only site) apply.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { translator } from '../../server/i18n/translate.js';
import { renderThread } from '../../server/widget/markup.js';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

interface Watch {
  /** DOM changes inside the thread after the page was parsed, except refreshed times, unhidden JS-only controls and the theme the widget read from the page. */
  changes: string[];
  /** Ids of the prerendered comments whose element is no longer the same node in the document. */
  replaced: string[];
}

/** Runs in the page before anything else: remembers the prerendered nodes and records every later DOM change. */
function watchThread(): void {
  const log: string[] = [];
  const w = window as unknown as { __watch: () => Watch };
  document.addEventListener('DOMContentLoaded', () => {
    const root = document.querySelector('.kommentar')!;
    const items = new Map([...root.querySelectorAll('li.k-c')].map((li) => [li.id, li.firstElementChild]));
    const allowedAttributes = new Set(['hidden', 'title', 'novalidate', 'data-kommentar-theme']);
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement!;
        if (target.closest('time')) continue;
        if (record.type === 'attributes' && allowedAttributes.has(record.attributeName!)) continue;
        const nodes = [...record.addedNodes, ...record.removedNodes].map((node) => node.nodeName).join(',');
        log.push(`${record.type} ${record.attributeName ?? nodes} on ${target.tagName}.${target.className}`);
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    w.__watch = () => ({ changes: log, replaced: [...items].filter(([id, article]) => !article!.isConnected || document.getElementById(id)?.firstElementChild !== article).map(([id]) => id) });
  });
}

describe.skipIf(!chromiumPath)('adopting a prerendered thread', () => {
  let setup: BlogSetup;
  let browser: Browser;
  let page = '';
  const uri = '/posts/prerendered/';
  const ids: number[] = [];
  let editToken = '';

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer((path) => (path === uri ? page : undefined), [{ id: 'blog' }]);
    browser = await launchBrowser();
    for (const [body, parent] of [['The first word', undefined], ['An answer', 0], ['Another thought', undefined]] as const) {
      const response = await setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri, body, name: 'Pat', parentId: parent === undefined ? undefined : ids[parent] }));
      const created = (await response.json()) as { comment: PublicComment; editToken: string };
      ids.push(created.comment.id);
      editToken ||= created.editToken;
    }
    // The static build: fetch the thread, write it into the page with its ETag.
    const listed = await setup.server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
    const { comments } = (await listed.json()) as { comments: PublicComment[] };
    const view = { server: setup.server.url, site: 'blog', uri, ...translator('en'), now: Date.now(), timeZone: 'UTC', etag: listed.headers.get('etag')! };
    page = demoPage({ server: setup.server.url, styles: true, prerendered: renderThread(comments, view) });
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  /** Opens the page and waits until the widget has asked the server about the thread. */
  async function load(): Promise<{ tab: Page; status: number; sent: Record<string, string>; url: string }> {
    const tab = await browser.page();
    await tab.addInitScript(watchThread);
    const answer = tab.waitForResponse((response) => response.url().startsWith(`${setup.server.url}/api/v1/comments?`));
    await tab.goto(setup.blog.url + uri);
    const response = await answer;
    await tab.waitForSelector('.k-pvb:not([hidden])');
    return { tab, status: response.status(), sent: response.request().headers(), url: response.url() };
  }

  const watch = (tab: Page) => tab.evaluate(() => (window as unknown as { __watch: () => Watch }).__watch());

  it('asks only whether anything changed and redraws nothing when it did not', async () => {
    const { tab, status, sent, url } = await load();
    expect(new URL(url).searchParams.get('uri')).toBe(uri);
    expect(new URL(url).searchParams.get('site')).toBe('blog');
    expect(sent['if-none-match']).toMatch(/^"/);
    expect(status).toBe(304);
    await tab.waitForLoadState('networkidle');
    expect(await watch(tab)).toEqual({ changes: [], replaced: [] });
    expect(await tab.locator('link[href$="/widget.css"]').count()).toBe(1);
    // Adopted, not just displayed: replying works on the prerendered markup.
    await tab.click(`#comment-${ids[2]} .k-reply`);
    expect(await tab.evaluate(() => document.activeElement?.closest('li')?.id)).toBe(`comment-${ids[2]}`);
    expect(browser.errors).toEqual([]);
  });

  it('inserts a new reply and redraws only the edited comment when the prerender is stale', async () => {
    const reply = await setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri, body: 'Late to the party', name: 'Quinn', parentId: ids[2] }));
    const late = ((await reply.json()) as { comment: PublicComment }).comment;
    const edited = await setup.server.api(`/api/v1/comments/${ids[0]}`, json('PATCH', { body: 'The first word, *revised*' }, { 'x-edit-token': editToken }));
    expect(edited.status).toBe(200);

    const { tab, status } = await load();
    expect(status).toBe(200);
    await tab.waitForSelector(`#comment-${ids[2]} .k-sub #comment-${late.id}`);
    const { replaced, changes } = await watch(tab);
    expect(replaced).toEqual([`comment-${ids[0]}`]);
    // Untouched comments stay the very same nodes; the change is one new subthread (with its reply) and one redrawn article.
    expect(changes.filter((change) => change.startsWith('childList')).sort()).toEqual([
      'childList #text,#text on H2.k-count', // "3 comments" → "4 comments"
      'childList ARTICLE,ARTICLE on LI.k-c', // the edited comment's article, replaced
      'childList DETAILS on LI.k-c', // the new subthread under the third comment, the reply inside
    ]);
    expect(await tab.textContent(`#comment-${ids[0]} .k-text`)).toBe('The first word, revised');
    expect(await tab.textContent('.k-count')).toBe('4 comments');
    expect(await tab.textContent(`#comment-${ids[2]} > .k-sub > summary`)).toBe('1 reply');
  });
});
