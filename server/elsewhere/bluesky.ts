/**
 * Replies to a post's copy on Bluesky, from the public AppView (config
 * `bluesky.appView`): `com.atproto.identity.resolveHandle` when the URL names
 * a handle, then `app.bsky.feed.getPostThread` for the whole reply tree with
 * the copy's like and repost counts.
 */
import { z } from 'zod';
import type { SiteConfig } from '../config.js';
import { FetchError, guardedGet, parseFetchedJson, type FetchLimits } from './fetch.js';
import { isAuthorProfile, type RemoteComment } from './remote-comments.js';
import type { FetchedCopy } from './syndicated-copy.js';

/** `https://bsky.app/profile/<handle or did>/post/<rkey>` → its parts. */
export function blueskyPost(url: string): { actor: string; rkey: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'bsky.app') return null;
  const match = /^\/profile\/([A-Za-z0-9._:%-]{1,253})\/post\/([A-Za-z0-9._~:-]{1,512})\/?$/.exec(parsed.pathname);
  return match ? { actor: decodeURIComponent(match[1]!), rkey: match[2]! } : null;
}

const author = z.object({ did: z.string().startsWith('did:'), handle: z.string(), displayName: z.string().nullish() });
const postView = z.object({
  uri: z.string().startsWith('at://'),
  author,
  record: z.object({ text: z.string().default(''), createdAt: z.string().optional() }).loose(),
  likeCount: z.number().int().nonnegative().default(0),
  repostCount: z.number().int().nonnegative().default(0),
  indexedAt: z.string(),
});
interface ThreadNode {
  $type?: string;
  post?: z.infer<typeof postView>;
  replies?: ThreadNode[];
}
// Replies that are blocked or not found carry no post: kept in the shape, skipped when walking.
const threadNode: z.ZodType<ThreadNode> = z.lazy(() =>
  z.object({ $type: z.string().optional(), post: postView.optional(), replies: z.array(threadNode).optional() }).loose(),
);
const threadAnswer = z.object({ thread: threadNode });
const handleAnswer = z.object({ did: z.string().startsWith('did:') });

/** The post's web address by DID, which stays the same when the handle changes. */
function webUrl(atUri: string): string {
  const [, , did, , rkey] = atUri.split('/');
  return `https://bsky.app/profile/${did}/post/${rkey}`;
}

export async function fetchBlueskyCopy(
  url: string,
  site: SiteConfig,
  etag: string | null,
  appView: string,
  limits: Pick<FetchLimits, 'allowPrivate'>,
): Promise<FetchedCopy> {
  const where = blueskyPost(url);
  if (!where) throw new FetchError('bad_url', `not a Bluesky post URL: ${url}`);
  let did = where.actor;
  if (!did.startsWith('did:')) {
    const answer = await guardedGet(`${appView}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(did)}`, { ...limits, accept: 'json' });
    if (answer.status !== 200) throw new FetchError('network', `the AppView could not resolve ${did} (${answer.status})`);
    did = parseFetchedJson(handleAnswer, answer.body, 'the handle answer').did;
  }
  const atUri = `at://${did}/app.bsky.feed.post/${where.rkey}`;
  const answer = await guardedGet(`${appView}/xrpc/app.bsky.feed.getPostThread?uri=${encodeURIComponent(atUri)}&depth=1000&parentHeight=0`, {
    ...limits,
    accept: 'json',
    maxBytes: 8 * 1024 * 1024,
    headers: etag ? { 'if-none-match': etag } : {},
  });
  if (answer.status === 304) return { unchanged: true, etag, reactions: null, itemUrl: webUrl(atUri) };
  if (answer.status !== 200) throw new FetchError('network', `the AppView answered ${answer.status}`);
  const root = parseFetchedJson(threadAnswer, answer.body, 'the thread').thread;
  if (!root.post) throw new FetchError('network', 'the copy is gone from Bluesky');
  const rootDid = root.post.author.did;
  const replies: RemoteComment[] = [];
  const walk = (node: ThreadNode, parentUrl: string | null) => {
    for (const reply of node.replies ?? []) {
      if (!reply.post) continue;
      const post = reply.post;
      const sourceUrl = webUrl(post.uri);
      const profile = `https://bsky.app/profile/${post.author.handle}`;
      replies.push({
        source: 'bluesky',
        sourceUrl,
        parent: parentUrl === null ? null : { sourceUrl: parentUrl },
        authorProfile: post.author.did,
        authorName: post.author.displayName || post.author.handle,
        authorUrl: profile,
        isAuthor: post.author.did === rootDid || isAuthorProfile(site, profile),
        content: { text: post.record.text },
        createdAt: Date.parse(post.record.createdAt ?? '') || Date.parse(post.indexedAt),
        editedAt: null,
      });
      walk(reply, sourceUrl);
    }
  };
  walk(root, null);
  const tag = answer.headers.etag;
  return {
    unchanged: false,
    etag: typeof tag === 'string' ? tag : null,
    reactions: { likes: root.post.likeCount, reposts: root.post.repostCount },
    itemUrl: webUrl(atUri),
    replies,
  };
}
