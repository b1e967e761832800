/**
 * Syndicated copies of posts: the author registers them, the server fetches
 * their replies (on a schedule with backoff, or at once on request) and keeps
 * the post's comments from Mastodon and Bluesky in step: new replies added at
 * full depth, edits followed, replies gone at the source deleted, and the
 * copies' favourites/boosts/likes/reposts kept as reactions.
 */
import type { SiteConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { listBySource } from '../db/comments.js';
import { upsertReaction } from '../db/reactions.js';
import { dueCopies, listCopies, recordFetch, replaceCopies, type Platform, type SyndicationCopy } from '../db/syndication.js';
import { blueskyPost, fetchBlueskyCopy } from './bluesky.js';
import { FetchError } from './fetch.js';
import { fetchMastodonCopy, mastodonStatus } from './mastodon.js';
import { removeRemoteComment, storeRemoteComment } from './remote-comments.js';
import type { FetchedCopy } from './syndicated-copy.js';

/** After a fetch that found something new; doubled for each quiet fetch or failure, up to a day. */
const BASE_INTERVAL_MS = 15 * 60 * 1000;
const MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;
const BATCH = 20;
const MAX_ERROR = 500;

export function platformOf(url: string): Platform | null {
  if (blueskyPost(url)) return 'bluesky';
  if (mastodonStatus(url)) return 'mastodon';
  return null;
}

export interface RegisteredCopies {
  copies: { url: string; platform: Platform }[];
  /** URLs that are neither a Mastodon status nor a Bluesky post (a copy elsewhere): kept out. */
  ignored: string[];
}

/** Makes `urls` the post's copies (the plugin sends a post's `syndication` front matter on each build). */
export async function registerCopies(ctx: AppContext, site: SiteConfig, uri: string, urls: string[]): Promise<RegisteredCopies> {
  const copies: RegisteredCopies['copies'] = [];
  const ignored: string[] = [];
  for (const url of new Set(urls)) {
    const platform = platformOf(url);
    if (platform) copies.push({ url, platform });
    else ignored.push(url);
  }
  await replaceCopies(ctx.db, site.id, uri, copies, ctx.now());
  return { copies, ignored };
}

function fetchCopy(ctx: AppContext, site: SiteConfig, copy: SyndicationCopy): Promise<FetchedCopy> {
  const limits = { allowPrivate: ctx.config.allowPrivateAddresses };
  return copy.platform === 'mastodon'
    ? fetchMastodonCopy(copy.url, site, copy.etag, limits)
    : fetchBlueskyCopy(copy.url, site, copy.etag, ctx.config.bluesky.appView, limits);
}

const backoff = (steps: number) => Math.min(MAX_INTERVAL_MS, BASE_INTERVAL_MS * 2 ** Math.min(steps, 10));

/** Fetches of a post in progress: the schedule and "fetch now" never work on the same post at once. */
const inProgress = new Map<string, Promise<number>>();

/**
 * Fetches every copy of one post and applies what they say. Returns the number
 * of replies read. A platform's comments that no copy lists any more are
 * deleted, but only when every copy on that platform was read in full.
 */
export async function fetchPost(ctx: AppContext, site: SiteConfig, uri: string): Promise<number> {
  const key = `${site.id}\n${uri}`;
  const before = inProgress.get(key);
  const run = (before ?? Promise.resolve(0)).catch(() => 0).then(() => fetchPostNow(ctx, site, uri));
  inProgress.set(key, run);
  try {
    return await run;
  } finally {
    if (inProgress.get(key) === run) inProgress.delete(key);
  }
}

async function fetchPostNow(ctx: AppContext, site: SiteConfig, uri: string): Promise<number> {
  const copies = await listCopies(ctx.db, site.id, uri);
  const seen = new Map<Platform, Set<string> | null>();
  let fetched = 0;
  for (const copy of copies) {
    const now = ctx.now();
    let result: FetchedCopy;
    try {
      result = await fetchCopy(ctx, site, copy);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      seen.set(copy.platform, null);
      await recordFetch(
        ctx.db,
        copy.id,
        { etag: copy.etag, failures: copy.failures + 1, unchanged: copy.unchanged, nextFetchAt: now + backoff(copy.failures + 1), lastError: error.message.slice(0, MAX_ERROR) },
        now,
      );
      continue;
    }
    if (result.reactions) {
      for (const [kind, count] of [['like', result.reactions.likes], ['repost', result.reactions.reposts]] as const) {
        await upsertReaction(ctx.db, { site: site.id, uri, source: copy.platform, itemUrl: result.itemUrl, kind, count, authorName: null, authorUrl: null }, now);
        ctx.changes.recordLocalWrite();
      }
    }
    let changed = false;
    if (result.unchanged) {
      seen.set(copy.platform, null);
    } else {
      const urls = seen.get(copy.platform) === undefined ? new Set<string>() : seen.get(copy.platform);
      for (const reply of result.replies) {
        urls?.add(reply.sourceUrl);
        const stored = await storeRemoteComment(ctx, site, uri, reply);
        if (stored?.changed) changed = true;
      }
      if (urls) seen.set(copy.platform, urls);
      fetched += result.replies.length;
    }
    const unchanged = changed ? 0 : copy.unchanged + 1;
    await recordFetch(ctx.db, copy.id, { etag: result.etag, failures: 0, unchanged, nextFetchAt: now + backoff(unchanged), lastError: null }, now);
  }
  for (const [platform, urls] of seen) {
    if (!urls) continue;
    for (const row of await listBySource(ctx.db, site.id, uri, platform)) {
      if (row.sourceUrl && !urls.has(row.sourceUrl)) await removeRemoteComment(ctx, row);
    }
  }
  return fetched;
}

/** The schedule: fetches the posts whose copies are due, until none is or `stopped()` says so. */
export async function fetchDueCopies(ctx: AppContext, stopped: () => boolean): Promise<void> {
  const done = new Set<string>();
  for (;;) {
    const due = (await dueCopies(ctx.db, ctx.now(), BATCH)).filter((copy) => !done.has(`${copy.site}\n${copy.uri}`));
    if (due.length === 0) return;
    for (const copy of due) {
      if (stopped()) return;
      const key = `${copy.site}\n${copy.uri}`;
      if (done.has(key)) continue;
      done.add(key);
      const site = ctx.config.sites.find((s) => s.id === copy.site);
      if (site) await fetchPost(ctx, site, copy.uri);
      else await recordFetch(ctx.db, copy.id, { ...copy, nextFetchAt: ctx.now() + MAX_INTERVAL_MS, lastError: 'the site is no longer configured' }, ctx.now());
    }
  }
}
