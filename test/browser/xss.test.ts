/**
 * Hostile comments: more than fifty payloads as body, name and website, posted
 * through the API, then shown by each rendering path — the server's HTML that
 * the widget mounts, the widget's own rendering when it brings a stale
 * prerender up to date, and the no-JS thread page. No script may run, no
 * dialog open, no `javascript:` (or other non-web) link appear, and names
 * must show as the literal text that was typed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import { translator } from '../../server/i18n/translate.js';
import { renderThread } from '../../server/widget/markup.js';
import { buildWidget, chromiumPath, launchBrowser, startBlogAndServer, type BlogSetup, type Browser } from '../helpers/browser.js';
import { json } from '../helpers/server.js';
import { demoPage } from './demo-page.js';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<ScRiPt>window.__xss=1</sCrIpT>',
  '<script src=//x.example/x.js></script>',
  '<img src=x onerror="window.__xss=1">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x="20" y="20">x</text></a></svg>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '" onmouseover="window.__xss=1" x="',
  "' onmouseover='window.__xss=1' x='",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<a href="jav&#x09;ascript:window.__xss=1">tab</a>',
  '<a href="&#106;avascript:window.__xss=1">entity</a>',
  '<a href="#" onclick="window.__xss=1">x</a>',
  '[click](javascript:window.__xss=1)',
  '[click](JaVaScRiPt:window.__xss=1)',
  '[click](javascript&colon;window.__xss=1)',
  '[click]( javascript:window.__xss=1 )',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[ok](https://x.example/"onmouseover="window.__xss=1)',
  '![x](javascript:window.__xss=1)',
  '![x](https://x.example/a.png" onerror="window.__xss=1)',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<select onfocus=window.__xss=1 autofocus>',
  '<marquee onstart=window.__xss=1>',
  '<video><source onerror="window.__xss=1">',
  '<audio src=x onerror=window.__xss=1>',
  '<object data="javascript:window.__xss=1">',
  '<embed src="javascript:window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<div style="background:url(javascript:window.__xss=1)">x</div>',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<link rel=stylesheet href="javascript:window.__xss=1">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<<script>window.__xss=1//<</script>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '`<img src=x onerror=window.__xss=1>`',
  '```html\n<script>window.__xss=1</script>\n```',
  '<template><script>window.__xss=1</script></template>',
  '</textarea><script>window.__xss=1</script>',
  '</style><style>*{display:none!important}</style>',
  '--><script>window.__xss=1</script><!--',
  ']]><script>window.__xss=1</script>',
  '{{constructor.constructor("window.__xss=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-literal injection attempt, meant as plain text
  '${window.__xss=1}',
  "$&$'$` replacement patterns {name}",
  'javascript:window.__xss=1',
  '<a href="https://x.example" target=_blank>tabnabbing</a>',
];

/** Websites that are web addresses but carry markup; the server accepts them (percent-encoded). */
const HOSTILE_WEB_URLS = [
  'https://x.example/"><script>window.__xss=1</script>',
  "https://x.example/'onmouseover='window.__xss=1",
  'https://x.example/?q=<img src=x onerror=window.__xss=1>',
  'http://x.example/#"><svg onload=window.__xss=1>',
  'x.example/" onclick="window.__xss=1',
];

