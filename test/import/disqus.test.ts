import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import type { ImportSummary } from '../../server/import/import.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { fixture, importInto, publicThread, report, SECRET, SITE_CONFIG } from './helpers.js';

let server: TestServer;
let summary: ImportSummary;

beforeAll(async () => {
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  summary = await importInto(server, fixture('disqus.xml'), { format: 'disqus' });
});
afterAll(() => server.close());

describe('Disqus import', () => {
  it('joins posts to threads and reports the posts it could not place', () => {
    expect(summary).toMatchObject({
      posts: 2,
      imported: { approved: 5, pending: 0, spam: 1, deleted: 1 },
      skipped: { 'thread-without-id': 1, 'without-post': 2 },
      orphans: 1,
    });
  });

  it('keeps parents (even when a reply comes first in the file) and deleted placeholders', async () => {
    const thread = await publicThread(server, '/posts/a/');
    expect(thread.map((c) => [c.name, c.depth, c.deleted])).toEqual([
      ['Max Müller', 1, false],
      ['Anna', 2, false],
      [null, 3, true],
      ['Lena', 4, false],
      ['Max Müller', 1, false], // parent 1234 is missing
    ]);
    expect(thread.slice(1, 4).map((c, i) => c.parentId === thread[i]!.id)).toEqual([true, true, true]);
    expect(thread[1]!.isAuthor).toBe(true);
  });

  it('converts HTML messages to Markdown, keeping umlauts, emoji, RTL and split CDATA', async () => {
    const [first] = await publicThread(server, '/posts/a/');
    expect(first!.html).toBe(
      '<p>Hallo <strong>Welt</strong>, schöne Grüße!</p>\n<p>Zweiter Absatz mit <a href="https://example.org/x?a=1&amp;b=2" rel="nofollow ugc noopener">Link</a>.</p>',
    );
    const [other] = await publicThread(server, '/posts/b/');
    expect(other!.html).toBe('<p>Emoji 🎉 and RTL: مرحبا]]&gt;</p>');
    expect(other!.createdAt).toBe('2019-06-02T07:00:00.000Z');
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved']);
    expect(stored.find((row) => row.uri === '/posts/a/')!.threadTitle).toBe('Über Städte & Flüsse');
  });

  it('links a Disqus account without email across posts, so the report sees one returning reader', async () => {
    const stored = await listSiteComments(server.ctx.db, 'blog', ['approved', 'deleted']);
    const max = stored.filter((row) => row.name === 'Max Müller');
    expect(max.length).toBe(3);
    expect(new Set(max.map((row) => row.commenterKey)).size).toBe(1);
    const dialogue = await report(server);
    expect(dialogue.summary.returningCommenters).toBe(1);
    expect(dialogue.posts.find((p) => p.uri === '/posts/a/')).toMatchObject({ comments: 4, maxDepth: 4, participants: 3 });
  });
});
