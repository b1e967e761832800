import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.js';
import { insertComment } from '../../server/db/comments.js';
import { upsertReaction } from '../../server/db/reactions.js';
import { listCopies, replaceCopies } from '../../server/db/syndication.js';
import { acknowledgeComment } from '../../server/desk/acknowledge.js';
import { exportSite } from '../../server/export/export.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { cli, ensureBuilt, fixture, importInto, SECRET, SITE_CONFIG } from './helpers.js';

// A site with imported comments (WordPress, Disqus) and live ones (edited, by the author, with notifications),
// exported, imported into an empty database and exported again: the same bytes.
let server: TestServer;
let dir: string;

async function exported(ctx: AppContext, includePrivate = false): Promise<string> {
  let text = '';
  for await (const piece of exportSite(ctx, 'blog', { includePrivate })) text += piece;
  return text;
}

/** A fresh server with an empty database and the same secret (as after moving to a new host). */
async function emptyServer(): Promise<TestServer> {
  return startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
}

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer({ config: SITE_CONFIG, env: { KOMMENTAR_SECRET: SECRET } });
  dir = mkdtempSync(join(tmpdir(), 'kommentar-roundtrip-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(SITE_CONFIG));
  await importInto(server, fixture('wordpress.xml'), { format: 'wordpress' });
  await importInto(server, fixture('disqus.xml'), { format: 'disqus' });
  const created = await server.api(
    '/api/v1/comments',
    json('POST', { site: 'blog', uri: '/2020/01/hallo-welt/', body: 'Live, with *Markdown*', email: 'live@example.net', notify: true, name: 'Liv', lang: 'de-DE' }),
  );
  const { comment, editToken } = (await created.json()) as { comment: { id: number }; editToken: string };
  await server.api(`/api/v1/comments/${comment.id}`, json('PATCH', { body: 'Live, edited' }, { 'X-Edit-Token': editToken }));
  await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/2020/01/hallo-welt/', body: 'Author reply', parentId: comment.id }, { Authorization: `Bearer ${ADMIN_TOKEN}` }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('export and JSON import', () => {
  it('round-trips exactly through the command line: export, import into an empty database, export again', async () => {
    const source = { KOMMENTAR_CONFIG: join(server.dir, 'kommentar.config.json'), KOMMENTAR_DB_URL: `file:${join(server.dir, 'kommentar.db')}` };
    const copy = { KOMMENTAR_CONFIG: join(dir, 'config.json'), KOMMENTAR_DB_URL: `file:${join(dir, 'copy.db')}` };
    const first = await cli(['export', '--site', 'blog'], source);
    expect(first.code).toBe(0);
    const document = JSON.parse(first.stdout) as { format: string; threads: { uri: string; lang: string | null }[]; comments: { editedAt: string | null }[] };
    expect(document.format).toBe('kommentar-export');
    // The thread's language (what its emails are written in) travels with it.
    expect(document.threads.find((thread) => thread.uri === '/2020/01/hallo-welt/')?.lang).toBe('de');
    expect(document.comments.length).toBe(22); // 13 from WordPress, 7 from Disqus, 2 live
    expect(document.comments.some((c) => c.editedAt !== null)).toBe(true);
    writeFileSync(join(dir, 'export.json'), first.stdout);

    const imported = await cli(['import', 'json', join(dir, 'export.json'), '--site', 'blog', '--json'], copy);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ renumbered: false, orphans: 0, conflicts: [] });
    const second = await cli(['export', '--site', 'blog'], copy);
    expect(second.stdout).toBe(first.stdout);
  }, 120_000); // several CLI processes in a row: minutes when other work shares the 2 cores

  it('exports emails and notification wishes only when asked, and keeps them on the way back', async () => {
    expect(await exported(server.ctx)).not.toMatch(/@example\.|"email"|"notify"/);
    const full = await exported(server.ctx, true);
    const comments = (JSON.parse(full) as { comments: { email: string | null; notify: boolean }[] }).comments;
    expect(comments.filter((c) => c.email !== null)).toEqual([expect.objectContaining({ email: 'live@example.net', notify: true })]);
    const target = await emptyServer();
    try {
      await importInto(target, write('private.json', full), { format: 'json' });
      expect(await exported(target.ctx, true)).toBe(full);
    } finally {
      await target.close();
    }
  });

  it("keeps only a language Kommentar speaks from an export's threads, and still reads exports without one", async () => {
    const target = await emptyServer();
    try {
      const path = join(dir, 'languages.json');
      const thread = (uri: string, lang?: string | null) => ({ uri, title: null, ...(lang === undefined ? {} : { lang }) });
      const comment = (id: number, uri: string) => ({ id, uri, parentId: null, status: 'approved', body: 'Hi', name: null, url: null, isAuthor: false, commenterKey: null, createdAt: '2024-01-01T00:00:00.000Z', editedAt: null });
      const threads = [thread('/a/', 'fr-CA'), thread('/b/', 'xx'), thread('/c/', '<script>'), thread('/d/')];
      writeFileSync(path, JSON.stringify({ format: 'kommentar-export', version: 1, site: 'blog', threads, comments: threads.map((t, i) => comment(i + 1, t.uri)) }));
      await importInto(target, path, { format: 'json' });
      const languages = Object.fromEntries(JSON.parse(await exported(target.ctx)).threads.map((t: { uri: string; lang: string | null }) => [t.uri, t.lang]));
      expect(languages).toEqual({ '/a/': 'fr', '/b/': null, '/c/': null, '/d/': null });
    } finally {
      await target.close();
    }
  });

  it('adds nothing when the same export is imported twice', async () => {
    const target = await emptyServer();
    try {
      const path = write('twice.json', await exported(server.ctx));
      await importInto(target, path, { format: 'json' });
      const again = await importInto(target, path, { format: 'json' });
      expect(again).toMatchObject({ imported: { approved: 0, pending: 0, spam: 0, deleted: 0 }, unchanged: 22 });
    } finally {
      await target.close();
    }
  });

  it('renumbers an export whose ids are taken, keeping its tree', async () => {
    const original = await exported(server.ctx);
    const result = await importInto(server, write('again.json', original), { format: 'json' });
    expect(result).toMatchObject({ renumbered: true, imported: { approved: 17 } });
    type Listed = { comments: { id: number; parentId: number | null; body: string }[] };
    const before = (JSON.parse(original) as Listed).comments;
    const after = (JSON.parse(await exported(server.ctx)) as Listed).comments;
    const copies = after.slice(before.length);
    const pairs = (list: Listed['comments'], all: Listed['comments']) =>
      list.map((c) => `${c.body} ← ${all.find((p) => p.id === c.parentId)?.body ?? '(top)'}`).sort();
    expect(pairs(copies, after)).toEqual(pairs(before, before));
  });
});

