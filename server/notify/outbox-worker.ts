/**
 * Sends what the outbox holds, in the background: due items oldest first,
 * retried with exponential backoff, given up (and shown in the desk) after
 * too many attempts or a permanent refusal. Nothing waits for it.
 */
import type { AppContext } from '../context.js';
import { claimDueItems, releaseItems, markFailed, markRetry, markSent, pruneSent, type OutboxItem, type OutboxKind } from '../db/outbox.js';
import { errorText, redact } from '../log.js';
import { PermanentDeliveryError } from './delivery-error.js';

export type Sender = (item: OutboxItem) => Promise<void>;

/**
 * How often the queue is looked at without being woken: retries come due this
 * way, and so do items other workers queued (only one process delivers).
 */
const POLL_MS = 1000;
/** Attempts before an item is marked failed: with the delays below, about an hour of trying. */
const MAX_ATTEMPTS = 8;
/** Delay after the first failure; doubled after each further one (30 s, 1 min, 2 min … 64 min). */
const BASE_DELAY_MS = 30_000;
const BATCH = 20;
/** Delivered items are kept this long for the desk's counts. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;
/** How long claimed items stay with this process: longer than any delivery's timeout (at most 5 minutes). */
const LEASE_MS = 10 * 60 * 1000;

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private stopped = true;

  constructor(
    private readonly ctx: AppContext,
    private readonly senders: Record<OutboxKind, Sender>,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Looks at the queue now (called after something was enqueued). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.wokenWhileRunning) {
        this.wokenWhileRunning = false;
        this.wake();
      } else if (!this.stopped) {
        this.timer = setTimeout(() => this.wake(), POLL_MS);
        this.timer.unref();
      }
    });
  }

  /** Stops polling and waits for the delivery in progress, so the database can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped) {
        const now = this.ctx.now();
        const items = await claimDueItems(this.ctx.db, now, BATCH, now + LEASE_MS);
        for (const [index, item] of items.entries()) {
          if (this.stopped) {
            await releaseItems(this.ctx.db, items.slice(index).map((rest) => rest.id), this.ctx.now());
            return;
          }
          await this.deliver(item);
        }
        if (items.length < BATCH) break;
      }
      await pruneSent(this.ctx.db, this.ctx.now() - KEEP_SENT_MS);
    } catch (error) {
      this.ctx.log.error('outbox', { error: errorText(error) });
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    const started = performance.now();
    const attempts = item.attempts + 1;
    // What the log may say about an item: never its payload (addresses, texts).
    const logged = (outcome: string, error?: unknown) =>
      (error === undefined ? this.ctx.log.info : this.ctx.log.warn)('delivery', {
        id: item.id,
        kind: item.kind,
        topic: redact(item.topic),
        outcome,
        attempts,
        ms: Math.round(performance.now() - started),
        error: error === undefined ? undefined : errorText(error),
      });
    try {
      await this.senders[item.kind](item);
      await markSent(this.ctx.db, item.id, this.ctx.now());
      logged('sent');
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      const now = this.ctx.now();
      if (error instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS) {
        await markFailed(this.ctx.db, item.id, message, now);
        logged('failed', error);
      } else {
        await markRetry(this.ctx.db, item.id, message, now + BASE_DELAY_MS * 2 ** (attempts - 1), now);
        logged('retry', error);
      }
    }
  }
}
