/**
 * Notifications as one running service: the worker that empties the outbox,
 * woken whenever new items are committed. Started and stopped with the HTTP
 * server.
 */
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { PermanentDeliveryError } from './delivery-error.js';
import { createMailer, type EmailMessage } from './mailer.js';
import { OutboxWorker, type Sender } from './outbox-worker.js';
import { deliverDeployHook, isDeployItem, scheduleOnPublicChanges, startDeployHookScheduler } from './deploy-hooks.js';
import { deliverWebhook } from './webhook.js';

export interface Notifications {
  /** Stops listening, waits for the delivery in progress, closes the SMTP transport. */
  stop(): Promise<void>;
}

const emailPayload = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
});

function readEmail(payload: string): EmailMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    raw = undefined;
  }
  const parsed = emailPayload.safeParse(raw);
  if (!parsed.success) throw new PermanentDeliveryError('the stored message is malformed');
  return parsed.data;
}

const unconfigured = (what: string): Sender => async () => {
  throw new PermanentDeliveryError(`${what} is not configured any more`);
};

/** `deliver: false` only fills the outbox; the process that delivers (the leading worker) picks the items up on its next poll. */
export function startNotifications(ctx: AppContext, options: { deliver: boolean }): Notifications {
  const { smtp, webhook } = ctx.config;
  const mailer = smtp ? createMailer(smtp) : undefined;
  const worker = new OutboxWorker(ctx, {
    email: mailer ? (item) => mailer.send(readEmail(item.payload)) : unconfigured('SMTP'),
    webhook: (item) => {
      if (isDeployItem(item)) return deliverDeployHook(ctx.config, item);
      if (!webhook) return unconfigured('The webhook')(item);
      return deliverWebhook(webhook, ctx.config.allowPrivateAddresses, { id: item.id, event: item.topic, body: item.payload });
    },
  });
  const wake = () => worker.wake();
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const stopScheduling = scheduleOnPublicChanges(ctx, track);
  const stopDeployHooks = options.deliver ? startDeployHookScheduler(ctx, wake) : async () => undefined;
  ctx.events.on('queued', wake);
  if (options.deliver) worker.start();
  return {
    async stop() {
      ctx.events.off('queued', wake);
      stopScheduling();
      await Promise.allSettled([...inFlight]);
      await stopDeployHooks();
      await worker.stop();
      mailer?.close();
    },
  };
}
