/**
 * The security review's findings (issue 10), each as the request that used to
 * get through or crash, against a real server and database.
 */
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { outboxSummary } from '../../server/db/outbox.js';
import { renderMarkdown } from '../../server/render/markdown.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';

const ORIGIN = 'https://blog.example';
const AUTHOR = { authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    config: {
      sites: [
        { id: 'open', origins: [ORIGIN], publicReport: true },
        { id: 'firsts', origins: [ORIGIN], moderation: 'first-time' },
        { id: 'held', origins: [ORIGIN], moderation: 'all', publicReport: true },
      ],
    },
  });
});
afterAll(() => server.close());

interface Created {
  comment: { id: number; html: string };
  editToken: string;
}

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'open', uri: '/p/', body: 'Hello', ...body }, headers));
  return { status: response.status, data: (await response.json()) as Created & { error: { code: string; field?: string } } };
}

const error = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: { code: string; field?: string } }).error });

/** The moderation form as the desk posts it, with the admin token (no CSRF needed). */
const moderate = (site: string, act: string) =>
  server.api('/admin/moderation', { method: 'POST', headers: { ...AUTHOR, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ site, act }) });

const publicThread = async (site: string, uri: string) =>
  ((await (await server.api(`/api/v1/comments?site=${site}&uri=${encodeURIComponent(uri)}`)).json()) as { comments: { id: number; html: string }[] }).comments;

const DEEP_BODIES = ['- '.repeat(1500) + 'x', '> '.repeat(2500) + 'x', '> - '.repeat(834) + 'x'];

describe('1. deeply nested Markdown', () => {
  it.each(DEEP_BODIES.map((body) => [body.slice(0, 4), body]))('refuses %j… with a 400 that says why on every path that renders', async (_, body) => {
    const created = await post({ body: 'fine' });
    const refusals = [
      await server.api('/api/v1/comments', json('POST', { site: 'open', uri: '/p/', body })),
      await server.api(`/api/v1/comments/${created.data.comment.id}`, json('PATCH', { body }, { 'x-edit-token': created.data.editToken })),
      await server.api('/api/v1/preview', json('POST', { body })),
      await server.api('/api/v1/comments', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ site: 'open', uri: '/p/', body, ts: String(Date.now() - 60_000) }),
      }),
      await server.api('/admin/inbox/reply', {
        method: 'POST',
        headers: { ...AUTHOR, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ commentId: String(created.data.comment.id), body }),
      }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    for (const response of refusals.slice(0, 4)) {
      expect(await error(response)).toMatchObject({ code: 'too_deeply_nested', field: 'body' });
    }
    expect(await refusals[4]!.text()).toMatch(/nests lists or quotes more than \d+ levels deep/);
    expect((await publicThread('open', '/p/')).find((c) => c.id === created.data.comment.id)!.html).toBe('<p>fine</p>');
  });

  it('still renders ordinary nesting', async () => {
    const html = renderMarkdown('> quoted\n> > and quoted again\n\n- a\n  - b\n    1. c');
    expect(html).toContain('<blockquote>');
    expect((html.match(/<(ul|ol)>/g) ?? []).length).toBe(3);
  });

  const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
  const inert = (html: string) => {
    let ok = true;
    new Parser({ onopentag: (name, attributes) => (ok &&= ALLOWED_TAGS.has(name) && Object.keys(attributes).every((a) => ['href', 'rel', 'title', 'start', 'align'].includes(a))) }).end(html);
    return ok;
  };
  const nesting = fc
    .array(fc.tuple(fc.constantFrom('- ', '> ', '1. ', '* ', '+ ', '>', '  ', '\t', '2) ', '\n', '<b>', '**', '[', 'x '), fc.integer({ min: 1, max: 700 })), { minLength: 1, maxLength: 6 })
    .map((runs) => runs.map(([piece, times]) => piece.repeat(times)).join('') + 'x');

  it('never throws on random nesting, and the output always passes the sanitiser (property)', () => {
    fc.assert(
      fc.property(nesting, (body) => {
        const html = renderMarkdown(body);
        return typeof html === 'string' && inert(html);
      }),
      { numRuns: 60 },
    );
  });

  it('answers random nesting with 200 or a 400, never a 500 (property, over HTTP)', async () => {
    await fc.assert(
      fc.asyncProperty(nesting, async (body) => {
        const response = await server.api('/api/v1/preview', json('POST', { body: body.slice(0, 10_000) }));
        const answer = (await response.json()) as { html?: string; error?: { code: string } };
        if (response.status === 200) return inert(answer.html!);
        return response.status === 400 && answer.error!.code === 'too_deeply_nested';
      }),
      { numRuns: 25 },
    );
  });
});

