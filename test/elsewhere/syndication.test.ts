/**
 * Syndicated copies end to end: a fake Mastodon instance and a fake Bluesky
 * AppView on loopback answer the documented JSON shapes; Kommentar registers
 * the copies, fetches their replies, follows edits and deletions, counts
 * reactions apart, and shows the replies with the site's own comments.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicComment } from '../../server/comments/public.js';
import type { DialogueReport } from '../../server/dialogue/index.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { startFakeWeb, type FakeWeb } from './fake-web.js';

const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
let server: TestServer;
let web: FakeWeb;

interface FakeStatus {
  id: string;
  by: 'jo' | 'ann' | 'bob';
  replyTo: string | null;
  content: string;
  at: string;
  editedAt?: string;
}

/** The fake instance's state: the syndicated status 1000 by @jo and its replies. */
let statuses: FakeStatus[] = [];
let contextVersion = 1;
let counts = { favourites_count: 12, reblogs_count: 3 };

function mastodonStatus(s: FakeStatus | { id: '1000'; by: 'jo'; replyTo: null; content: string; at: string }) {
  return {
    id: s.id,
    uri: `${web.url}/users/${s.by}/statuses/${s.id}`,
    url: `${web.url}/@${s.by}/${s.id}`,
    created_at: s.at,
    edited_at: 'editedAt' in s ? (s.editedAt ?? null) : null,
    in_reply_to_id: s.replyTo,
    content: s.content,
    visibility: 'public',
    account: { id: s.by, username: s.by, acct: s.by, display_name: s.by === 'jo' ? 'Jo' : s.by.toUpperCase(), url: `${web.url}/@${s.by}` },
    favourites_count: s.id === '1000' ? counts.favourites_count : 0,
    reblogs_count: s.id === '1000' ? counts.reblogs_count : 0,
  };
}

