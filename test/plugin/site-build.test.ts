/**
 * The example blog built through Eleventy's programmatic API against a real
 * server holding the demo conversation: what a blogger's readers get.
 */
import Eleventy, { HtmlBasePlugin } from '@11ty/eleventy';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kommentarPlugin from '../../plugin/index.js';
import type { PublicComment } from '../../server/comments/public.js';
import type { DialogueReport } from '../../server/dialogue/types.js';
import { MAX_NESTING } from '../../server/widget/layout.js';
import { ADMIN_TOKEN, json } from '../helpers/server.js';
import { buildSite, commentNesting, numberGrid, page, startSeededServer, tableRow, unescapeHtml, type SeededServer } from './helpers.js';

const BREAD = '/posts/sauerteig-ohne-dogma/';
const NOTEBOOK = '/posts/a-notebook-in-every-coat/';

let seeded: SeededServer;
let site: string;
let report: DialogueReport;
let threads: Array<{ uri: string; title: string | null; count: number; comments: PublicComment[] }>;

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  seeded = await startSeededServer();
  const { server } = seeded;
  // A visitor's hostile name and thread title, and a removed comment that keeps its replies.
  await server.api('/api/v1/comments', json('POST', { site: 'example', uri: '/posts/hostile/', title: '<script>alert("t")</script>', body: 'hi', name: '<img src=x onerror=alert(1)>' }));
  const bread = (await (await server.api(`/api/v1/comments?site=example&uri=${encodeURIComponent(BREAD)}`)).json()) as { comments: PublicComment[] };
  const removed = bread.comments.find((c) => c.name === 'Ben' && c.depth === 3)!;
  expect((await server.api(`/api/v1/comments/${removed.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);

  site = await buildSite(seeded, 'full', { token: ADMIN_TOKEN });
  report = (await (await server.api('/api/v1/report?site=example', { headers: auth })).json()) as DialogueReport;
  threads = ((await (await server.api('/api/v1/threads?site=example')).json()) as { threads: typeof threads }).threads;
});
afterAll(() => seeded?.close());

describe('comments on every post', () => {
  it('prerenders every public comment of a post, nested exactly as the API says', () => {
    for (const uri of [BREAD, NOTEBOOK]) {
      const html = page(site, uri);
      const thread = threads.find((t) => t.uri === uri)!;
      const nesting = commentNesting(html);
      expect(nesting.size).toBe(thread.comments.length);
      const byId = new Map(thread.comments.map((c) => [c.id, c]));
      for (const comment of thread.comments) {
        // Replies nest under their parent; past the display's indentation limit they sit under
        // the deepest indented ancestor and name their parent with an "in reply to" link.
        let holder = comment.parentId === null ? undefined : byId.get(comment.parentId);
        while (holder && holder.depth > MAX_NESTING) holder = byId.get(holder.parentId!);
        expect(nesting.get(comment.id), `comment ${comment.id}`).toBe(holder?.id ?? null);
        if (holder && holder.id !== comment.parentId) {
          const item = html.slice(html.indexOf(`id="comment-${comment.id}"`));
          expect(item.slice(0, item.indexOf('</article>'))).toContain(`<a class="k-to" href="#comment-${comment.parentId}">`);
        }
      }
      // Deep threads really are deep in the page.
      expect(Math.max(...thread.comments.map((c) => c.depth))).toBeGreaterThanOrEqual(3);
    }
  });

  it('shows a removed comment as a placeholder and keeps its replies under it', () => {
    const html = page(site, BREAD);
    const thread = threads.find((t) => t.uri === BREAD)!;
    const placeholder = thread.comments.find((c) => c.deleted)!;
    expect(placeholder).toBeDefined();
    const item = html.slice(html.indexOf(`id="comment-${placeholder.id}"`));
    expect(item).toMatch(/^[^>]*>\s*<article class="k-art k-gone">/);
    const reply = thread.comments.find((c) => c.parentId === placeholder.id)!;
    expect(commentNesting(html).get(reply.id)).toBe(placeholder.id);
  });

  it('embeds the widget and a form that posts without JavaScript', () => {
    const html = page(site, BREAD);
    const server = seeded.server.url;
    expect(html).toContain(`<div data-kommentar-thread="${BREAD}" data-kommentar-site="example"`);
    expect(html).toContain(`<script src="${server}/widget.js" async></script>`);
    expect(html).toMatch(new RegExp(`<form class="k-form"[^>]*method="post" action="${server}/api/v1/comments"`));
    expect(html).toContain('<textarea name="body"');
    expect(html).toContain(`<input type="hidden" name="uri" value="${BREAD}">`);
  });

  it('speaks the language of the post: German threads on German posts', () => {
    expect(page(site, BREAD)).toMatch(/<h2 class="k-count">\d+ Kommentare<\/h2>/);
    expect(page(site, NOTEBOOK)).toMatch(/<h2 class="k-count">\d+ comments<\/h2>/);
  });

  it('counts match the server in Nunjucks, Liquid and Markdown pages', () => {
    const index = page(site, '/'); // Nunjucks
    const archive = page(site, '/archive/'); // Liquid
    for (const thread of threads.filter((t) => t.uri.startsWith('/posts/') && t.uri !== '/posts/hostile/')) {
      expect(index).toContain(`<a href="${thread.uri}#kommentar-form">${thread.count} `);
      expect(archive).toMatch(new RegExp(`<a href="${thread.uri}">[^<]*</a>\\s*<span class="meta">\\(${thread.count}\\)</span>`));
    }
    const bread = threads.find((t) => t.uri === BREAD)!;
    expect(page(site, '/about/')).toContain(`The bread post alone has ${bread.count} comments`); // Markdown through Liquid
    expect(bread.count).toBeGreaterThan(10);
  });

  it('shows each post its shape and numbers in a badge linking to its dialogue page', () => {
    for (const post of report.posts.filter((p) => p.comments > 0 && p.uri !== '/posts/hostile/')) {
      const badge = badgeOf(page(site, post.uri));
      expect(badge).toContain(`kommentar-badge--${post.shape}`);
      expect(badge).toContain(`href="/dialogue${post.uri}"`);
      expect(badge).toMatch(new RegExp(`${post.comments} (comments|Kommentare) · ${post.participants} `));
    }
    expect(new Set(report.posts.map((p) => p.shape))).toEqual(new Set(['conversation', 'q-and-a', 'applause']));
  });
});

function badgeOf(html: string): string {
  return /<a class="kommentar-badge[\s\S]*?<\/a>/.exec(html)?.[0] ?? '';
}

describe('the dialogue pages', () => {
  it('state the same site numbers as the JSON report', () => {
    const grid = numberGrid(page(site, '/dialogue/'));
    const s = report.summary;
    const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
    expect(grid.get('Posts with comments')).toBe(String(s.postsWithComments));
    expect(grid.get('Comments')).toBe(String(s.comments));
    expect(grid.get('People')).toBe(String(s.participants));
    expect(grid.get('Posts that became conversations')).toBe(percent(s.conversationShare));
    expect(grid.get('Readers who came back')).toBe(String(s.returningCommenters));
    expect(grid.get('Comments by returning readers')).toBe(percent(s.returningCommentShare));
    expect(grid.get('Dialogue partners')).toBe(String(s.dialoguePartners));
    expect(grid.get('Open for the author')).toBe(String(s.waitingForAuthor));
    expect(grid.get('No answer needed')).toBe(String(s.acknowledged));
    expect(s.dialoguePartners).toBeGreaterThan(0);
    expect(s.returningCommenters).toBeGreaterThan(0);
  });

  it('show the same numbers when built without the admin token, from the public report', async () => {
    const publicSite = await buildSite(seeded, 'public');
    expect(numberGrid(page(publicSite, '/dialogue/'))).toEqual(numberGrid(page(site, '/dialogue/')));
    expect(page(publicSite, `/dialogue${BREAD}`)).toContain(`<th scope="row">Second rounds (A → B → A)</th><td data-label="Value">${report.posts.find((p) => p.uri === BREAD)!.exchanges}</td>`);
  });

  it('list every post with its report row, and count the shapes', () => {
    const html = page(site, '/dialogue/');
    for (const post of report.posts) {
      const cells = tableRow(html, `href="/dialogue${post.uri}"`);
      expect(cells.slice(2).map(Number)).toEqual([post.comments, post.participants, post.maxDepth, post.exchanges, post.waitingForAuthor, Math.round((post.anonymousShare ?? 0) * post.comments)]);
    }
    expect(tableRow(html, 'scope="row">Conversation<').slice(1, 2)).toEqual([String(report.summary.shapes.conversation)]);
    expect(tableRow(html, 'scope="row">Applause<').slice(1, 2)).toEqual([String(report.summary.shapes.applause)]);
  });

  it('give each post with comments a page whose numbers equal its report row', () => {
    for (const post of report.posts.filter((p) => p.comments > 0)) {
      const html = page(site, `/dialogue${post.uri}`);
      expect(tableRow(html, 'scope="row">Comments<')[1]).toBe(String(post.comments));
      expect(tableRow(html, 'scope="row">Second rounds (A → B → A)<')[1]).toBe(String(post.exchanges));
      expect(tableRow(html, 'scope="row">Longest back-and-forth<')[1]).toBe(String(post.longestBackAndForth));
      expect(tableRow(html, 'scope="row">Thread h-index<')[1]).toBe(String(post.hIndex));
      expect(tableRow(html, 'scope="row">Open for the author<')[1]).toBe(String(post.waitingForAuthor));
      expect(tableRow(html, 'scope="row">No answer needed<')[1]).toBe(String(post.acknowledged));
      expect(html).toContain(`kommentar-shape--${post.shape}`);
    }
  });

  it('draw every chart as SVG with a text alternative and its data as a table', () => {
    for (const path of ['/dialogue/', `/dialogue${BREAD}`]) {
      const html = page(site, path);
      const figures = [...html.matchAll(/<figure class="kommentar-chart[\s\S]*?<\/figure>/g)].map((m) => m[0]);
      expect(figures.length).toBeGreaterThanOrEqual(2);
      for (const figure of figures) {
        expect(figure).toMatch(/<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
        expect(figure).toMatch(/<title>[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
        expect(figure).toMatch(/<table class="kommentar-chart-data"><caption>/);
      }
      expect(html).not.toContain('<script');
    }
    const monthly = /<figure class="kommentar-chart" id="kommentar-monthly">[\s\S]*?<\/figure>/.exec(page(site, '/dialogue/'))![0];
    for (const row of report.summary.monthly) expect(tableRow(monthly, `scope="row">${row.month}<`).slice(1).map(Number)).toEqual([row.newcomers, row.returning]);
  });

  it('name the readers waiting for the author with their words and a link to the comment', () => {
    const html = page(site, '/dialogue/');
    const waiting = report.posts.flatMap((post) => post.waitingForAuthorIds.map((id) => ({ post, id })));
    expect(waiting.length).toBe(report.summary.waitingForAuthor);
    for (const { post, id } of waiting) {
      const comment = threads.find((t) => t.uri === post.uri)!.comments.find((c) => c.id === id)!;
      const item = new RegExp(`<li><strong>([^<]*)</strong>[^<]*<a href="${post.uri}#comment-${id}"><time`).exec(html);
      expect(item, `waiting comment ${id}`).not.toBeNull();
      expect(unescapeHtml(item![1]!)).toBe(comment.name ?? 'Anonymous');
    }
  });

  it('link one stylesheet, written once beside the report page, and carry no style of their own (a strict CSP allows them)', () => {
    expect(readFileSync(join(site, 'dialogue', 'kommentar.css'), 'utf8')).toContain('.kommentar-report {');
    const paths = ['/dialogue/', ...report.posts.filter((p) => p.comments > 0).map((p) => `/dialogue${p.uri}`)];
    for (const path of paths) {
      const html = page(site, path);
      const own = html.slice(html.indexOf('<div class="kommentar-report"'));
      expect(own, path).toMatch(/^<div class="kommentar-report" lang="en"><link rel="stylesheet" href="\/dialogue\/kommentar\.css">/);
      expect(own, path).not.toMatch(/<style|style=/);
    }
  });

  it('link the stylesheet under the site\'s pathPrefix, in a page of their own when there is no layout', async () => {
    const input = join(seeded.dir, 'prefixed-in');
    const output = join(seeded.dir, 'prefixed');
    mkdirSync(input);
    writeFileSync(join(input, 'index.md'), '# Home\n');
    const eleventy = new Eleventy(relative(process.cwd(), input), output, {
      quietMode: true,
      pathPrefix: '/blog/',
      config: (eleventyConfig) => {
        const config = eleventyConfig as { addPlugin(plugin: unknown, options?: unknown): void };
        config.addPlugin(kommentarPlugin, { server: seeded.server.url, site: 'example', reportPath: '/talk/', cacheDirectory: join(seeded.dir, 'prefixed-cache'), cacheDuration: '0s', strict: true });
        config.addPlugin(HtmlBasePlugin);
      },
    });
    await eleventy.write();
    expect(readFileSync(join(output, 'talk', 'kommentar.css'), 'utf8')).toContain('.kommentar-page body {');
    for (const path of ['/talk/', `/talk${BREAD}`]) {
      const html = page(output, path);
      expect(html, path).toMatch(/^<!doctype html><html class="kommentar-page" lang="en">/);
      expect(html, path).toContain('<link rel="stylesheet" href="/blog/talk/kommentar.css">');
      expect(html, path).not.toMatch(/<style|style=/);
    }
    expect(page(output, `/talk${BREAD}`)).toContain('<a href="/blog/talk/">');
  });

  it('escape what visitors typed: names and thread titles never become markup', () => {
    const dialogue = page(site, '/dialogue/');
    expect(dialogue).toContain('&#60;script&#62;alert(&#34;t&#34;)&#60;/script&#62;');
    expect(dialogue).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(dialogue).not.toMatch(/<script|<img/);
  });
});