describe('2. malformed form bodies', () => {
  const garbage = (type: string) => ({ method: 'POST', headers: { 'content-type': type, origin: ORIGIN, ...AUTHOR }, body: '--nope\r\ngarbage without parts' });

  it.each([
    ['POST /api/v1/comments', '/api/v1/comments'],
    ['POST /admin/login', '/admin/login'],
    ['a desk form (moderation)', '/admin/moderation'],
    ['a desk form (answer)', '/admin/inbox/reply'],
    ['a desk form (logout)', '/admin/logout'],
  ])('%s answers 400 to a broken multipart body, with or without a boundary', async (_, path) => {
    for (const type of ['multipart/form-data; boundary=X', 'multipart/form-data']) {
      const response = await server.api(path, garbage(type));
      expect(response.status, `${path} with ${type}`).toBe(400);
      expect(await response.text()).toMatch(/form data could not be read/);
    }
  });

  it('the notification links answer 400 too', async () => {
    const response = await server.api('/notifications/confirm?a=xxxxxxxxxxxxxxxxxxxxxxxx&sig=yyyyyyyyyyyyyyyyyyyyyyyy', garbage('multipart/form-data'));
    expect(response.status).toBe(400);
  });
});

describe('3. pending and spam never public', () => {
  it('keeps a pending thread, its title and its count out of every public list', async () => {
    const pending = await post({ site: 'held', uri: '/secret/', title: 'Spam Title Buy Now', body: 'Buy now' });
    expect(pending.status).toBe(202);
    const threads = await (await server.api('/api/v1/threads?site=held')).text();
    expect(threads).not.toContain('/secret/');
    expect(threads).not.toContain('Spam Title');
    const report = await (await server.api('/api/v1/report/public?site=held')).text();
    expect(report).not.toContain('/secret/');
    expect(report).not.toContain('Spam Title');
    for (const feed of ['/feed.atom?site=held', '/feed.atom?site=held&uri=/secret/']) expect(await (await server.api(feed)).text()).not.toContain('Spam Title');
  });

  it('takes the title from the author or the first approved comment, and a reader cannot change it later', async () => {
    const early = await post({ site: 'held', uri: '/named/', title: 'Hijacked', body: 'first, pending' });
    await post({ site: 'held', uri: '/named/', title: 'The real post', body: 'From the author' }, AUTHOR);
    expect((await moderate('held', `approve:${early.data.comment.id}`)).status).toBe(303);
    const later = await post({ site: 'open', uri: '/titled/', title: 'First approved title', body: 'hi' });
    expect(later.status).toBe(201);
    await post({ site: 'open', uri: '/titled/', title: 'Changed by a reader', body: 'again' });
    const titles = async (site: string) =>
      Object.fromEntries(((await (await server.api(`/api/v1/threads?site=${site}`)).json()) as { threads: { uri: string; title: string }[] }).threads.map((t) => [t.uri, t.title]));
    expect((await titles('held'))['/named/']).toBe('The real post');
    expect((await titles('open'))['/titled/']).toBe('First approved title');
  });

  it('names a thread after its first comment once the author approves it', async () => {
    const held = await post({ site: 'held', uri: '/later/', title: 'Approved later', body: 'wait for it' });
    expect(await (await server.api('/api/v1/threads?site=held')).text()).not.toContain('Approved later');
    await moderate('held', `approve:${held.data.comment.id}`);
    expect(await (await server.api('/api/v1/threads?site=held')).text()).toContain('"title":"Approved later"');
  });
});

