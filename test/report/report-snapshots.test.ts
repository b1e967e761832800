/**
 * Report snapshots on a real libSQL file: after every kind of change a site goes through
 * (new, pending and approved comments, author replies, edits, moderation, "no answer
 * needed", reactions and replies from elsewhere, a thread getting its title, time passing),
 * the report built from snapshots is the report recomputed from every comment.
 *
 * The reference is the same report with the window's end given explicitly (`to` = now):
 * the same window, but only the open window (no `from`, no `to`) reads and writes snapshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../bench/generate.js';
import { createComment, editComment } from '../../server/comments/comments.js';
import { findSite } from '../../server/config.js';
import type { AppContext } from '../../server/context.js';
import { ownConnectionOf } from '../../server/db/cached-reads.js';
import { deleteReactionsOf, upsertReaction } from '../../server/db/reactions.js';
import { acknowledgeComment } from '../../server/desk/acknowledge.js';
import { moderate } from '../../server/desk/moderation.js';
import type { DialogueReport } from '../../server/dialogue/index.js';
import { removeRemoteComment, storeRemoteComment } from '../../server/elsewhere/remote-comments.js';
import { buildSiteReport, waitingForAuthor, type ReportRequest } from '../../server/report/site-report.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const HOUR = 3_600_000;
let server: TestServer;
/** The clock every write and report of this file reads. */
let clock = Date.UTC(2025, 5, 1, 12);
let ctx: AppContext;

beforeAll(async () => {
  server = await startTestServer({ config: { sites: [{ id: 'blog', moderation: 'first-time', authorName: 'Ada', authorUrls: ['https://ada.example/'] }] } });
  ctx = { ...server.ctx, now: () => clock };
  // History with deep chains, author answers, pending, spam and deleted comments; some are dated after the clock.
  await generateSite(ctx.db, { site: 'blog', posts: 30, comments: 1500, participants: 120, seed: 11 });
});
afterAll(() => server.close());

const site = () => findSite(ctx.config, 'blog')!;
const later = (hours: number) => {
  clock += hours * HOUR;
};

/** Counts the round trips to the database (single statements and batches) while `work` runs. */
async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const db = ctx.db;
  const execute = db.execute.bind(db);
  const batch = db.batch.bind(db);
  let queries = 0;
  db.execute = ((...args: Parameters<typeof execute>) => {
    queries++;
    return execute(...args);
  }) as typeof db.execute;
  db.batch = ((...args: Parameters<typeof batch>) => {
    queries++;
    return batch(...args);
  }) as typeof db.batch;
  try {
    return { result: await work(), queries };
  } finally {
    db.execute = execute;
    db.batch = batch;
  }
}

const REQUESTS: ReportRequest[] = [{}, { compareDays: 30 }, { people: true, compareDays: 30 }, { publicOnly: true, hideNames: true }, { post: '/posts/3/' }];

/**
 * Every kind of report that reads snapshots equals its recomputation, twice (the second time from snapshots and the
 * site's fold alone; the first, after a change, with the changed posts replaced in the fold); so does the inbox.
 */
async function expectSnapshotsAgree(): Promise<void> {
  for (const request of REQUESTS) {
    // The same JSON, byte for byte (the order of fields and posts included).
    const reference = JSON.stringify(await buildSiteReport(ctx, 'blog', { ...request, to: new Date(clock) }));
    expect(JSON.stringify(await buildSiteReport(ctx, 'blog', request))).toBe(reference);
    expect(JSON.stringify(await buildSiteReport(ctx, 'blog', request))).toBe(reference);
  }
  const reference = await buildSiteReport(ctx, 'blog', { to: new Date(clock) });
  expect(await waitingForAuthor(ctx, 'blog')).toEqual({
    ids: reference.posts.flatMap((post) => post.waitingForAuthorIds),
    acknowledgedIds: reference.posts.flatMap((post) => post.acknowledgedIds),
    pending: reference.summary.pending,
  });
}

/** A reader's top-level comment, approved (a newcomer waits under first-time moderation). */
async function readerComment(uri: string, body: string, identity: string) {
  const { row } = await createComment(ctx, site(), { site: 'blog', uri, body, identity }, { isAuthor: false });
  await moderate(ctx, 'blog', 'approve', [row.id]);
  return row;
}

/** The snapshots stored, of every kind. */
async function snapshotCount(): Promise<number> {
  return Number((await ctx.db.execute('SELECT count(*) AS n FROM report_snapshots')).rows[0]!.n);
}

const post = (report: DialogueReport, uri: string) => report.posts.find((p) => p.uri === uri)!;

