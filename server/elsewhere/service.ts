/**
 * Conversations from elsewhere as one running service, started and stopped
 * with the HTTP server: the Webmention verification queue and the schedule
 * that fetches replies to syndicated copies. Routes wake it after queueing.
 */
import type { AppContext } from '../context.js';
import { dueWebmentions } from '../db/webmentions.js';
import { Poller } from './poller.js';
import { fetchDueCopies } from './syndication.js';
import { verifyWebmention } from './webmention.js';

/** The queue is also looked at this often without being woken (retries and re-verification come due this way). */
const WEBMENTION_POLL_MS = 5000;
/** Copies come due on their own schedule; this is only how often the schedule is read. */
const SYNDICATION_POLL_MS = 60_000;
const BATCH = 20;

export interface Elsewhere {
  stop(): Promise<void>;
}

const running = new WeakMap<AppContext, Poller>();

/** Looks at the Webmention queue now (after one was received); a no-op where no service runs (the CLI). */
export function wakeWebmentions(ctx: AppContext): void {
  running.get(ctx)?.wake();
}

export function startElsewhere(ctx: AppContext): Elsewhere {
  const webmentions: Poller = new Poller('webmention queue', WEBMENTION_POLL_MS, async () => {
    for (;;) {
      const due = await dueWebmentions(ctx.db, ctx.now(), BATCH);
      for (const row of due) {
        if (webmentions.stopped) return;
        await verifyWebmention(ctx, row);
      }
      if (due.length < BATCH) return;
    }
  });
  const syndication: Poller = new Poller('syndication schedule', SYNDICATION_POLL_MS, () => fetchDueCopies(ctx, () => syndication.stopped));
  running.set(ctx, webmentions);
  webmentions.start();
  syndication.start();
  return {
    async stop() {
      running.delete(ctx);
      await Promise.all([webmentions.stop(), syndication.stop()]);
    },
  };
}
