import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { csrfOf, DESK_PASSWORD, DeskClient } from './desk-client.js';

let server: TestServer;
let desk: DeskClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer({
    config: {
      sites: [
        { id: 'blog', title: 'The Blog', origins: ['https://blog.example'], authorName: 'Ada' },
        { id: 'other', origins: ['https://other.example'], moderation: 'all' },
      ],
      adminPasswordHash: await hashPassword(DESK_PASSWORD),
    },
  });
  desk = new DeskClient(server);
  expect((await desk.login()).status).toBe(303);

  const post = async (fields: Record<string, unknown>, asAuthor = false) => {
    const headers: Record<string, string> = asAuthor ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
    const response = await server.api('/api/v1/comments', json('POST', { uri: '/post/', title: 'The post', site: 'blog', ...fields }, headers));
    return ((await response.json()) as { comment: { id: number } }).comment.id;
  };
  // Oldest first: a waits (top-level); b got an author answer; c replies to the author (waits);
  // d talks to a reader (does not address the author); e is pending on another site.
  ids.a = await post({ body: 'Question A', name: 'Anna', identity: 'identity-token-anna-0001' });
  ids.b = await post({ body: 'Question B', name: 'Ben', identity: 'identity-token-ben-00001' });
  ids.answerB = await post({ body: 'Answer to B', parentId: ids.b }, true);
  ids.c = await post({ body: 'Thanks, but why?', name: 'Ben', identity: 'identity-token-ben-00001', parentId: ids.answerB });
  ids.d = await post({ body: 'Anna, I agree', name: 'Dee', identity: 'identity-token-dee-00001', parentId: ids.a });
  await post({ site: 'other', body: 'Pending elsewhere', identity: 'identity-token-eve-00001' });
});
afterAll(() => server.close());

const waitingIds = (page: string) => [...page.matchAll(/<article class="card" id="comment-(\d+)"/g)].map((m) => Number(m[1]));