describe('report snapshots', () => {
  it('serve a second report without reading a comment, and agree with a recomputation', async () => {
    await expectSnapshotsAgree();
    const { result, queries } = await countingQueries(() => buildSiteReport(ctx, 'blog'));
    // The thread list with the site's fold (one batch), nothing else.
    expect(queries).toBe(1);
    expect(result.summary.comments).toBeGreaterThan(1000);
  });

  it('follow comments, replies, edits, moderation and "no answer needed"', async () => {
    const before = await buildSiteReport(ctx, 'blog');
    later(1);
    // A newcomer's comment waits for approval (first-time moderation).
    const question = await createComment(
      ctx,
      site(),
      { site: 'blog', uri: '/posts/3/', body: 'A question?', identity: 'newcomer-identity-token-0001', name: 'Newcomer' },
      { isAuthor: false },
    );
    expect(question.pending).toBe(true);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/3/').pending).toBe(post(before, '/posts/3/').pending + 1);

    later(1);
    await moderate(ctx, 'blog', 'approve', [question.row.id]);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/3/').waitingForAuthorIds).toContain(question.row.id);

    later(2);
    const answer = await createComment(ctx, site(), { site: 'blog', uri: '/posts/3/', body: 'An answer.', parentId: question.row.id }, { isAuthor: true });
    await expectSnapshotsAgree();
    later(1);
    const again = await createComment(
      ctx,
      site(),
      { site: 'blog', uri: '/posts/3/', body: 'Thanks!', parentId: answer.row.id, identity: 'newcomer-identity-token-0001', name: 'New Name' },
      { isAuthor: false },
    );
    await expectSnapshotsAgree();

    // Inside the edit window.
    later(0.1);
    await editComment(ctx, again.row.id, again.editToken, 'Thanks a lot!', { isAuthor: false });
    await expectSnapshotsAgree();

    later(1);
    await acknowledgeComment(ctx, again.row.id, true);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/3/').acknowledgedIds).toContain(again.row.id);

    later(1);
    await moderate(ctx, 'blog', 'spam', [again.row.id]);
    await expectSnapshotsAgree();
    later(1);
    // Deleting a comment with a reply leaves a placeholder that still gives the reply its depth.
    await moderate(ctx, 'blog', 'delete', [question.row.id]);
    await expectSnapshotsAgree();
  });

  it('follow reactions and replies from elsewhere, and a thread that gets its title', async () => {
    later(1);
    const like = {
      site: 'blog',
      uri: '/posts/5/',
      source: 'webmention' as const,
      itemUrl: 'https://fan.example/liked',
      kind: 'like' as const,
      count: 1,
      authorName: null,
      authorUrl: null,
    };
    await upsertReaction(ctx.db, like, clock);
    await expectSnapshotsAgree();
    later(1);
    await upsertReaction(ctx.db, { ...like, count: 7 }, clock);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/5/').reactions.likes).toBeGreaterThanOrEqual(7);
    later(1);
    await deleteReactionsOf(ctx.db, 'blog', '/posts/5/', like.itemUrl);
    await expectSnapshotsAgree();

    later(1);
    const remote = await storeRemoteComment(ctx, site(), '/posts/5/', {
      source: 'webmention',
      sourceUrl: 'https://fan.example/reply',
      parent: null,
      authorProfile: 'https://fan.example/',
      authorName: 'Fan',
      authorUrl: 'https://fan.example/',
      isAuthor: false,
      content: { text: 'Replying from my own site.' },
      createdAt: clock,
      editedAt: null,
    });
    await moderate(ctx, 'blog', 'approve', [remote!.row.id]);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/5/').sources.webmention).toBeGreaterThan(0);
    later(1);
    await removeRemoteComment(ctx, remote!.row);
    await expectSnapshotsAgree();

    // A thread first seen through a pending comment has no title until a comment of it is approved.
    later(1);
    const first = await createComment(
      ctx,
      site(),
      { site: 'blog', uri: '/new/', title: 'A new post', body: 'First!', identity: 'newcomer-identity-token-0002' },
      { isAuthor: false },
    );
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/new/').title).toBeNull();
    later(1);
    await moderate(ctx, 'blog', 'approve', [first.row.id]);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/new/').title).toBe('A new post');
  });

  it('follow a comment row deleted outright and its id given to a new comment in another thread', async () => {
    later(1);
    const last = await readerComment('/posts/11/', 'The newest comment, soon gone.', 'newcomer-identity-token-0005');
    await expectSnapshotsAgree();
    // No code path deletes comment rows (moderation marks them); a hand-run statement may, and SQLite then gives the
    // highest id again.
    await ctx.db.execute({ sql: 'DELETE FROM comments WHERE id = ?', args: [last.id] });
    later(1);
    // The author's comment needs no approval, so nothing but the insert tells of it.
    const reused = await createComment(ctx, site(), { site: 'blog', uri: '/posts/12/', body: 'Same id, another thread.' }, { isAuthor: true });
    expect(reused.row.id).toBe(last.id);
    await expectSnapshotsAgree();
  });

  it('follow a comment stored under an id below the highest (an import keeps an export\'s ids where they are free)', async () => {
    const threadId = async (uri: string) => Number((await ctx.db.execute({ sql: 'SELECT id FROM threads WHERE uri = ?', args: [uri] })).rows[0]!.id);
    const insert = async (id: number, uri: string) =>
      ctx.db.execute({
        sql: `INSERT INTO comments (id, thread_id, parent_id, depth, status, body, html, name, commenter_key, is_author, created_at)
              VALUES (?, ?, NULL, 1, 'approved', 'Imported.', '<p>Imported.</p>', 'Importer', 'imported-reader-key', 0, ?)`,
        args: [id, await threadId(uri), clock - HOUR],
      });
    later(1);
    const top = Number((await ctx.db.execute('SELECT max(id) AS id FROM comments')).rows[0]!.id);
    // Ids top + 1 … top + 99 stay free.
    await insert(top + 100, '/posts/13/');
    // Comments in several threads: the report folds every post again and stores the fold, with top + 102 as the highest id.
    for (const uri of ['/posts/13/', '/posts/14/']) await createComment(ctx, site(), { site: 'blog', uri, body: 'Noted.' }, { isAuthor: true });
    await expectSnapshotsAgree();
    later(1);
    await insert(top + 50, '/posts/15/');
    await expectSnapshotsAgree();
  });

  it('follow time alone: a comment turning 72 hours old, comments dated after an earlier cut-off', async () => {
    later(1);
    const question = await readerComment('/posts/7/', 'Still there?', 'newcomer-identity-token-0003');
    await createComment(ctx, site(), { site: 'blog', uri: '/posts/7/', body: 'Yes.', parentId: question.id }, { isAuthor: true });
    await expectSnapshotsAgree();
    const young = post(await buildSiteReport(ctx, 'blog'), '/posts/7/').authorAnsweredWithin72hShare;
    later(72);
    await expectSnapshotsAgree();
    expect(post(await buildSiteReport(ctx, 'blog'), '/posts/7/').authorAnsweredWithin72hShare).not.toBe(young);
    // The generated history runs past the clock: a year on, those comments count.
    const comments = (await buildSiteReport(ctx, 'blog')).summary.comments;
    later(365 * 24);
    await expectSnapshotsAgree();
    expect((await buildSiteReport(ctx, 'blog')).summary.comments).toBeGreaterThan(comments);
  });

  it('are never stored from comments a write changed meanwhile, and a database that refuses them still gives the report', async () => {
    later(1);
    await buildSiteReport(ctx, 'blog');
    const question = await readerComment('/posts/9/', 'Racing.', 'newcomer-identity-token-0004');
    // A comment arrives right after the report has read /posts/9/'s comments and before it stores the snapshot.
    const db = ctx.db;
    const execute = db.execute.bind(db);
    let written = false;
    db.execute = (async (...args: Parameters<typeof execute>) => {
      const result = await execute(...args);
      const statement: unknown = args[0];
      const sql = typeof statement === 'string' ? statement : (statement as { sql: string }).sql;
      if (!written && sql.includes('FROM comments WHERE thread_id IN')) {
        written = true;
        await createComment(ctx, site(), { site: 'blog', uri: '/posts/9/', body: 'Meanwhile.', parentId: question.id }, { isAuthor: true });
      }
      return result;
    }) as typeof db.execute;
    try {
      await buildSiteReport(ctx, 'blog');
    } finally {
      db.execute = execute;
    }
    expect(written).toBe(true);
    await expectSnapshotsAgree();

    later(1);
    await createComment(ctx, site(), { site: 'blog', uri: '/posts/9/', body: 'One more.', identity: 'newcomer-identity-token-0004' }, { isAuthor: false });
    const batch = db.batch.bind(db);
    // Reads pass, every write is refused: the client's batches, and the database's own connection (snapshots are written there).
    db.batch = ((statements: Parameters<typeof batch>[0], mode?: Parameters<typeof batch>[1]) =>
      mode === 'read' ? batch(statements, mode) : Promise.reject(new Error('SQLITE_READONLY: attempt to write a readonly database'))) as typeof db.batch;
    const own = ownConnectionOf(db)!;
    own.exec('PRAGMA query_only = ON');
    const snapshots = await snapshotCount();
    try {
      await expectSnapshotsAgree();
      expect(await snapshotCount()).toBe(snapshots);
    } finally {
      db.batch = batch;
      own.exec('PRAGMA query_only = OFF');
    }
  });
});