function sendJson(response: ServerResponse, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function context(request: IncomingMessage, response: ServerResponse) {
  const etag = `"v${contextVersion}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  sendJson(response, { ancestors: [], descendants: statuses.map(mastodonStatus) }, { etag });
}

const BSKY_JO = 'did:plc:jo';
const BSKY_BOB = 'did:plc:bob';
const atUri = (did: string, rkey: string) => `at://${did}/app.bsky.feed.post/${rkey}`;
function bskyPost(did: string, handle: string, rkey: string, text: string, at: string, likes = 0, reposts = 0) {
  return {
    uri: atUri(did, rkey),
    cid: `cid-${rkey}`,
    author: { did, handle, displayName: handle === 'jo.example' ? 'Jo' : 'Bob' },
    record: { $type: 'app.bsky.feed.post', text, createdAt: at },
    likeCount: likes,
    repostCount: reposts,
    replyCount: 0,
    indexedAt: at,
  };
}
const bskyThread = {
  thread: {
    $type: 'app.bsky.feed.defs#threadViewPost',
    post: bskyPost(BSKY_JO, 'jo.example', 'root1', 'New post: hello', '2025-05-01T09:00:00Z', 5, 2),
    replies: [
      {
        $type: 'app.bsky.feed.defs#threadViewPost',
        post: bskyPost(BSKY_BOB, 'bob.example', 'r1', 'Bob on *Bluesky* <script>x</script>', '2025-05-01T10:00:00Z'),
        replies: [
          { $type: 'app.bsky.feed.defs#threadViewPost', post: bskyPost(BSKY_JO, 'jo.example', 'r2', 'Jo answers Bob', '2025-05-01T11:00:00Z'), replies: [] },
        ],
      },
      { $type: 'app.bsky.feed.defs#blockedPost', uri: atUri('did:plc:x', 'r3'), blocked: true },
    ],
  },
};

beforeAll(async () => {
  web = await startFakeWeb();
  statuses = [
    { id: '1001', by: 'ann', replyTo: '1000', content: '<p>Great post, <a href="https://x.example">see</a></p>', at: '2025-05-01T10:00:00Z' },
    { id: '1002', by: 'jo', replyTo: '1001', content: '<p>Thanks Ann!</p>', at: '2025-05-01T11:00:00Z' },
    { id: '1003', by: 'ann', replyTo: '1002', content: '<p>One more question</p>', at: '2025-05-01T12:00:00Z' },
  ];
  web.set('/api/v1/statuses/1000', (_q, r) => sendJson(r, mastodonStatus({ id: '1000', by: 'jo', replyTo: null, content: '<p>hello</p>', at: '2025-05-01T09:00:00Z' })));
  web.set('/api/v1/statuses/1000/context', context);
  web.set('/xrpc/com.atproto.identity.resolveHandle?handle=jo.example', (_q, r) => sendJson(r, { did: BSKY_JO }));
  web.set(`/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(atUri(BSKY_JO, 'root1'))}&depth=1000&parentHeight=0`, (_q, r) => sendJson(r, bskyThread));
  web.set('/api/v1/statuses/2000', { status: 500, type: 'application/json', body: '{}' });
  server = await startTestServer({ config: { allowPrivateAddresses: true, bluesky: { appView: web.url }, sites: [{ id: 'blog', origins: ['http://blog.example'], authorName: 'Jo' }] } });
});
afterAll(async () => {
  await server.close();
  await web.close();
});

const fetchNow = async (uri = '/posts/hello/') => server.api('/api/v1/syndication/fetch', json('POST', { site: 'blog', uri }, AUTH));

async function thread(): Promise<PublicComment[]> {
  return ((await (await server.api('/api/v1/comments?site=blog&uri=/posts/hello/')).json()) as { comments: PublicComment[] }).comments;
}

describe('PUT /api/v1/syndication', () => {
  it('is for the author only', async () => {
    expect((await server.api('/api/v1/syndication', json('PUT', { site: 'blog', uri: '/posts/hello/', urls: [] }))).status).toBe(401);
    expect((await server.api('/api/v1/syndication/fetch', json('POST', { site: 'blog', uri: '/posts/hello/' }))).status).toBe(401);
  });

  it('refuses what is not an http(s) URL, naming the field', async () => {
    const response = await server.api('/api/v1/syndication', json('PUT', { site: 'blog', uri: '/posts/hello/', urls: ['javascript:alert(1)'] }, AUTH));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('urls.0');
  });

  it('stores the Mastodon and Bluesky copies and says which URLs it cannot follow', async () => {
    const response = await server.api(
      '/api/v1/syndication',
      json('PUT', { site: 'blog', uri: '/posts/hello/', urls: [`${web.url}/@jo/1000`, 'https://bsky.app/profile/jo.example/post/root1', 'https://news.example/item?id=1'] }, AUTH),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      copies: [{ url: `${web.url}/@jo/1000`, platform: 'mastodon' }, { url: 'https://bsky.app/profile/jo.example/post/root1', platform: 'bluesky' }],
      ignored: ['https://news.example/item?id=1'],
    });
  });
});

describe('fetching replies', () => {
  it('fetch now reads every reply at full depth, the syndicating account as the author', async () => {
    const response = await fetchNow();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fetched: 5 });
    const comments = await thread();
    const byUrl = (url: string) => comments.find((c) => c.sourceUrl === url)!;
    const ann1 = byUrl(`${web.url}/@ann/1001`);
    const jo = byUrl(`${web.url}/@jo/1002`);
    const ann2 = byUrl(`${web.url}/@ann/1003`);
    expect(ann1).toMatchObject({ parentId: null, depth: 1, name: 'ANN', url: `${web.url}/@ann`, isAuthor: false, source: 'mastodon' });
    expect(jo).toMatchObject({ parentId: ann1.id, depth: 2, isAuthor: true });
    expect(ann2).toMatchObject({ parentId: jo.id, depth: 3, isAuthor: false });
    expect(ann1.html).toBe('<p>Great post, <a href="https://x.example/" rel="nofollow ugc noopener">see</a></p>');
    const bob = byUrl('https://bsky.app/profile/did:plc:bob/post/r1');
    expect(bob).toMatchObject({ source: 'bluesky', name: 'Bob', depth: 1 });
    // Plain text stays plain: no Markdown emphasis from "*", no markup from "<script>".
    expect(bob.html).toBe('<p>Bob on *Bluesky* &lt;script&gt;x&lt;/script&gt;</p>');
    expect(byUrl('https://bsky.app/profile/did:plc:jo/post/r2')).toMatchObject({ parentId: bob.id, depth: 2, isAuthor: true });
  });

  it('asks again with the ETag and changes nothing on a 304', async () => {
    const before = await thread();
    web.requests.length = 0;
    await fetchNow();
    const contextRequest = web.requests.find((r) => r.path === '/api/v1/statuses/1000/context')!;
    expect(contextRequest.headers['if-none-match']).toBe('"v1"');
    expect(await thread()).toEqual(before);
  });

  it('a reply chain alternating between the blog and Mastodon is one back-and-forth in the report', async () => {
    const ann2 = (await thread()).find((c) => c.sourceUrl === `${web.url}/@ann/1003`)!;
    // The author answers Ann's Mastodon reply on the blog itself.
    const local = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/posts/hello/', parentId: ann2.id, body: 'Answered on the blog' }, AUTH));
    expect(local.status).toBe(201);
    const report = (await (await server.api('/api/v1/report?site=blog', { headers: AUTH })).json()) as DialogueReport;
    const post = report.posts.find((p) => p.uri === '/posts/hello/')!;
    // ann(m) ← jo(m) ← ann(m) ← jo(blog): A, B, A, B.
    expect(post).toMatchObject({ longestBackAndForth: 4, exchanges: 2, participants: 3, maxDepth: 4, shape: 'conversation' });
    expect(post.sources).toEqual({ site: 1, webmention: 0, mastodon: 3, bluesky: 2 });
    expect(post.reactions).toEqual({ likes: 12 + 5, reposts: 3 + 2 });
    expect(report.summary.reactions).toEqual({ likes: 17, reposts: 5 });
  });

  it('follows edits and deletions at the source; new favourites update the counts', async () => {
    statuses = [
      { ...statuses[0]!, content: '<p>Great post, edited</p>', editedAt: '2025-05-02T10:00:00Z' },
      statuses[1]!,
      // 1003 was deleted on Mastodon.
    ];
    contextVersion = 2;
    counts = { favourites_count: 20, reblogs_count: 4 };
    await fetchNow();
    const comments = await thread();
    expect(comments.find((c) => c.sourceUrl === `${web.url}/@ann/1001`)).toMatchObject({ html: '<p>Great post, edited</p>', editedAt: '2025-05-02T10:00:00.000Z' });
    // Deleted, but kept as a placeholder: the author's blog answer still hangs from it.
    const gone = comments.find((c) => c.deleted)!;
    expect(gone).toBeDefined();
    expect(comments.find((c) => c.parentId === gone.id)?.html).toContain('Answered on the blog');
    const report = (await (await server.api('/api/v1/report?site=blog', { headers: AUTH })).json()) as DialogueReport;
    expect(report.posts.find((p) => p.uri === '/posts/hello/')!.reactions).toEqual({ likes: 25, reposts: 6 });
  });
});