/** Websites that must never become links; the server refuses them. */
const NON_WEB_URLS = ['javascript:window.__xss=1', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

describe.skipIf(!chromiumPath)('hostile comments in Chromium', () => {
  let setup: BlogSetup;
  let browser: Browser;
  let stalePrerender = '';
  const uri = '/xss/';

  beforeAll(async () => {
    await buildWidget();
    setup = await startBlogAndServer((path, server) => {
      // Every payload on the first screen: the page size is above their number.
      if (path === '/fresh/') return demoPage({ server, site: 'blog', thread: uri, pageSize: 1000 });
      if (path === '/stale/') return demoPage({ server, site: 'blog', thread: uri, prerendered: stalePrerender });
      return undefined;
    }, [{ id: 'blog' }]);
    browser = await launchBrowser();
    // A prerender from before the attack: the widget must render every hostile comment itself.
    const empty = await setup.server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
    stalePrerender = renderThread([], { server: setup.server.url, site: 'blog', uri, ...translator('en'), now: Date.now(), etag: empty.headers.get('etag')! });
  });
  afterAll(async () => {
    await browser?.close();
    await setup?.close();
  });

  async function post(fields: Record<string, unknown>) {
    return setup.server.api('/api/v1/comments', json('POST', { site: 'blog', uri, ...fields }));
  }

  /** Loads a page, lets the widget finish, and reports everything that would betray an injection. */
  async function inspect(page: Page, url: string, ready: string) {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);
    await page.waitForFunction((selector) => document.querySelector(selector) !== null, ready);
    // Give anything with a delayed trigger (autofocus, media errors, toggles) a moment.
    await page.waitForTimeout(300);
    const findings = await page.evaluate(() => {
      const root = document.querySelector('.kommentar')!;
      const all = [...root.querySelectorAll('*')];
      return {
        sentinel: (window as { __xss?: unknown }).__xss ?? null,
        badLinks: [...root.querySelectorAll('a[href]')]
          .map((a) => (a as HTMLAnchorElement).href)
          .filter((href) => !['http:', 'https:', 'mailto:'].includes(new URL(href).protocol)),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on') || a.name === 'style').map((a) => `${el.tagName} ${a.name}`)),
        dangerous: all.filter((el) => /^(SCRIPT|IFRAME|OBJECT|EMBED|SVG|IMG|STYLE|LINK|META|BASE|FORM|INPUT|SELECT|VIDEO|AUDIO|TEMPLATE|MATH|DETAILS)$/i.test(el.tagName)).map((el) => el.tagName),
        names: Object.fromEntries([...root.querySelectorAll('li.k-c')].map((li) => [li.id, li.querySelector(':scope > .k-art .k-name')?.textContent ?? ''])),
        visible: getComputedStyle(root).display !== 'none' && (root as HTMLElement).offsetHeight > 0,
      };
    });
    return { ...findings, dialogs };
  }

  it('renders 60+ hostile bodies, names and websites as harmless text on every path', async () => {
    for (const url of NON_WEB_URLS) {
      const refused = await post({ body: 'about my site', url });
      expect(refused.status, url).toBe(400);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('url');
    }
    for (const [i, payload] of PAYLOADS.entries()) {
      const fields = { body: payload, name: payload.replace(/\s+/g, ' ').slice(0, 80), url: HOSTILE_WEB_URLS[i % HOSTILE_WEB_URLS.length] };
      expect((await post(fields)).status, payload).toBe(201);
    }
    const listed = await setup.server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
    const comments = ((await listed.json()) as { comments: PublicComment[] }).comments;
    expect(comments).toHaveLength(PAYLOADS.length);
    const expectedNames = Object.fromEntries(comments.map((c) => [`comment-${c.id}`, c.name]));

    const pages = [
      [`${setup.blog.url}/fresh/`, '.k-pvb:not([hidden])'],
      [`${setup.blog.url}/stale/`, 'li.k-c'],
      [`${setup.server.url}/thread?site=blog&uri=${encodeURIComponent(uri)}`, '.k-pvb:not([hidden])'],
    ] as const;
    for (const [url, ready] of pages) {
      const page = await browser.page();
      const found = await inspect(page, url, ready);
      expect(found.sentinel, url).toBeNull();
      expect(found.dialogs, url).toEqual([]);
      expect(found.badLinks, url).toEqual([]);
      expect(found.handlers, url).toEqual([]);
      // The form's own inputs are the only form controls; nothing else of that kind came from a comment.
      expect(found.dangerous.filter((tag) => !/^(FORM|INPUT|DETAILS)$/.test(tag)), url).toEqual([]);
      expect(found.names, url).toEqual(expectedNames);
      expect(found.visible, url).toBe(true);
      expect(await page.textContent('.k-count'), url).toBe(`${PAYLOADS.length} comments`);
      await page.close();
    }
    expect(browser.errors).toEqual([]);
  });
});
