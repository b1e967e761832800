/**
 * A long thread in real Chromium: a realistic 1,428-comment thread (the size
 * of a real one; generated with the report data's shape: power-law replies,
 * deep back-and-forth chains, bodies of real length rendered by the one
 * Markdown renderer) mounted by the widget on a blog page of its own origin.
 * Measures, from the moment widget.js has loaded, when the first comment's
 * text is painted on screen (Element Timing's render time of the first
 * comment's text: the frame that showed it, not the moment it entered the
 * DOM), and how many bytes went over the wire before the reader asks for
 * more: with the default page size, and showing everything at once as the
 * baseline in the same run. Median of three fresh page loads each; the note
 * says when the thread's HTML had arrived, the rest is the browser's work.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Request } from 'playwright-core';
import { openDatabase } from '../server/db/connection.js';
import { migrate } from '../server/db/migrations.js';
import { publishAllWithText } from '../server/db/raw-rows.js';
import { renderMarkdown } from '../server/render/markdown.js';
import { startChild, stop } from './api.js';
import { generateSite } from './generate.js';
import type { BenchRow } from './table.js';

const COMMENTS = 1428;
const URI = '/posts/0/';
const WORDS = 'the a comment thread reply reader author post idea point really think agree disagree because maybe question answer example later again long short people write blog read which would could should about from with this that more less time years ago first last well good bad'.split(' ');

/** Plausible comment text: one to three paragraphs, sometimes a link or emphasis. */
function commentText(rand: () => number): string {
  const paragraphs = 1 + Math.floor(rand() * rand() * 3);
  return Array.from({ length: paragraphs }, () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 40) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    if (rand() < 0.15) words.splice(3, 0, `[this](https://example.org/${Math.floor(rand() * 1000)})`);
    if (rand() < 0.2) words[1] = `**${words[1]}**`;
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  }).join('\n\n');
}

