/**
 * The W3C Webmention receiver's domain: accepting a (source, target) pair,
 * and verifying it later: fetch the source through the guarded fetcher, check
 * that it links the target, read its microformats2, and store a reply as a
 * comment or anything else as a reaction. Re-sent → updated; 404/410 or a
 * removed link → deleted. Verified ones are checked again now and then.
 */
import { randomBytes } from 'node:crypto';
import type { Config, SiteConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { findBySourceUrl } from '../db/comments.js';
import { deleteReactionsOf, listMentions, upsertReaction, type Mention } from '../db/reactions.js';
import { queueWebmention, recordCheck, type WebmentionRow, type WebmentionStatus } from '../db/webmentions.js';
import { DomainError } from '../errors.js';
import { FetchError, guardedGet } from './fetch.js';
import { linksTo, withoutFragment } from './links.js';
import { readSourceEntry } from './mf2-entry.js';
import { cleanName, cleanUrl, isAuthorProfile, removeRemoteComment, storeRemoteComment } from './remote-comments.js';

/** A verified Webmention is fetched again this often, to follow edits and deletions. */
export const REVERIFY_MS = 7 * 24 * 60 * 60 * 1000;
/** Tries for a source that times out or answers 5xx, 1 min apart then doubling. */
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;
const MAX_URL = 2000;

export interface WebmentionTarget {
  site: SiteConfig;
  uri: string;
}

/** The site page a target URL names (fragment and query ignored), or null when it is none of ours. */
export function resolveTarget(config: Pick<Config, 'sites' | 'publicUrl'>, target: URL): WebmentionTarget | null {
  for (const site of config.sites) {
    const origins = site.origins.length > 0 ? site.origins : [config.publicUrl];
    if (origins.some((origin) => new URL(origin).origin === target.origin)) return { site, uri: target.pathname };
  }
  return null;
}

function httpUrlField(value: string | undefined, field: 'source' | 'target'): URL {
  if (!value) throw new DomainError('invalid_input', `${field}: is required`, field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DomainError('invalid_input', `${field}: is not a URL`, field);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || value.length > MAX_URL) {
    throw new DomainError('invalid_input', `${field}: must be an http or https URL of at most ${MAX_URL} characters`, field);
  }
  return url;
}

/** Checks a received Webmention and queues it; the answer's status URL names the returned row. */
export async function receiveWebmention(ctx: AppContext, input: { source?: string; target?: string }): Promise<WebmentionRow> {
  const source = httpUrlField(input.source, 'source');
  const target = httpUrlField(input.target, 'target');
  if (withoutFragment(source.href) === withoutFragment(target.href)) throw new DomainError('invalid_input', 'source: must not be the target itself', 'source');
  const page = resolveTarget(ctx.config, target);
  if (!page) throw new DomainError('invalid_target', 'target: is not a page of a site on this server', 'target');
  return queueWebmention(
    ctx.db,
    { publicId: randomBytes(12).toString('base64url'), site: page.site.id, uri: page.uri, source: source.href, target: withoutFragment(target.href) },
    ctx.now(),
  );
}

interface Outcome {
  status: WebmentionStatus;
  kind?: string;
  commentId?: number | null;
  error?: string;
  /** Try again soon (a passing failure), rather than at the next re-verification. */
  retry?: boolean;
}

/** Removes whatever the source had left on the page: its comment (kept as a placeholder for replies) and reactions. */
async function removeAll(ctx: AppContext, row: WebmentionRow): Promise<boolean> {
  const comment = await findBySourceUrl(ctx.db, row.site, row.uri, row.source);
  if (comment && comment.status !== 'deleted') await removeRemoteComment(ctx, comment);
  await deleteReactionsOf(ctx.db, row.site, row.uri, row.source);
  ctx.changes.recordLocalWrite();
  return row.status === 'verified' || comment !== undefined;
}

async function check(ctx: AppContext, row: WebmentionRow, site: SiteConfig): Promise<Outcome> {
  let fetched: Awaited<ReturnType<typeof guardedGet>>;
  try {
    fetched = await guardedGet(row.source, { allowPrivate: ctx.config.allowPrivateAddresses, accept: 'html' });
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return { status: 'failed', error: error.message, retry: error.code === 'timeout' || error.code === 'network' };
  }
  if (fetched.status === 410 || fetched.status === 404) {
    await removeAll(ctx, row);
    return { status: 'deleted', error: `the source answered ${fetched.status}` };
  }
  if (fetched.status < 200 || fetched.status >= 300) {
    return { status: 'failed', error: `the source answered ${fetched.status}`, retry: fetched.status >= 500 || fetched.status === 429 || fetched.status === 408 };
  }
  if (!linksTo(fetched.body, fetched.url, row.target)) {
    const had = await removeAll(ctx, row);
    return { status: had ? 'deleted' : 'failed', error: 'the source does not link to the target' };
  }
  const entry = readSourceEntry(fetched.body, fetched.url, row.target);
  const authorName = cleanName(entry.authorName);
  const authorUrl = cleanUrl(entry.authorUrl);
  if (entry.kind === 'reply') {
    await deleteReactionsOf(ctx.db, row.site, row.uri, row.source);
    ctx.changes.recordLocalWrite();
    const stored = await storeRemoteComment(ctx, site, row.uri, {
      source: 'webmention',
      sourceUrl: row.source,
      parent: entry.parentCommentId === null ? null : { commentId: entry.parentCommentId },
      authorProfile: authorUrl,
      authorName,
      authorUrl,
      isAuthor: isAuthorProfile(site, authorUrl),
      content: entry.contentHtml !== null ? { html: entry.contentHtml } : { text: entry.contentText ?? '' },
      createdAt: entry.published ?? ctx.now(),
      editedAt: entry.updated,
    });
    return { status: 'verified', kind: 'reply', commentId: stored?.row.id ?? null };
  }
  // Anything but a reply is not a comment: a reaction (or a "mentioned by" link).
  const comment = await findBySourceUrl(ctx.db, row.site, row.uri, row.source);
  if (comment) await removeRemoteComment(ctx, comment);
  await deleteReactionsOf(ctx.db, row.site, row.uri, row.source);
  await upsertReaction(ctx.db, { site: row.site, uri: row.uri, source: 'webmention', itemUrl: row.source, kind: entry.kind, count: 1, authorName, authorUrl }, ctx.now());
  ctx.changes.recordLocalWrite();
  return { status: 'verified', kind: entry.kind };
}

/** Verifies one queued or due Webmention and records the outcome. */
export async function verifyWebmention(ctx: AppContext, row: WebmentionRow): Promise<WebmentionStatus> {
  const site = ctx.config.sites.find((s) => s.id === row.site);
  const now = ctx.now();
  if (!site) {
    await recordCheck(ctx.db, row.id, { status: 'failed', error: 'the site is no longer configured', attempts: row.attempts + 1, nextCheckAt: null }, now);
    return 'failed';
  }
  const outcome = await check(ctx, row, site);
  const attempts = outcome.retry ? row.attempts + 1 : 0;
  const retry = outcome.retry === true && attempts < MAX_ATTEMPTS;
  // A passing failure of a verified one keeps it verified (its content stays) until the tries run out.
  const status = retry ? (row.status === 'verified' ? 'verified' : 'queued') : outcome.status;
  const nextCheckAt = retry ? now + RETRY_BASE_MS * 2 ** (attempts - 1) : status === 'verified' ? now + REVERIFY_MS : null;
  await recordCheck(
    ctx.db,
    row.id,
    { status, kind: outcome.kind, commentId: outcome.commentId ?? row.commentId, error: outcome.error ?? null, attempts, nextCheckAt },
    now,
  );
  return status;
}

/** The pages that mention a post without replying or reacting ("mentioned by"), oldest first. */
export function mentionsOf(ctx: AppContext, site: string, uri: string): Promise<Mention[]> {
  return listMentions(ctx.db, site, uri);
}
