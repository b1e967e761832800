/**
 * The plugin sends each post's `syndication` front matter (a string or a list)
 * to the server on every build, and the built pages advertise the Webmention
 * endpoint.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertReaction } from '../../server/db/reactions.js';
import { listCopies } from '../../server/db/syndication.js';
import { storeRemoteComment } from '../../server/elsewhere/remote-comments.js';
import { EXAMPLE_DIR } from '../../site-example/build-site.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { buildSite, page, startSeededServer, type SeededServer } from './helpers.js';

let seeded: SeededServer;
let input: string;

function post(name: string, syndication: string, folder = input): void {
  writeFileSync(join(folder, 'posts', `${name}.md`), `---\ntitle: ${name}\ndate: 2026-07-01\nlang: en\n${syndication}\n---\n\nText.\n`);
}

beforeAll(async () => {
  // The copies below are never fetched: the schedule's first look comes after the test, and the hosts resolve to loopback,
  // which the guard refuses here; the AppView points at loopback too.
  seeded = await startSeededServer({
    config: { sites: [{ id: 'example', title: 'Example blog', origins: ['http://localhost:8787', 'http://127.0.0.1:8787'] }], bluesky: { appView: 'http://localhost:9' } },
  });
  input = join(seeded.dir, 'content');
  cpSync(join(EXAMPLE_DIR, 'content'), input, { recursive: true });
  post('one-copy', 'syndication: http://localhost:9/@me/1001');
  post('two-copies', 'syndication:\n  - http://localhost:9/@me/1002\n  - https://bsky.app/profile/me.example/post/3kabc');
}, 60_000);
afterAll(() => seeded.close());

describe('syndication front matter', () => {
  it('is sent to the server on each build, as a string or a list', async () => {
    const output = await buildSite(seeded, 'with-copies', { input, token: ADMIN_TOKEN });
    const copies = await listCopies(seeded.server.ctx.db, 'example');
    expect(copies.map((c) => [c.uri, c.url, c.platform])).toEqual([
      ['/posts/one-copy/', 'http://localhost:9/@me/1001', 'mastodon'],
      ['/posts/two-copies/', 'http://localhost:9/@me/1002', 'mastodon'],
      ['/posts/two-copies/', 'https://bsky.app/profile/me.example/post/3kabc', 'bluesky'],
    ]);
    // Every page with comments advertises the server's Webmention endpoint.
    expect(page(output, '/posts/one-copy/')).toContain(`<link rel="webmention" href="${seeded.server.url}/webmention">`);

    // A copy removed from the front matter is dropped at the next build.
    // (A second folder: Eleventy keeps what it read of a file for the rest of the process.)
    const changed = join(seeded.dir, 'content-changed');
    cpSync(input, changed, { recursive: true });
    post('two-copies', 'syndication: http://localhost:9/@me/1002', changed);
    await buildSite(seeded, 'with-copies-again', { input: changed, token: ADMIN_TOKEN });
    expect((await listCopies(seeded.server.ctx.db, 'example', '/posts/two-copies/')).map((c) => c.url)).toEqual(['http://localhost:9/@me/1002']);
  }, 60_000);
});

describe('the dialogue pages', () => {
  it('say where a post’s conversation happened and what applause came from elsewhere', async () => {
    const { ctx } = seeded.server;
    const site = ctx.config.sites[0]!;
    const uri = '/posts/the-long-way-home/';
    await storeRemoteComment(ctx, site, uri, {
      source: 'mastodon', sourceUrl: 'https://social.example/@ann/1', parent: null, authorProfile: 'https://social.example/@ann',
      authorName: 'Ann', authorUrl: 'https://social.example/@ann', isAuthor: false, content: { html: '<p>From Mastodon</p>' }, createdAt: Date.now() - 1000, editedAt: null,
    });
    await upsertReaction(ctx.db, { site: site.id, uri, source: 'mastodon', itemUrl: 'http://localhost:9/@me/1', kind: 'like', count: 7, authorName: null, authorUrl: null }, Date.now());
    const output = await buildSite(seeded, 'dialogue-pages', { token: ADMIN_TOKEN });
    expect(page(output, '/dialogue/posts/the-long-way-home/')).toMatch(/Where the comments were written: \d+ on the site, 1 on Mastodon\. Applause elsewhere, not counted as dialogue: 7 likes, 0 reposts\./);
    expect(page(output, '/dialogue/')).toContain('1 on Mastodon');
  }, 60_000);
});
