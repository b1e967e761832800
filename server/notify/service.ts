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

export function startNotifications(ctx: AppContext): Notifications {
  const { smtp, webhook } = ctx.config;
  const mailer = smtp ? createMailer(smtp) : undefined;
  const worker = new OutboxWorker(ctx, {
    email: mailer ? (item) => mailer.send(readEmail(item.payload)) : unconfigured('SMTP'),
    webhook: webhook ? (item) => deliverWebhook(webhook, { id: item.id, event: item.topic, body: item.payload }) : unconfigured('The webhook'),
  });
  const wake = () => worker.wake();
  ctx.events.on('queued', wake);
  worker.start();
  return {
    async stop() {
      ctx.events.off('queued', wake);
      await worker.stop();
      mailer?.close();
    },
  };
}
