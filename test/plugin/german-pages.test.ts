/**
 * The dialogue pages in German, as a German blogger's build makes them: the
 * server's site speaks German, the plugin's `lang` is a code Kommentar does
 * not know (so the build warns and falls back to the site's language, never
 * to placeholders). In real Chromium at 360 px, with every closed table
 * opened: no label overflows its box, no page scrolls sideways, and no chart
 * text runs out of its drawing. With KOMMENTAR_SCREENSHOTS=1 the pages are
 * saved to docs/screenshots/de/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { DESK_PASSWORD, DeskClient } from '../desk/desk-client.js';
import { chromiumPath, launchBrowser, type Browser } from '../helpers/browser.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { buildSite, page, startSeededServer, type SeededServer } from './helpers.js';

const BREAD = '/posts/sauerteig-ohne-dogma/';
const SHOTS = 'docs/screenshots/de';

let seeded: SeededServer;
let siteDir: string;
let warnings: string[];

beforeAll(async () => {
  siteDir = mkdtempSync(join(tmpdir(), 'kommentar-de-'));
  seeded = await startSeededServer({ env: { KOMMENTAR_STATIC_ROOT: siteDir }, config: { sites: [{ id: 'example', lang: 'de', authorName: 'Mara' }], adminPasswordHash: await hashPassword(DESK_PASSWORD) } });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    await buildSite(seeded, 'de', { output: siteDir, token: ADMIN_TOKEN, lang: 'tlh' });
    warnings = warn.mock.calls.map((call) => String(call[0]));
  } finally {
    warn.mockRestore();
  }
}, 120_000);
afterAll(async () => {
  await seeded?.close();
  rmSync(siteDir, { recursive: true, force: true });
});

describe('dialogue pages for a German site with an unknown plugin lang', () => {
  it('warns once that the language is unknown and builds in the site’s German instead', () => {
    expect(warnings.filter((w) => w.includes('"lang"'))).toEqual([
      '[kommentar] option "lang": "tlh" is not a language Kommentar speaks (en, de, fr, es); the pages use the site\'s language on the server, "de"',
    ]);
    const site = page(siteDir, '/dialogue/');
    expect(site).toContain('<div class="kommentar-report" lang="de">');
    expect(site).toContain('<h1>Dialog</h1>');
    expect(site).toContain('Bist du mit deinen Lesenden im Gespräch?');
    expect(site).toContain('<dt>Beiträge mit Gespräch</dt>');
    const post = page(siteDir, `/dialogue${BREAD}`);
    expect(post).toContain('<th scope="row">Zweite Runden (A → B → A)</th>');
    expect(post).toContain('<strong>Gesprächskarte</strong>');
    // No English label and no key left anywhere in the report's text.
    for (const html of [site, post]) {
      const text = html.slice(html.indexOf('<div class="kommentar-report"'));
      expect(text).not.toMatch(/report\.[a-z]+\.|At a glance|Second rounds|Conversation map|The data as a table|\bPeople\b/);
    }
  });
});

describe('the desk report page of a German site', () => {
  // The site's `lang` until the desk has a language setting of its own (#17).
  it('names every measure, shape and heading in German', async () => {
    const desk = new DeskClient(seeded.server);
    await desk.login();
    const html = await desk.page('/admin/report');
    expect(html).toContain('<h1>Dialogbericht</h1>');
    expect(html).toContain('Du bist mit');
    expect(html).toContain('<h2>Auf einen Blick</h2>');
    expect(html).toMatch(/<strong>Gespräch: \d+<\/strong> <span class="meta">Mindestens eine zweite Runde/);
    expect(html).toContain('title="Antworten auf eine Antwort zum eigenen Kommentar: A schrieb, B antwortete, A antwortete B. Null heißt: Niemand ging hin und her.">Zweite Runden (A → B → A)</th>');
    const report = html.slice(html.indexOf('<h1>'));
    expect(report).not.toMatch(/At a glance|Second rounds|Dialogue report|What the numbers mean|Month by month/);
  });
});

describe.skipIf(!chromiumPath)('German dialogue pages at 360 px in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    if (process.env.KOMMENTAR_SCREENSHOTS === '1') mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());

  /** Runs in the page: every box whose text is wider than the box, every chart text outside its drawing, and the page's width. */
  function overflows(root: string) {
    // Text for screen readers only (a 1 px clipped box, e.g. captions and a phone's table headers) is meant to be clipped.
    const srOnly = (el: Element): boolean => {
      for (let at: Element | null = el; at; at = at.parentElement) if (getComputedStyle(at).clip !== 'auto') return true;
      return false;
    };
    const boxes = [...document.querySelectorAll(`${root} :is(h1,h2,h3,p,li,dt,dd,th,td,summary,caption,figcaption,a,span,strong,b,label,button)`)]
      .filter((el) => getComputedStyle(el).display !== 'inline' && el.clientWidth > 0 && !srOnly(el))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
    const outside = [...document.querySelectorAll('svg.kommentar-svg text')].flatMap((text) => {
      const svg = text.closest('svg')!;
      const view = svg.viewBox.baseVal;
      const box = (text as SVGTextElement).getBBox();
      const inside = box.x >= view.x - 0.5 && box.y >= view.y - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y + box.height <= view.y + view.height + 0.5;
      return inside ? [] : [`svg text "${text.textContent}" at ${Math.round(box.x)}..${Math.round(box.x + box.width)} in 0..${view.width}`];
    });
    const wider = document.documentElement.scrollWidth > window.innerWidth ? [`page ${document.documentElement.scrollWidth} px wide`] : [];
    return [...boxes, ...outside, ...wider];
  }

  const pages = [
    ['dialogue', '/dialogue/', '.kommentar-report'],
    ['dialogue-post', `/dialogue${BREAD}`, '.kommentar-report'],
    ['desk-report', '/admin/report', 'main'],
  ] as const;
  for (const [name, path, root] of pages) {
    it(`${name}: no label, table cell or chart text overflows, every table opened`, { timeout: 90_000 }, async () => {
      const tab = await browser.page();
      await tab.setViewportSize({ width: 360, height: 760 });
      if (name === 'desk-report') {
        await tab.goto(`${seeded.server.url}/admin/login`);
        await tab.locator('input[type=password]').fill(DESK_PASSWORD);
        await Promise.all([tab.waitForURL(`${seeded.server.url}/admin`), tab.locator('form button[type=submit]').first().click()]);
      }
      await tab.goto(seeded.server.url + path);
      await tab.waitForLoadState('load');
      expect(await tab.evaluate(() => document.documentElement.lang)).toBe('de');
      // The closed tables (chart data, glossary) are where long German words would hide.
      await tab.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      expect(await tab.evaluate(overflows, root)).toEqual([]);
      if (process.env.KOMMENTAR_SCREENSHOTS === '1') await tab.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
      await tab.close();
      expect(browser.errors).toEqual([]);
    });
  }
});