describe('4. edits after approval', () => {
  async function approvedWithToken(site: string, uri: string) {
    const created = await post({ site, uri, body: 'Harmless first text' });
    await moderate(site, `approve:${created.data.comment.id}`);
    return created.data;
  }
  const edit = (id: number, token: string, body: string) => server.api(`/api/v1/comments/${id}`, json('PATCH', { body }, { 'x-edit-token': token }));

  it('sends an edit back to moderation; the approved text stays public until the author publishes it', async () => {
    const { comment, editToken } = await approvedWithToken('held', '/edit/');
    const response = await edit(comment.id, editToken, 'Now with [a spam link](https://spam.example)');
    expect(response.status).toBe(202);
    expect(((await response.json()) as { pending: boolean }).pending).toBe(true);
    const shown = async () => (await publicThread('held', '/edit/')).find((c) => c.id === comment.id)!.html;
    expect(await shown()).toBe('<p>Harmless first text</p>');
    const queue = await (await server.api('/admin/moderation?site=held', { headers: AUTHOR })).text();
    expect(queue).toMatch(/Edits awaiting approval \(<span id="edit-count">1<\/span>\)/);
    expect(queue).toContain('spam.example');
    expect((await moderate('held', `publish-edit:${comment.id}`)).status).toBe(303);
    expect(await shown()).toContain('spam.example');

    expect((await edit(comment.id, editToken, 'Third version')).status).toBe(202);
    await moderate('held', `reject-edit:${comment.id}`);
    expect(await shown()).toContain('spam.example');
    expect(await (await server.api('/admin/moderation?site=held', { headers: AUTHOR })).text()).toContain('<span id="edit-count">0</span>');
  });

  it('holds an unknown commenter\'s edit under first-time moderation too', async () => {
    const { comment, editToken } = await approvedWithToken('firsts', '/edit/');
    expect((await edit(comment.id, editToken, 'Changed')).status).toBe(202);
    expect((await publicThread('firsts', '/edit/'))[0]!.html).toBe('<p>Harmless first text</p>');
  });

  it('refuses edits of spam and deleted comments', async () => {
    const spam = await post({ site: 'held', uri: '/spam/', body: 'spam' });
    await moderate('held', `spam:${spam.data.comment.id}`);
    expect(await error(await edit(spam.data.comment.id, spam.data.editToken, 'innocent now'))).toMatchObject({ status: 409, code: 'not_editable' });
    const gone = await post({ site: 'open', uri: '/gone/', body: 'bye' });
    await server.api(`/api/v1/comments/${gone.data.comment.id}`, { method: 'DELETE', headers: { 'x-edit-token': gone.data.editToken } });
    expect((await edit(gone.data.comment.id, gone.data.editToken, 'back')).status).toBe(404);
  });
});

describe('5. trust rests on proof', () => {
  it('publishes a trusted browser at once, but not whoever types the trusted address', async () => {
    const alice = { email: 'alice@x.example', identity: 'alice-browser-identity-0001' };
    const first = await post({ site: 'firsts', uri: '/trust/', body: 'Hi, Alice here', ...alice });
    expect(first.status).toBe(202);
    expect((await moderate('firsts', `trust:${first.data.comment.id}`)).status).toBe(303);
    expect((await post({ site: 'firsts', uri: '/trust/', body: 'Alice again', ...alice })).status).toBe(201);
    for (const impostor of [{ email: ' ALICE@x.example ' }, { email: 'alice@x.example', identity: 'mallory-browser-identity-01' }]) {
      expect((await post({ site: 'firsts', uri: '/trust/', body: 'I am Alice, honest', ...impostor })).status).toBe(202);
    }
    expect((await publicThread('firsts', '/trust/')).map((c) => c.html)).toEqual(['<p>Hi, Alice here</p>', '<p>Alice again</p>']);
  });
});

describe('9. notifications are stored with the comment', () => {
  let hooked: TestServer;
  beforeAll(async () => {
    hooked = await startTestServer({ config: { sites: [{ id: 'blog' }], webhook: { url: 'http://127.0.0.1:9/hook', secret: 'webhook-secret-0123456789', allowPrivateAddresses: true } } });
  });
  afterAll(() => hooked.close());

  it('has the outbox row the moment the comment is answered', async () => {
    const response = await hooked.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/o/', body: 'queued with me' }));
    expect(response.status).toBe(201);
    const summary = await outboxSummary(hooked.ctx.db);
    expect(summary.queued + summary.sent + summary.failed).toBe(1);
  });

  it('stores neither when the outbox cannot be written', async () => {
    await hooked.ctx.db.execute("CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END");
    try {
      const response = await hooked.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/o/', body: 'lost without its webhook' }));
      expect(response.status).toBe(500);
    } finally {
      await hooked.ctx.db.execute('DROP TRIGGER outbox_full');
    }
    const bodies = (await listSiteComments(hooked.ctx.db, 'blog', ['approved', 'pending'])).map((row) => row.body);
    expect(bodies).toEqual(['queued with me']);
  });
});
