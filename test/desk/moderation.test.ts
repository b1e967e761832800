import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentRow } from '../../server/db/comments.js';
import { hashPassword } from '../../server/desk/password.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { csrfOf, DESK_PASSWORD, DeskClient } from './desk-client.js';

let server: TestServer;
let desk: DeskClient;
let csrf: string;

beforeAll(async () => {
  server = await startTestServer({
    config: {
      sites: [{ id: 'blog', title: 'The Blog', origins: ['https://blog.example'], moderation: 'first-time' }],
      adminPasswordHash: await hashPassword(DESK_PASSWORD),
    },
  });
  desk = new DeskClient(server);
  expect((await desk.login()).status).toBe(303);
  csrf = csrfOf(await desk.page('/admin/moderation'));
});
afterAll(() => server.close());

let tokens = 0;
/** Each reader has their own browser identity token (their commenter key). */
const reader = () => `reader-identity-token-${String(++tokens).padStart(4, '0')}`;

async function post(fields: Record<string, unknown>): Promise<{ status: number; id: number }> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/moderated/', title: 'Moderated post', ...fields }));
  return { status: response.status, id: ((await response.json()) as { comment: { id: number } }).comment.id };
}

const publicIds = async (uri = '/moderated/') =>
  ((await (await server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`)).json()) as { comments: { id: number; deleted: boolean }[] }).comments
    .filter((c) => !c.deleted)
    .map((c) => c.id);

async function report() {
  const response = await server.api('/api/v1/report?site=blog', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { summary: { comments: number; pending: number }; posts: { uri: string; comments: number; pending: number }[] };
}

const moderate = (fields: Record<string, string | string[]>) => desk.postForm('/admin/moderation', { csrf, site: 'blog', ...fields });

describe('moderation queue', () => {
  it('shows a pending reply with its post and parent; approving makes it public, tells listeners, and changes the report', async () => {
    const first = await post({ body: 'An approved first comment', identity: reader() });
    // First-time moderation: a new commenter waits, whoever they reply to.
    expect(first.status).toBe(202);
    await moderate({ act: `approve:${first.id}` });
    const pending = await post({ body: 'A **pending** reply', name: 'Newcomer', identity: reader(), parentId: first.id });
    expect(pending.status).toBe(202);

    const queue = await desk.page('/admin/moderation');
    const card = queue.slice(queue.indexOf(`id="comment-${pending.id}"`));
    expect(card).toContain('Moderated post');
    expect(card).toContain('An approved first comment');
    expect(card).toContain('<strong>pending</strong>');
    expect(card).toContain('A <strong>pending</strong> reply');
    const before = await report();
    expect(before.posts.find((p) => p.uri === '/moderated/')).toMatchObject({ comments: 1, pending: 1 });

    const approved: CommentRow[] = [];
    const listener = (row: CommentRow) => approved.push(row);
    server.ctx.events.on('approved', listener);
    const response = await moderate({ act: `approve:${pending.id}` });
    server.ctx.events.off('approved', listener);
    expect(response.status).toBe(303);
    expect(await desk.page(response.headers.get('location')!)).toContain('1 comment approved.');
    expect(await publicIds()).toContain(pending.id);
    expect(approved.map((row) => [row.id, row.status])).toEqual([[pending.id, 'approved']]);
    const after = await report();
    expect(after.posts.find((p) => p.uri === '/moderated/')).toMatchObject({ comments: 2, pending: 0 });
    expect(after.summary.comments).toBe(before.summary.comments + 1);

    const reportPage = await desk.page('/admin/report');
    expect(reportPage).toMatch(/<tr data-uri="\/moderated\/">[\s\S]*?data-field="comments">2</);
  });

  it('applies one bulk action to the checked comments only', async () => {
    const a = await post({ body: 'Buy pills', identity: reader() });
    const b = await post({ body: 'Buy more pills', identity: reader() });
    const c = await post({ body: 'A real question', identity: reader() });
    const response = await moderate({ act: 'bulk', action: 'spam', ids: [String(a.id), String(b.id)] });
    expect(await desk.page(response.headers.get('location')!)).toContain('2 comments marked as spam.');
    const queue = await desk.page('/admin/moderation');
    const spamSection = queue.slice(queue.indexOf('<h2>Spam'));
    expect(spamSection).toContain(`id="comment-${a.id}"`);
    expect(spamSection).toContain(`id="comment-${b.id}"`);
    expect(spamSection).not.toContain(`id="comment-${c.id}"`);
    expect(queue.slice(0, queue.indexOf('<h2>Spam'))).toContain(`id="comment-${c.id}"`);

    expect((await moderate({ act: 'bulk', action: 'delete' })).status).toBe(400);
    await moderate({ act: 'bulk', action: 'delete', ids: [String(a.id), String(b.id)] });
    const cleaned = await desk.page('/admin/moderation');
    expect(cleaned).not.toContain(`id="comment-${a.id}"`);
    expect(await publicIds()).not.toContain(c.id);
  });

  it('trusts a commenter: their next comments skip first-time moderation, even after the approved one is deleted', async () => {
    const trusted = reader();
    const merelyApproved = reader();
    const t = await post({ body: 'Trust me', identity: trusted });
    const m = await post({ body: 'Approve me', identity: merelyApproved });
    const response = await moderate({ act: 'bulk', action: 'trust', ids: [String(t.id)] });
    expect(await desk.page(response.headers.get('location')!)).toContain('1 comment approved. 1 commenter now skips first-time moderation.');
    await moderate({ act: `approve:${m.id}` });
    await moderate({ act: 'bulk', action: 'delete', ids: [String(t.id), String(m.id)] });

    expect((await post({ body: 'Trusted again', identity: trusted })).status).toBe(201);
    expect((await post({ body: 'Back in the queue', identity: merelyApproved })).status).toBe(202);
  });

  it('answers a bad action with a 400 page and changes nothing', async () => {
    const p = await post({ body: 'Still pending', identity: reader() });
    const response = await moderate({ act: `publish:${p.id}` });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('The form sent a value the desk cannot use (act)');
    expect(await publicIds()).not.toContain(p.id);
  });
});
