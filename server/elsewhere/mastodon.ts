/**
 * Replies to a post's copy on Mastodon, from the instance's public API (no
 * token): `GET /api/v1/statuses/:id` for the copy's favourites and boosts,
 * `GET /api/v1/statuses/:id/context` (conditional, with the last ETag) for
 * its replies at any depth.
 */
import { z } from 'zod';
import type { SiteConfig } from '../config.js';
import { FetchError, guardedGet, parseFetchedJson, type FetchLimits } from './fetch.js';
import { isAuthorProfile, type RemoteComment } from './remote-comments.js';
import type { FetchedCopy } from './syndicated-copy.js';

/** `https://instance/@user/123` or `https://instance/users/user/statuses/123` → the instance and the status id. */
export function mastodonStatus(url: string): { base: string; id: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const match = /^\/(?:@[^/]+|users\/[^/]+\/statuses)\/([0-9]{1,30})\/?$/.exec(parsed.pathname);
  return match ? { base: parsed.origin, id: match[1]! } : null;
}

const account = z.object({ url: z.string(), username: z.string(), display_name: z.string().nullish() });
const status = z.object({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: z.string(),
  edited_at: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  content: z.string(),
  account,
  favourites_count: z.number().int().nonnegative().default(0),
  reblogs_count: z.number().int().nonnegative().default(0),
});
const context = z.object({ descendants: z.array(status) });
type Status = z.infer<typeof status>;

const originalOf = (s: Status) => s.url ?? s.uri;

function answerError(status: number, what: string): FetchError {
  return new FetchError('network', `${what} answered ${status}`);
}

export async function fetchMastodonCopy(url: string, site: SiteConfig, etag: string | null, limits: Pick<FetchLimits, 'allowPrivate'>): Promise<FetchedCopy> {
  const where = mastodonStatus(url);
  if (!where) throw new FetchError('bad_url', `not a Mastodon status URL: ${url}`);
  const api = `${where.base}/api/v1/statuses/${where.id}`;
  const rootAnswer = await guardedGet(api, { ...limits, accept: 'json' });
  if (rootAnswer.status === 404 || rootAnswer.status === 410) throw new FetchError('network', 'the copy is gone from Mastodon (404)');
  if (rootAnswer.status !== 200) throw answerError(rootAnswer.status, 'the Mastodon instance');
  const root = parseFetchedJson(status, rootAnswer.body, 'the status');
  const reactions = { likes: root.favourites_count, reposts: root.reblogs_count };

  const contextAnswer = await guardedGet(`${api}/context`, { ...limits, accept: 'json', headers: etag ? { 'if-none-match': etag } : {} });
  if (contextAnswer.status === 304) return { unchanged: true, etag, reactions, itemUrl: originalOf(root) };
  if (contextAnswer.status !== 200) throw answerError(contextAnswer.status, 'the Mastodon instance');
  const descendants = parseFetchedJson(context, contextAnswer.body, 'the context').descendants;
  const byId = new Map(descendants.map((s) => [s.id, s]));
  // Parents before replies: a reply is never older than what it answers.
  const ordered = [...descendants].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  const replies: RemoteComment[] = ordered.map((s) => {
    const parent = s.in_reply_to_id && s.in_reply_to_id !== root.id ? byId.get(s.in_reply_to_id) : undefined;
    return {
      source: 'mastodon',
      sourceUrl: originalOf(s),
      parent: parent ? { sourceUrl: originalOf(parent) } : null,
      authorProfile: s.account.url,
      authorName: s.account.display_name || s.account.username,
      authorUrl: s.account.url,
      isAuthor: s.account.url === root.account.url || isAuthorProfile(site, s.account.url),
      content: { html: s.content },
      createdAt: Date.parse(s.created_at),
      editedAt: s.edited_at ? Date.parse(s.edited_at) : null,
    };
  });
  const tag = contextAnswer.headers.etag;
  return { unchanged: false, etag: typeof tag === 'string' ? tag : null, reactions, itemUrl: originalOf(root), replies };
}
