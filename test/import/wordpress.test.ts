import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getComment, listSiteComments } from '../../server/db/comments.js';
import type { ImportSummary } from '../../server/import/import.js';
import { parseBaseUrl } from '../../server/import/thread-uri.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { fixture, importInto, publicThread, report, SECRET, SITE_CONFIG } from './helpers.js';

let server: TestServer;
let summary: ImportSummary;

beforeAll(async () => {
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  summary = await importInto(server, fixture('wordpress.xml'), { format: 'wordpress' });
});
afterAll(() => server.close());

describe('WordPress import', () => {
  it('reports what it imported, skipped and could not attach', () => {
    expect(summary).toMatchObject({
      posts: 3,
      newPosts: 3,
      imported: { approved: 10, pending: 1, spam: 1, deleted: 1 },
      unchanged: 0,
      conflicts: [],
      skipped: { pingback: 1, trackback: 1 },
      orphans: 2,
    });
  });

  it('rebuilds the thread at full depth, parents before replies, with placeholders and orphans', async () => {
    const thread = await publicThread(server, '/2020/01/hallo-welt/');
    expect(thread.map((c) => [c.name, c.depth, c.deleted])).toEqual([
      ['Jürgen Groß', 1, false],
      ['Anna', 2, false],
      ['Jürgen Groß', 3, false],
      ['Anna', 4, false],
      ['Jürgen Groß', 5, false],
      ['Bob', 1, false], // its parent was a pingback
      [null, 1, true], // trashed, kept as a placeholder for its reply
      ['Carla', 2, false],
      ['Dora', 1, false], // its parent is not in the export
    ]);
    for (let i = 1; i <= 4; i++) expect(thread[i]!.parentId).toBe(thread[i - 1]!.id);
    expect(thread[7]!.parentId).toBe(thread[6]!.id);
    expect(thread[0]!.createdAt).toBe('2020-01-02T10:00:00.000Z');
  });

  it('marks the blog author by WordPress user id and by configured address', async () => {
    const thread = await publicThread(server, '/2020/01/hallo-welt/');
    expect(thread.map((c) => c.isAuthor)).toEqual([false, true, false, true, false, false, false, false, false]);
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved']);
    const authorKeys = new Set(stored.filter((row) => row.isAuthor).map((row) => row.commenterKey));
    expect(authorKeys.size).toBe(1);
  });

  it('converts HTML bodies to Markdown and renders them safely, keeping umlauts, emoji, RTL and split CDATA', async () => {
    const [first, reply] = await publicThread(server, '/2020/01/hallo-welt/');
    expect(first!.html).toBe('<p>Schöne Grüße! 😀<br />Zweite Zeile.</p>\n<p>Neuer Absatz mit 2 * 3 = 6.</p>');
    expect(reply!.html).toContain('<a href="https://example.com/docs" rel="nofollow ugc noopener">the docs</a>');
    expect(reply!.html).toContain('<strong>this</strong>');
    expect(reply!.html).not.toContain('alert');
    const rtl = await publicThread(server, '/?p=20');
    expect(rtl.map((c) => c.html)).toEqual(['<p>שלום עולם! CDATA edge: a]]&gt;b</p>', '<p>&lt;not a tag&gt; &amp; more</p>']);
    expect(rtl.map((c) => c.depth)).toEqual([1, 2]);
  });

  it('keeps post titles and makes published posts without comments known threads', async () => {
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved']);
    expect(stored.find((row) => row.uri === '/?p=20')!.threadTitle).toBe('مرحبا بالعالم');
    const counts = await server.api('/api/v1/counts', json('POST', { site: 'blog', uris: ['/about/', '/photo/', '/2020/01/hallo-welt/'] }));
    expect(await counts.json()).toEqual({ counts: { '/about/': 0, '/photo/': 0, '/2020/01/hallo-welt/': 8 } });
    const shapes = Object.fromEntries((await report(server)).posts.map((post) => [post.uri, post.shape]));
    expect(shapes).toMatchObject({ '/about/': 'silence', '/?p=20': 'conversation' });
    expect(Object.keys(shapes)).not.toContain('/photo/'); // an attachment without comments is no thread
    expect(Object.keys(shapes)).not.toContain('/?p=40'); // nor is a draft
  });

  it('gives the dialogue report its numbers from day one', async () => {
    const dialogue = await report(server);
    const post = dialogue.posts.find((p) => p.uri === '/2020/01/hallo-welt/')!;
    expect(post).toMatchObject({ comments: 8, topLevel: 3, maxDepth: 5, participants: 4, exchanges: 3, longestBackAndForth: 5, shape: 'conversation' });
    expect(dialogue.summary.returningCommenters).toBe(1); // Jürgen, on both posts
  });

  it('recognises an imported commenter when they comment live with the same address', async () => {
    const imported = (await listSiteComments(server.ctx.db, 'blog', ['approved'])).find((row) => row.name === 'Jürgen Groß')!;
    const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/new-post/', body: 'Back again', email: 'Juergen@example.de' }));
    const { comment } = (await response.json()) as { comment: { id: number } };
    expect((await getComment(server.ctx.db, comment.id))!.commenterKey).toBe(imported.commenterKey);
  });

  it('stores no email address and no IP address of an imported comment', async () => {
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted']);
    expect(stored.filter((row) => row.email !== null)).toEqual([]);
    const dbPath = join(server.dir, 'kommentar.db');
    const bytes = [dbPath, `${dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('');
    for (const secret of ['203.0.113.7', '192.0.2.13', 'bob@example.com', 'dora@example.org', 'noa@example.co.il']) expect(bytes).not.toContain(secret);
  });
});

describe('WordPress import of an older export, under --base-url', () => {
  it('reads WXR 1.0 (no author list: only configured addresses mark the author) and strips the old base from paths', async () => {
    const old = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
    try {
      const wxr10 = readFileSync(fixture('wordpress.xml'), 'utf8')
        .replace('http://wordpress.org/export/1.2/', 'http://wordpress.org/export/1.0/')
        .replace(/<wp:author>.*<\/wp:author>/, '');
      const path = join(old.dir, 'wxr-1.0.xml');
      writeFileSync(path, wxr10);
      const result = await importInto(old, path, { format: 'wordpress', baseUrl: parseBaseUrl('https://blog.example/2020/') });
      expect(result.imported.approved).toBe(10);
      const thread = await publicThread(old, '/01/hallo-welt/');
      expect(thread.slice(0, 5).map((c) => c.isAuthor)).toEqual([false, false, false, true, false]);
      expect((await publicThread(old, '/?p=20')).length).toBe(2); // outside the base: kept as it was
    } finally {
      await old.close();
    }
  });
});