interface Load {
  /** Milliseconds from widget.js loaded to the first comment's text painted. */
  firstComment: number;
  /** Milliseconds from widget.js loaded to the thread's HTML (or JSON) received. */
  arrived: number;
  /** Bytes over the wire (encoded bodies and headers) until the page was idle. */
  bytes: number;
  nodes: number;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Loads of each page, alternating; the figure is their median (one load varies by ±40 % and more on a shared 2-core machine). */
const LOADS = 7;

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-thread-'));
  const pages = new Map<string, string>();
  const blog = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://blog').pathname);
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? '');
  });
  await new Promise<void>((resolve) => blog.listen(0, '127.0.0.1', resolve));
  const blogUrl = `http://127.0.0.1:${(blog.address() as AddressInfo).port}`;
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ sites: [{ id: 'bench', origins: [blogUrl] }] }));
  const dbUrl = `file:${join(dir, 'thread.db')}`;
  const db = await openDatabase(dbUrl);
  await migrate(db);
  await generateSite(db, { site: 'bench', posts: 1, comments: COMMENTS, participants: 300, seed: 7 });
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  // Every comment public, so the thread has exactly COMMENTS to show.
  const shown = await publishAllWithText(db, () => {
    const body = commentText(rand);
    return { body, html: renderMarkdown(body) };
  });
  db.close();
  // A process of its own, as in production: this one drives Chromium, and the driver's work would delay the server's answers.
  const server = await startChild(['bin/kommentar.js', 'serve', '--workers', '1'], {
    PORT: '0',
    HOST: '127.0.0.1',
    KOMMENTAR_DB_URL: dbUrl,
    KOMMENTAR_CONFIG: join(dir, 'config.json'),
    KOMMENTAR_SECRET: 'bench-secret-0123456789',
    KOMMENTAR_LOG_LEVEL: 'warn',
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = (size: string) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long thread</title></head><body><main><h1>A post with a long thread</h1>` +
      `<div data-kommentar-thread="${URI}" data-kommentar-site="bench"${size}></div></main><script src="${server.url}/widget.js" async></script></body></html>`;
    pages.set('/paged/', page(''));
    pages.set('/all/', page(' data-kommentar-page-size="10000"'));

    const measure = async (path: string): Promise<Load> => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      // Sizes are asked for once the page is done: asking during the load would put the bench's own work beside what it measures.
      const finished: Request[] = [];
      tab.on('requestfinished', (request) => finished.push(request));
      await tab.addInitScript(() => {
        const w = window as unknown as { __first?: number };
        // Element Timing reports when marked text was painted; the mark is set as the first comment enters the document, before any frame shows it.
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__first = Math.min(w.__first ?? Infinity, (entry as PerformanceEntry & { renderTime: number }).renderTime);
        }).observe({ type: 'element', buffered: true });
        new MutationObserver((_, observer) => {
          const text = document.querySelector('li.k-c .k-text');
          if (!text) return;
          observer.disconnect();
          for (const element of [text, ...text.querySelectorAll('*')]) element.setAttribute('elementtiming', 'first-comment');
        }).observe(document, { childList: true, subtree: true });
      });
      await tab.goto(blogUrl + path);
      await tab.waitForFunction(() => (window as unknown as { __first?: number }).__first !== undefined, undefined, { timeout: 60_000 });
      await tab.waitForLoadState('networkidle');
      const sizes = await Promise.all(finished.map((request) => request.sizes()));
      const bytes = sizes.reduce((sum, s) => sum + s.responseBodySize + s.responseHeadersSize, 0);
      const result = await tab.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const loaded = resources.find((entry) => entry.name.endsWith('/widget.js'))!.responseEnd;
        const thread = resources.find((entry) => entry.name.includes('/api/v1/comments'))!;
        return { firstComment: (window as unknown as { __first: number }).__first - loaded, arrived: thread.responseEnd - loaded, nodes: document.getElementsByTagName('*').length };
      });
      await context.close();
      return { ...result, bytes };
    };
    const runs = { paged: [] as Load[], all: [] as Load[] };
    for (let i = 0; i < LOADS; i++) {
      runs.all.push(await measure('/all/'));
      runs.paged.push(await measure('/paged/'));
    }
    const pick = (loads: Load[]) => ({ firstComment: median(loads.map((l) => l.firstComment)), arrived: median(loads.map((l) => l.arrived)), bytes: median(loads.map((l) => l.bytes)), nodes: median(loads.map((l) => l.nodes)) });
    const paged = pick(runs.paged);
    const all = pick(runs.all);
    const kb = (n: number) => Math.round(n / 102.4) / 10;
    return [
      { group: 'thread', name: `${shown}-comment thread, everything at once: first comment after widget.js`, value: Math.round(all.firstComment), unit: 'ms', note: `baseline; thread's HTML in after ${Math.round(all.arrived)} ms; ${kb(all.bytes)} KB transferred, ${all.nodes} elements` },
      { group: 'thread', name: `${shown}-comment thread, first page (30 threads): first comment after widget.js`, value: Math.round(paged.firstComment), unit: 'ms', target: '≤ 300 ms', ok: paged.firstComment <= 300, note: `${(paged.firstComment / all.firstComment).toFixed(2)} of everything at once; thread's HTML in after ${Math.round(paged.arrived)} ms; ${paged.nodes} elements; median of ${LOADS} loads (${runs.paged.map((l) => Math.round(l.firstComment)).sort((a, b) => a - b).join(' / ')} ms)` },
      { group: 'thread', name: `${shown}-comment thread, first page: bytes before "show more"`, value: kb(paged.bytes), unit: 'KB', target: '≤ 120 KB', ok: paged.bytes <= 120 * 1024, note: `page, widget.js, widget.css and the first page of the thread (gzip: Chromium offers brotli only over https); everything at once: ${kb(all.bytes)} KB` },
    ];
  } finally {
    await browser.close();
    await stop(server.child);
    blog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