describe('what came from elsewhere and what the author marked, in an export', () => {
  it('keeps reactions, syndicated copies and "no answer needed" across a move', async () => {
    const origin = await emptyServer();
    const target = await emptyServer();
    try {
      const post = (body: string) => origin.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/moved/', body, email: 'reader@example.net' }));
      const { comment } = (await (await post('Nice post, nothing to add.')).json()) as { comment: { id: number } };
      await post('A question that still waits for an answer?');
      await acknowledgeComment(origin.ctx, comment.id, true);
      const now = Date.parse('2024-03-01T12:00:00Z');
      await upsertReaction(origin.ctx.db, { site: 'blog', uri: '/moved/', source: 'mastodon', itemUrl: 'https://social.example/@anna/222', kind: 'like', count: 3, authorName: null, authorUrl: null }, now);
      await upsertReaction(origin.ctx.db, { site: 'blog', uri: '/moved/', source: 'webmention', itemUrl: 'https://other.example/notes/1', kind: 'mention', count: 1, authorName: 'Otto', authorUrl: 'https://other.example/' }, now);
      await replaceCopies(origin.ctx.db, 'blog', '/moved/', [{ url: 'https://social.example/@anna/222', platform: 'mastodon' }], now);
      const document = await exported(origin.ctx);
      const parsed = JSON.parse(document) as { comments: { acknowledgedAt?: string }[]; reactions: unknown[]; syndication: unknown[] };
      expect(parsed.comments.map((c) => c.acknowledgedAt !== undefined)).toEqual([true, false]);
      expect(parsed.reactions).toHaveLength(2);
      expect(parsed.syndication).toEqual([{ uri: '/moved/', url: 'https://social.example/@anna/222', platform: 'mastodon' }]);

      await importInto(target, write('moved.json', document), { format: 'json' });
      expect(await exported(target.ctx)).toBe(document);
      const answer = await target.api('/api/v1/report?site=blog', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      const { summary } = (await answer.json()) as { summary: { waitingForAuthor: number; acknowledged: number; reactions: { likes: number } } };
      expect(summary).toMatchObject({ waitingForAuthor: 1, acknowledged: 1, reactions: { likes: 3 } });
      // The new server fetches the copy's replies from the start.
      expect((await listCopies(target.ctx.db, 'blog')).map((copy) => copy.url)).toEqual(['https://social.example/@anna/222']);
    } finally {
      await origin.close();
      await target.close();
    }
  });
});

describe('replies from elsewhere in an export', () => {
  it('keep where they were written and their address, and are refused where the server already has them', async () => {
    const origin = await emptyServer();
    const target = await emptyServer();
    try {
      const reply = await insertComment(origin.ctx.db, {
        site: 'blog', uri: '/elsewhere/', pageTitle: null, identityKey: null, parentId: null, depth: 1, status: 'approved',
        body: 'Replied on Mastodon', html: '<p>Replied on Mastodon</p>', name: 'Mo', url: 'https://social.example/@mo', email: null,
        commenterKey: 'c'.repeat(64), isAuthor: false, notify: false, createdAt: Date.parse('2024-02-01T10:00:00Z'), editTokenHash: 'h'.repeat(64),
        source: 'mastodon', sourceUrl: 'https://social.example/@mo/111',
      });
      await origin.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/elsewhere/', body: 'Answered on the blog', parentId: reply.id }, { Authorization: `Bearer ${ADMIN_TOKEN}` }));
      const document = await exported(origin.ctx);
      const comments = (JSON.parse(document) as { comments: { source?: string; sourceUrl?: string | null }[] }).comments;
      expect(comments.map((c) => [c.source, c.sourceUrl])).toEqual([['mastodon', 'https://social.example/@mo/111'], [undefined, undefined]]);

      const path = write('elsewhere.json', document);
      await importInto(target, path, { format: 'json' });
      expect(await exported(target.ctx)).toBe(document);
      // The report still counts the reply as one from Mastodon.
      const answer = await target.api('/api/v1/report?site=blog', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(((await answer.json()) as { summary: { sources: Record<string, number> } }).summary.sources).toMatchObject({ site: 1, mastodon: 1 });

      // The server that fetched the reply itself refuses a second copy of it, and keeps what it had.
      await expect(importInto(origin, path, { format: 'json' })).rejects.toThrow(/sourceUrl/);
      expect(await exported(origin.ctx)).toBe(document);
    } finally {
      await origin.close();
      await target.close();
    }
  });
});

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
