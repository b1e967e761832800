/**
 * The inbox on a site of realistic size (generated threads with deep chains,
 * author replies, pending, spam and deleted comments in a real database): the
 * same entries as the report's `waitingForAuthorIds`, oldest first, read with
 * a fixed number of queries however many readers wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../bench/generate.js';
import { hashPassword } from '../../server/desk/password.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server.js';
import { DESK_PASSWORD, DeskClient } from './desk-client.js';

let server: TestServer;
let desk: DeskClient;

beforeAll(async () => {
  server = await startTestServer({
    config: { sites: [{ id: 'bench', origins: ['https://bench.example'], authorName: 'Ada' }], adminPasswordHash: await hashPassword(DESK_PASSWORD) },
  });
  await generateSite(server.ctx.db, { site: 'bench', posts: 40, comments: 2500, participants: 300, seed: 7 });
  desk = new DeskClient(server);
  expect((await desk.login()).status).toBe(303);
});
afterAll(() => server.close());

const shownIds = (page: string) => [...page.matchAll(/<article class="card" id="comment-(\d+)"/g)].map((m) => Number(m[1]));

describe('the desk inbox on a generated site', () => {
  it('shows exactly the comments the report says wait for the author, oldest first', async () => {
    // Plain fetch: the generated rows use readable commenter keys ("author") that the helper's privacy scan would flag in any text.
    const response = await fetch(`${server.url}/api/v1/report?site=bench`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const report = (await response.json()) as { summary: { waitingForAuthor: number; pending: number }; posts: Array<{ waitingForAuthorIds: number[] }> };
    const expected = report.posts.flatMap((post) => post.waitingForAuthorIds);
    expect(expected.length).toBeGreaterThan(50);

    const page = await desk.page('/admin?site=bench');
    const shown = shownIds(page);
    expect(new Set(shown)).toEqual(new Set(expected));
    expect(shown).toHaveLength(expected.length);
    // Counts are written as the desk's language writes numbers ("1,082").
    expect(page).toContain(`Addressed to you, no reply yet (<span id="waiting-count">${expected.length.toLocaleString('en')}</span>)`);
    expect(page).toContain(`${report.summary.pending} comments awaiting moderation`);

    // Oldest first, as each card's machine-readable time says.
    const times = [...page.matchAll(/<article class="card" id="comment-\d+"[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
    expect(times).toHaveLength(shown.length);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('reads the waiting comments and their parents in one query each, not two per comment', async () => {
    const db = server.ctx.db;
    const execute = db.execute.bind(db);
    let queries = 0;
    db.execute = ((...args: Parameters<typeof execute>) => {
      queries++;
      return execute(...args);
    }) as typeof db.execute;
    try {
      const page = await desk.page('/admin?site=bench');
      expect(shownIds(page).length).toBeGreaterThan(50);
    } finally {
      db.execute = execute;
    }
    // The thread stream (its thread list and a few chunks), the waiting comments, their parents, the session check and the desk's language.
    expect(queries).toBeLessThanOrEqual(13);
  });
});