async function reportWaiting(): Promise<number> {
  const response = await server.api('/api/v1/report?site=blog', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return ((await response.json()) as { summary: { waitingForAuthor: number } }).summary.waitingForAuthor;
}

describe('waiting for your answer', () => {
  it('lists exactly the reader comments that address the author without an answer, oldest first, with their context', async () => {
    const page = await desk.page('/admin');
    expect(waitingIds(page)).toEqual([ids.a, ids.c]);
    expect(page).toContain('Addressed to you, no reply yet (<span id="waiting-count">2</span>)');
    expect(await reportWaiting()).toBe(2);
    const cardC = page.slice(page.indexOf(`id="comment-${ids.c}"`));
    expect(cardC).toMatch(/In reply to you/);
    expect(cardC).toContain('Answer to B');
    expect(cardC).toContain('href="https://blog.example/post/"');
    expect(cardC).toContain('Answer as Ada');
  });

  it('answers from the desk as the author, and the list shrinks', async () => {
    const page = await desk.page('/admin');
    const response = await desk.postForm('/admin/inbox/reply', { csrf: csrfOf(page), commentId: String(ids.a), body: 'Here is my **answer**' });
    expect(response.status).toBe(303);
    const after = await desk.page(response.headers.get('location')!);
    expect(after).toContain('Your answer is published.');
    expect(waitingIds(after)).toEqual([ids.c]);
    expect(await reportWaiting()).toBe(1);

    const thread = (await (await server.api('/api/v1/comments?site=blog&uri=/post/')).json()) as {
      comments: { parentId: number | null; html: string; name: string; isAuthor: boolean }[];
    };
    const answer = thread.comments.find((c) => c.html.includes('<strong>answer</strong>'))!;
    expect(answer).toMatchObject({ parentId: ids.a, name: 'Ada', isAuthor: true });
  });

  it('refuses to answer what is not there, and an empty answer, without storing anything', async () => {
    const csrf = csrfOf(await desk.page('/admin'));
    const before = await reportWaiting();
    const missing = await desk.postForm('/admin/inbox/reply', { csrf, commentId: '999999', body: 'Hello?' });
    expect(missing.status).toBe(404);
    const empty = await desk.postForm('/admin/inbox/reply', { csrf, commentId: String(ids.c), body: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Your answer must not be empty');
    expect(await reportWaiting()).toBe(before);
  });

  it('keeps each site to itself: the other site has its own inbox and queue', async () => {
    const other = await desk.page('/admin?site=other');
    expect(waitingIds(other)).toEqual([]);
    expect(other).toContain('1 comment awaiting moderation');
    expect((await desk.request('/admin?site=nope')).status).toBe(404);
  });
});

describe('no answer needed', () => {
  const api = (path: string, method: string, token: string | null = ADMIN_TOKEN) =>
    server.api(path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const report = async () =>
    (await (await api('/api/v1/report?site=blog', 'GET')).json()) as {
      summary: { waitingForAuthor: number; acknowledged: number };
      posts: { waitingForAuthorIds: number[]; acknowledgedIds: number[]; acknowledged: number }[];
    };

  it('marks and unmarks through the API, author only, with clear errors', async () => {
    const start = await report();
    expect(start.summary).toMatchObject({ waitingForAuthor: 1, acknowledged: 0 });

    expect((await api(`/api/v1/comments/${ids.c}/acknowledge`, 'POST', null)).status).toBe(401);
    expect((await api(`/api/v1/comments/${ids.c}/acknowledge`, 'POST', 'wrong-token')).status).toBe(401);
    const missing = await api('/api/v1/comments/999999/acknowledge', 'POST');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await api('/api/v1/comments/abc/acknowledge', 'POST')).status).toBe(400);
    const own = await api(`/api/v1/comments/${ids.answerB}/acknowledge`, 'POST');
    expect(own.status).toBe(422);
    expect((await report()).summary).toEqual(start.summary);

    const marked = await api(`/api/v1/comments/${ids.c}/acknowledge`, 'POST');
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ id: ids.c, acknowledged: true });
    expect((await api(`/api/v1/comments/${ids.c}/acknowledge`, 'POST')).status).toBe(200); // twice is fine
    const after = await report();
    expect(after.summary).toMatchObject({ waitingForAuthor: 0, acknowledged: 1 });
    expect(after.posts[0]).toMatchObject({ waitingForAuthorIds: [], acknowledgedIds: [ids.c], acknowledged: 1 });
    expect(waitingIds(await desk.page('/admin'))).toEqual([]);

    const undone = await api(`/api/v1/comments/${ids.c}/acknowledge`, 'DELETE');
    expect(await undone.json()).toEqual({ id: ids.c, acknowledged: false });
    expect((await report()).summary).toMatchObject({ waitingForAuthor: 1, acknowledged: 0 });
  });

  it('the desk marks one or several at once and undoes a mark, and the report follows', async () => {
    const more = async (body: string) => {
      const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/post/', body, name: 'Tom', identity: 'identity-token-tom-00001' }));
      return ((await response.json()) as { comment: { id: number } }).comment.id;
    };
    const thanks1 = await more('Thank you!');
    const thanks2 = await more('Lovely, thanks.');
    let page = await desk.page('/admin');
    expect(waitingIds(page)).toEqual([ids.c, thanks1, thanks2]);

    const one = await desk.postForm('/admin/inbox/acknowledge', { csrf: csrfOf(page), site: 'blog', act: `mark:${thanks1}` });
    expect(one.status).toBe(303);
    page = await desk.page(one.headers.get('location')!);
    expect(page).toContain('1 comment marked “no answer needed”');
    expect(waitingIds(page)).toEqual([ids.c, thanks2]);
    expect(page).toContain(`id="acknowledged-${thanks1}"`);

    const bulk = await desk.postForm('/admin/inbox/acknowledge', { csrf: csrfOf(page), site: 'blog', act: 'bulk', ids: [String(ids.c), String(thanks2)] });
    page = await desk.page(bulk.headers.get('location')!);
    expect(page).toContain('2 comments marked');
    expect(waitingIds(page)).toEqual([]);
    expect(page).toContain('<span id="acknowledged-count">3</span>');
    expect((await report()).summary).toMatchObject({ waitingForAuthor: 0, acknowledged: 3 });

    const undo = await desk.postForm('/admin/inbox/acknowledge', { csrf: csrfOf(page), site: 'blog', act: `unmark:${ids.c}` });
    page = await desk.page(undo.headers.get('location')!);
    expect(page).toContain('1 comment back among those addressed to you');
    expect(waitingIds(page)).toEqual([ids.c]);
    expect((await report()).summary).toMatchObject({ waitingForAuthor: 1, acknowledged: 2 });

    // Without the CSRF token, with nothing selected, or for another site's comment: nothing changes.
    expect((await desk.postForm('/admin/inbox/acknowledge', { site: 'blog', act: `mark:${ids.c}` })).status).toBe(403);
    expect((await desk.postForm('/admin/inbox/acknowledge', { csrf: csrfOf(page), site: 'blog', act: 'bulk' })).status).toBe(400);
    const foreign = await desk.postForm('/admin/inbox/acknowledge', { csrf: csrfOf(page), site: 'other', act: `mark:${ids.c}` });
    expect(foreign.headers.get('location')).toContain('marked=0');
    expect((await report()).summary).toMatchObject({ waitingForAuthor: 1, acknowledged: 2 });
  });
});
