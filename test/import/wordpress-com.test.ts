/**
 * A WordPress.com export (shaped like WordPress's theme unit test data): the https
 * namespace is accepted, paths come out in one form, the blog's user is the author
 * by email, and only published posts and pages become threads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listThreads } from '../../server/db/threads.js';
import type { ImportSummary } from '../../server/import/import.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { cli, ensureBuilt, fixture, importInto, publicThread, SECRET, SITE_CONFIG } from './helpers.js';

let server: TestServer;
let summary: ImportSummary;

beforeAll(async () => {
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  summary = await importInto(server, fixture('wordpress-com.xml'), { format: 'wordpress' });
});
afterAll(() => server.close());

describe('WordPress.com export', () => {
  it('is accepted with the https namespace, and the summary says what happened to every entry', () => {
    expect(summary).toMatchObject({ posts: 2, imported: { approved: 4 }, orphans: 0 });
    expect(summary.skipped).toEqual({ pingback: 1, unpublished: 2, attachment: 1, 'menu-item': 2, 'comment-on-skipped-entry': 2 });
  });

  it('makes threads only of published posts and pages, with paths in one form and none starting with "//"', async () => {
    const uris = (await listThreads(server.ctx.db, 'blog')).map((thread) => thread.uri).sort();
    expect(uris).toEqual(['/2012/01/03/template-comments/', '/caf%C3%A9/']);
  });

  it("the blog's user is the author by email, though comment_user_id does not resolve", async () => {
    const thread = await publicThread(server, '/2012/01/03/template-comments/');
    expect(thread.map((c) => [c.name, c.depth, c.isAuthor])).toEqual([
      ['John Doe', 1, false],
      ['Theme Buster', 2, true],
      ['John Doe', 3, false],
    ]);
  });

  it('a live comment on the page as the browser addresses it joins the imported thread', async () => {
    const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/caf%C3%A9/', body: 'Zwei, bitte.' }));
    expect(response.status).toBe(201);
    expect((await publicThread(server, '/caf%C3%A9/')).map((c) => c.name ?? c.html)).toHaveLength(2);
    expect(await listThreads(server.ctx.db, 'blog')).toHaveLength(2);
  });

  it('re-importing with other spellings of the same links adds no thread', async () => {
    const respelled = readFileSync(fixture('wordpress-com.xml'), 'utf8')
      .replace('https://wpthemetestdata.wordpress.com//2012/01/03/template-comments/', 'https://wpthemetestdata.wordpress.com/2012//01/03/template-comments/')
      .replace('caf%c3%a9', 'café');
    const path = join(server.dir, 'respelled.xml');
    writeFileSync(path, respelled);
    const again = await importInto(server, path, { format: 'wordpress' });
    expect(again.newPosts).toBe(0);
    expect(await listThreads(server.ctx.db, 'blog')).toHaveLength(2);
  });

  it('the CLI summary names drafts, attachments and menu items', async () => {
    await ensureBuilt();
    const dir = server.dir;
    const result = await cli(['import', 'wordpress', fixture('wordpress-com.xml'), '--site', 'blog', '--dry-run'], {
      KOMMENTAR_DB_URL: `file:${join(dir, 'cli.db')}`,
      KOMMENTAR_CONFIG: join(dir, 'kommentar.config.json'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'skipped:    1 pingback, 2 drafts or private posts (no threads), 2 comments on those, 1 attachment (no thread), 2 menu items',
    );
  });
});