describe('shown with the site’s comments', () => {
  it('the thread page shows "via Mastodon" and "Reply there" links, and loads nothing from elsewhere', async () => {
    const page = await (await server.api('/thread?site=blog&uri=/posts/hello/&lang=en')).text();
    expect(page).toContain(`<a class="k-via" href="${web.url}/@ann/1001" rel="nofollow ugc noopener">via Mastodon</a>`);
    expect(page).toContain('via Bluesky');
    expect(page).toContain(`<a class="k-there" href="${web.url}/@ann/1001" rel="nofollow ugc noopener">Reply there</a>`);
    // Local replies to them stay possible.
    const ann1 = (await thread()).find((c) => c.sourceUrl === `${web.url}/@ann/1001`)!;
    expect(page).toContain(`reply=${ann1.id}#kommentar-form`);
    expect(page).not.toMatch(/<img|<iframe|<script[^>]+src="http/);
  });
});

describe('the desk', () => {
  it('shows fetch errors in Deliveries and fetches a post now', async () => {
    await server.api('/api/v1/syndication', json('PUT', { site: 'blog', uri: '/posts/broken/', urls: [`${web.url}/@jo/2000`] }, AUTH));
    expect(await (await fetchNow('/posts/broken/')).json()).toEqual({ fetched: 0 });
    const desk = await (await server.api('/admin/deliveries?site=blog', { headers: AUTH })).text();
    expect(desk).toContain('the Mastodon instance answered 500');
    expect(desk).toContain('Fetch now');
    const form = new URLSearchParams({ site: 'blog', uri: '/posts/hello/' });
    const posted = await server.api('/admin/elsewhere/fetch', { method: 'POST', headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toMatch(/fetched=\d+/);
  });
});
