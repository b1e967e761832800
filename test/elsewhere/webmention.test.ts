/**
 * The W3C Webmention receiver end to end: a real Kommentar server, sources on a
 * loopback web server, verification in the background, results read through the
 * public API and the report as any visitor or the author would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import type { DialogueReport } from '../../server/dialogue/index.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server.js';
import { hEntry, startFakeWeb, type FakeWeb } from './fake-web.js';

const BLOG = 'http://blog.example';
const POST = `${BLOG}/posts/hello/`;
let server: TestServer;
let web: FakeWeb;

beforeAll(async () => {
  web = await startFakeWeb();
  server = await startTestServer({
    config: {
      allowPrivateAddresses: true,
      sites: [
        { id: 'blog', origins: [BLOG], authorName: 'Jo', authorUrls: ['https://jo.example/'] },
        { id: 'strict', origins: ['http://strict.example'], moderation: 'first-time' },
      ],
    },
  });
});
afterAll(async () => {
  await server.close();
  await web.close();
});

function send(source: string, target: string): Promise<Response> {
  return server.api('/webmention', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ source, target }).toString(),
  });
}

interface Status {
  status: string;
  kind: string | null;
  message: string | null;
}

/** Sends and waits until the background verification has an outcome. */
async function sendAndSettle(source: string, target = POST): Promise<Status> {
  const response = await send(source, target);
  expect(response.status).toBe(202);
  const location = response.headers.get('location')!;
  expect(location).toMatch(/\/webmention\/status\/[A-Za-z0-9_-]{16}$/);
  const path = new URL(location).pathname;
  for (let i = 0; i < 200; i++) {
    const status = (await (await server.api(path)).json()) as Status;
    if (status.status !== 'queued') return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('verification never finished');
}

async function thread(uri = '/posts/hello/', site = 'blog'): Promise<PublicComment[]> {
  const body = (await (await server.api(`/api/v1/comments?site=${site}&uri=${encodeURIComponent(uri)}`)).json()) as { comments: PublicComment[] };
  return body.comments;
}

async function report(): Promise<DialogueReport> {
  return (await (await server.api('/api/v1/report?site=blog', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as DialogueReport;
}

describe('POST /webmention: invalid requests are refused at once', () => {
  it.each([
    ['no source', { target: POST }, 'source'],
    ['no target', { source: 'https://a.example/x' }, 'target'],
    ['a source that is not http(s)', { source: 'ftp://a.example/x', target: POST }, 'source'],
    ['a javascript: source', { source: 'javascript:alert(1)', target: POST }, 'source'],
    ['a target that is not a URL', { source: 'https://a.example/x', target: 'not a url' }, 'target'],
    ['source and target the same page', { source: POST, target: `${POST}#frag` }, 'source'],
    ['a target on no site of this server', { source: 'https://a.example/x', target: 'https://elsewhere.example/post/' }, 'target'],
  ])('%s → 400 naming the field', async (_name, fields, field) => {
    const response = await server.api('/webmention', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields as Record<string, string>).toString(),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  it('a JSON body → 415', async () => {
    const response = await server.api('/webmention', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(415);
  });

  it('an unknown status id → 404', async () => {
    expect((await server.api('/webmention/status/AAAAAAAAAAAAAAAA')).status).toBe(404);
  });
});

describe('a reply by Webmention', () => {
  it('is verified in the background and becomes a comment with its author and a link to the original', async () => {
    web.set('/replies/1', { body: hEntry({ target: POST, property: 'u-in-reply-to', content: '<p>Nice <b>post</b>!</p>', authorName: 'Ada', authorUrl: 'https://ada.example/', published: '2025-03-01T10:00:00Z' }) });
    const status = await sendAndSettle(`${web.url}/replies/1`, `${POST}#comments`);
    expect(status).toMatchObject({ status: 'verified', kind: 'reply' });
    const [comment] = await thread();
    expect(comment).toMatchObject({ name: 'Ada', url: 'https://ada.example/', source: 'webmention', sourceUrl: `${web.url}/replies/1`, createdAt: '2025-03-01T10:00:00.000Z' });
    expect(comment!.html).toBe('<p>Nice <strong>post</strong>!</p>');
    // The h-card photo is never fetched, and never shown.
    expect(web.requests.some((r) => r.path.includes('photo'))).toBe(false);
    expect(JSON.stringify(comment)).not.toContain('tracker.example');
  });

  it('re-sent after an edit updates the same comment, never a second one', async () => {
    web.set('/replies/1', { body: hEntry({ target: POST, property: 'u-in-reply-to', content: '<p>Nice post, edited.</p>', authorName: 'Ada', authorUrl: 'https://ada.example/' }) });
    expect((await sendAndSettle(`${web.url}/replies/1`)).status).toBe('verified');
    const comments = (await thread()).filter((c) => c.sourceUrl === `${web.url}/replies/1`);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.html).toContain('edited');
    expect(comments[0]!.editedAt).not.toBeNull();
  });

  it('a reply to one of our comment permalinks becomes a reply to that comment', async () => {
    const [parent] = await thread();
    web.set('/replies/2', { body: hEntry({ target: `${POST}#comment-${parent!.id}`, property: 'u-in-reply-to', content: 'Answering Ada.', authorName: 'Bo', authorUrl: 'https://bo.example/' }) });
    await sendAndSettle(`${web.url}/replies/2`);
    const reply = (await thread()).find((c) => c.sourceUrl === `${web.url}/replies/2`)!;
    expect(reply).toMatchObject({ parentId: parent!.id, depth: 2 });
  });

  it('an h-card url among the authorUrls makes the reply the author’s', async () => {
    web.set('/replies/3', { body: hEntry({ target: POST, property: 'u-in-reply-to', content: 'Thanks, both!', authorName: 'Jo on her blog', authorUrl: 'https://jo.example' }) });
    await sendAndSettle(`${web.url}/replies/3`);
    expect((await thread()).find((c) => c.sourceUrl === `${web.url}/replies/3`)).toMatchObject({ isAuthor: true });
  });

  it('a removed link deletes the comment; a 410 deletes another', async () => {
    web.set('/replies/2', { body: '<html><body><article class="h-entry"><div class="e-content">Changed my mind.</div></article></body></html>' });
    expect((await sendAndSettle(`${web.url}/replies/2`)).status).toBe('deleted');
    web.set('/replies/3', { status: 410, body: 'gone' });
    expect((await sendAndSettle(`${web.url}/replies/3`)).status).toBe('deleted');
    const comments = await thread();
    expect(comments.filter((c) => !c.deleted).map((c) => c.sourceUrl)).toEqual([`${web.url}/replies/1`]);
  });
});

describe('links that do not count', () => {
  it.each([
    ['the target only as text', `<p>I read ${POST} today</p>`],
    ['the link inside an HTML comment', `<!-- <a href="${POST}">post</a> -->`],
    ['a link to another page', `<a href="${BLOG}/posts/other/">other</a>`],
  ])('%s → failed, nothing stored', async (_name, markup) => {
    const path = `/nolink/${encodeURIComponent(_name)}`;
    web.set(path, { body: `<html><body><div class="h-entry"><div class="e-content">${markup}</div></div></body></html>` });
    const status = await sendAndSettle(`${web.url}${path}`);
    expect(status).toMatchObject({ status: 'failed', message: 'the source does not link to the target' });
    expect((await thread()).some((c) => c.sourceUrl === `${web.url}${path}`)).toBe(false);
  });

  it.each([['img'], ['video'], ['audio']])('a link as <%s src> counts (a mention)', async (tag) => {
    web.set(`/media/${tag}`, { body: `<html><body><${tag} src="${POST}"></${tag}></body></html>` });
    expect(await sendAndSettle(`${web.url}/media/${tag}`)).toMatchObject({ status: 'verified', kind: 'mention' });
  });
});

describe('reactions by Webmention', () => {
  it('like-of and repost-of are reactions, never comments; re-sent ones are counted once', async () => {
    const before = await report();
    const comments = (await thread()).length;
    web.set('/likes/1', { body: hEntry({ target: POST, property: 'u-like-of', content: '', authorName: 'Cy', authorUrl: 'https://cy.example/' }) });
    web.set('/reposts/1', { body: hEntry({ target: POST, property: 'u-repost-of', content: '', authorName: 'Di', authorUrl: 'https://di.example/' }) });
    expect(await sendAndSettle(`${web.url}/likes/1`)).toMatchObject({ status: 'verified', kind: 'like' });
    expect(await sendAndSettle(`${web.url}/likes/1`)).toMatchObject({ status: 'verified', kind: 'like' });
    expect(await sendAndSettle(`${web.url}/reposts/1`)).toMatchObject({ status: 'verified', kind: 'repost' });
    expect((await thread()).length).toBe(comments);
    const after = await report();
    const post = after.posts.find((p) => p.uri === '/posts/hello/')!;
    expect(post.reactions).toEqual({ likes: 1, reposts: 1 });
    expect(after.summary.reactions).toEqual({ likes: 1, reposts: 1 });
    expect(post.comments).toBe(before.posts.find((p) => p.uri === '/posts/hello/')!.comments);
  });

  it('counts the replies as webmention in sources', async () => {
    const post = (await report()).posts.find((p) => p.uri === '/posts/hello/')!;
    expect(post.sources).toEqual({ site: 0, webmention: 1, mastodon: 0, bluesky: 0 });
  });
});

describe('hostile sources', () => {
  it('hostile h-entry content and h-card fields end up harmless', async () => {
    web.set('/evil', {
      body: hEntry({
        target: 'http://blog.example/posts/evil/',
        property: 'u-in-reply-to',
        content: '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">click</a><iframe src="https://evil.example"></iframe><p onclick="x()">text</p>',
        authorName: 'Eve\u202E\u0007<b>bold</b>' + 'x'.repeat(200),
        authorUrl: 'javascript:alert(4)',
      }),
    });
    await sendAndSettle(`${web.url}/evil`, 'http://blog.example/posts/evil/');
    const [comment] = await thread('/posts/evil/');
    expect(comment!.html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<img/i);
    expect(comment!.html).toContain('text');
    expect(comment!.url).toBeNull();
    expect(comment!.name!.length).toBeLessThanOrEqual(80);
    expect(comment!.name).not.toMatch(/[\u202E\u0007]/);
    // The no-JS page escapes the name like any other.
    const page = await (await server.api('/thread?site=blog&uri=/posts/evil/')).text();
    expect(page).not.toContain('<b>bold</b>');
  });

  it('a source that is not HTML, or redirects in a loop, fails with a clear message', async () => {
    web.set('/json', { type: 'application/json', body: `{"a":"${POST}"}` });
    expect(await sendAndSettle(`${web.url}/json`)).toMatchObject({ status: 'failed', message: expect.stringContaining('expected an HTML page') });
    web.set('/loop/a', { status: 302, headers: { location: '/loop/b' } });
    web.set('/loop/b', { status: 302, headers: { location: '/loop/a' } });
    expect(await sendAndSettle(`${web.url}/loop/a`)).toMatchObject({ status: 'failed', message: expect.stringContaining('redirect loop') });
  });

  it('a redirect is followed, and the link is checked on the page it ends at', async () => {
    web.set('/moved', { status: 301, headers: { location: '/replies/moved' } });
    web.set('/replies/moved', { body: hEntry({ target: POST, property: 'u-in-reply-to', content: 'From the new place.', authorName: 'Fi', authorUrl: 'https://fi.example/' }) });
    expect(await sendAndSettle(`${web.url}/moved`, 'http://blog.example/posts/moved/')).toMatchObject({ status: 'failed' });
    web.set('/replies/moved', { body: hEntry({ target: 'http://blog.example/posts/moved/', property: 'u-in-reply-to', content: 'From the new place.', authorName: 'Fi', authorUrl: 'https://fi.example/' }) });
    expect(await sendAndSettle(`${web.url}/moved`, 'http://blog.example/posts/moved/')).toMatchObject({ status: 'verified', kind: 'reply' });
  });
});

describe('a Bridgy page (a reply bridged from a social network)', () => {
  it('is a reply by the social profile, with the original linked', async () => {
    // As Bridgy writes it: the h-entry's author is the social profile, u-url the original, u-in-reply-to our post.
    web.set('/bridgy/post/mastodon/@ann@social.example/1099', {
      body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ann</title></head><body>
<article class="h-entry">
  <span class="p-uid">tag:social.example,2013:1099</span>
  <time class="dt-published" datetime="2025-04-02T08:00:00+00:00">2025-04-02</time>
  <span class="p-author h-card"><data class="p-uid" value="tag:social.example,2013:ann"></data>
    <a class="p-name u-url" href="https://social.example/@ann">Ann</a>
    <img class="u-photo" src="https://files.social.example/ann.png" alt="" /></span>
  <a class="u-url" href="https://social.example/@ann/1099">https://social.example/@ann/1099</a>
  <div class="e-content p-name">@jo Loved this!</div>
  <a class="u-in-reply-to" href="${POST}"></a>
  <a class="u-in-reply-to" href="https://social.example/@jo/1000"></a>
</article></body></html>`,
    });
    expect(await sendAndSettle(`${web.url}/bridgy/post/mastodon/@ann@social.example/1099`)).toMatchObject({ status: 'verified', kind: 'reply' });
    const comment = (await thread()).find((c) => c.sourceUrl?.includes('/bridgy/'))!;
    expect(comment).toMatchObject({ name: 'Ann', url: 'https://social.example/@ann', source: 'webmention' });
    expect(comment.html).toContain('Loved this!');
  });
});

describe('moderation', () => {
  it('a first-time Webmention reply waits for the author like any first comment', async () => {
    web.set('/strict/1', { body: hEntry({ target: 'http://strict.example/p/', property: 'u-in-reply-to', content: 'Hi', authorName: 'Gus', authorUrl: 'https://gus.example/' }) });
    expect((await sendAndSettle(`${web.url}/strict/1`, 'http://strict.example/p/')).status).toBe('verified');
    expect(await thread('/p/', 'strict')).toEqual([]);
    const desk = await (await server.api('/admin/moderation?site=strict', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    expect(desk).toContain('Hi');
    expect(desk).toContain(`${web.url}/strict/1`);
  });
});

describe('discovery and re-verification', () => {
  it('the thread page advertises the endpoint in a Link header and a <link rel="webmention">', async () => {
    const response = await server.api('/thread?site=blog&uri=/posts/hello/');
    expect(response.headers.get('link')).toBe(`<${server.url}/webmention>; rel="webmention"`);
    const page = await response.text();
    expect(page).toMatch(new RegExp(`<link rel="webmention" href="${server.url}/webmention" ?/?>`));
    // The plain mentions (the <img>, <video>, <audio> pages above) are listed as "mentioned by" links.
    expect(page).toContain(`Mentioned by <a href="${web.url}/media/img" rel="nofollow ugc noopener">localhost</a>`);
  });

  it('a verified Webmention is checked again later: a link removed since then deletes its comment', async () => {
    web.set('/later/1', { body: hEntry({ target: 'http://blog.example/posts/later/', property: 'u-in-reply-to', content: 'Still here?', authorName: 'Hal', authorUrl: 'https://hal.example/' }) });
    expect((await sendAndSettle(`${web.url}/later/1`, 'http://blog.example/posts/later/')).status).toBe('verified');
    expect((await thread('/posts/later/')).filter((c) => !c.deleted)).toHaveLength(1);
    web.set('/later/1', { body: '<html><body><p>Rewritten, no link any more.</p></body></html>' });
    // Eight days on, the next look at the queue (woken here by another Webmention) re-checks it.
    const realNow = server.ctx.now;
    server.ctx.now = () => realNow() + 8 * 24 * 60 * 60 * 1000;
    try {
      web.set('/later/wake', { body: hEntry({ target: 'http://blog.example/posts/other/', property: 'u-like-of' }) });
      await sendAndSettle(`${web.url}/later/wake`, 'http://blog.example/posts/other/');
      for (let i = 0; i < 100 && (await thread('/posts/later/')).some((c) => !c.deleted); i++) await new Promise((r) => setTimeout(r, 25));
      expect((await thread('/posts/later/')).filter((c) => !c.deleted)).toHaveLength(0);
    } finally {
      server.ctx.now = realNow;
    }
  });
});
