/**
 * Deploy hooks: after public comments change, one POST per configured hook
 * (Netlify, Vercel and Cloudflare Pages build hooks, GitHub
 * repository_dispatch) so a static site rebuilds with them. A trailing
 * debounce kept in the database: a burst gives one call once it settles, at
 * most one per debounce period per hook, across restarts and processes. The
 * call itself goes through the outbox (retries, backoff, the desk's
 * Deliveries) and the SSRF guard.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config, DeployHookConfig } from '../config.js';
import type { AppContext } from '../context.js';
import type { CommentRow } from '../db/comments.js';
import { anyDeployHookDue, claimDueDeployHooks, pushDeployHooks } from '../db/deploy-hooks.js';
import type { NewOutboxItem, OutboxItem } from '../db/outbox.js';
import { errorText } from '../log.js';
import { PermanentDeliveryError } from './delivery-error.js';
import { guardedPost, type GuardedPost } from './guarded-post.js';

/** Outbox topics of deploy calls start with this (they travel as kind `webhook`). */
const TOPIC_PREFIX = 'deploy ';
/** How often the leading process looks for due calls. */
const TICK_MS = 1000;

/** A hook's name in the database and the outbox: a hash, because hook URLs often carry their secret. */
export function hookKey(site: string, url: string): string {
  return createHash('sha256').update(`${site}\n${url}`).digest('hex').slice(0, 32);
}

interface KnownHook {
  site: string;
  hook: DeployHookConfig;
}

function knownHooks(config: Config): Map<string, KnownHook> {
  return new Map(config.sites.flatMap((site) => site.deployHooks.map((hook) => [hookKey(site.id, hook.url), { site: site.id, hook }] as const)));
}

const GITHUB_DISPATCH = /^\/repos\/[^/]+\/[^/]+\/dispatches\/?$/;

/** The request for one hook: GitHub's dispatch endpoint needs a JSON body with `event_type` and its Accept header. */
export function deployRequest(hook: DeployHookConfig, site: string, allowPrivateAddresses: boolean): GuardedPost {
  const url = new URL(hook.url);
  const github = url.hostname === 'api.github.com' && GITHUB_DISPATCH.test(url.pathname);
  const body = hook.body ?? (github ? { event_type: 'kommentar', client_payload: { site } } : undefined);
  const headers: Record<string, string> = { 'user-agent': 'Kommentar-Deploy-Hook' };
  if (github) headers.accept = 'application/vnd.github+json';
  if (typeof body === 'object') headers['content-type'] = 'application/json';
  return {
    url: hook.url,
    body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    headers: { ...headers, ...hook.headers },
    timeoutMs: hook.timeoutSeconds * 1000,
    allowPrivateAddresses,
  };
}

export const isDeployItem = (item: OutboxItem): boolean => item.topic.startsWith(TOPIC_PREFIX);

const payloadSchema = z.object({ site: z.string(), hook: z.string() });

/** The outbox's sender for deploy calls; a hook removed from the config since is a permanent failure. */
export async function deliverDeployHook(config: Config, item: OutboxItem): Promise<void> {
  const parsed = payloadSchema.safeParse(JSON.parse(item.payload || 'null'));
  if (!parsed.success) throw new PermanentDeliveryError('the stored deploy call is malformed');
  const known = knownHooks(config).get(parsed.data.hook);
  if (!known) throw new PermanentDeliveryError(`this deploy hook of site "${parsed.data.site}" is no longer configured`);
  await guardedPost(deployRequest(known.hook, known.site, config.allowPrivateAddresses || Boolean(config.webhook?.allowPrivateAddresses)));
}

/** Whether a comment event changed what the public sees. */
function isPublicChange(event: 'created' | 'approved' | 'edited' | 'deleted', row: CommentRow): boolean {
  return event === 'approved' || row.status === 'approved';
}

/**
 * Pushes the schedule of a site's hooks on every public change (in every
 * process). Returns the function that stops listening.
 */
export function scheduleOnPublicChanges(ctx: AppContext, track: (work: Promise<void>) => void): () => void {
  const handlers = (['created', 'approved', 'edited', 'deleted'] as const).map((event) => {
    const handler = (row: CommentRow) => {
      if (!isPublicChange(event, row)) return;
      const hooks = ctx.config.sites.find((site) => site.id === row.site)?.deployHooks ?? [];
      if (hooks.length === 0) return;
      track(
        pushDeployHooks(
          ctx.db,
          hooks.map((hook) => ({ hook: hookKey(row.site, hook.url), debounceMs: hook.debounceSeconds * 1000 })),
          ctx.now(),
        ).catch((error: unknown) => ctx.log.error('deploy hooks', { site: row.site, error: errorText(error) })),
      );
    };
    ctx.events.on(event, handler);
    return () => ctx.events.off(event, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}

/**
 * In the one process that delivers: moves due calls into the outbox every
 * second and wakes the outbox worker. Returns the function that stops it.
 */
export function startDeployHookScheduler(ctx: AppContext, queued: () => void): () => Promise<void> {
  const hooks = knownHooks(ctx.config);
  let running: Promise<void> = Promise.resolve();
  const toItem = (key: string): NewOutboxItem | undefined => {
    const known = hooks.get(key);
    if (!known) return undefined;
    return { kind: 'webhook', topic: `${TOPIC_PREFIX}${known.site} → ${new URL(known.hook.url).host}`, payload: JSON.stringify({ site: known.site, hook: key }) };
  };
  const tick = async () => {
    const now = ctx.now();
    if (!(await anyDeployHookDue(ctx.db, now))) return;
    if ((await claimDueDeployHooks(ctx.db, now, toItem)).length > 0) queued();
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch((error: unknown) => ctx.log.error('deploy hooks', { error: errorText(error) }));
  }, TICK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
