/**
 * Webhook calls on new comments: a JSON body signed with HMAC-SHA256
 * (`X-Kommentar-Signature: sha256=<hex>`), posted through guardedPost.
 */
import { createHmac } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { WebhookConfig } from '../config.js';
import type { CommentRow } from '../db/comments.js';
import { commentPermalink } from '../urls.js';
import { guardedPost } from './guarded-post.js';

export type WebhookEvent = 'comment.created' | 'comment.approved';

export const SIGNATURE_HEADER = 'x-kommentar-signature';

/** The JSON a receiver gets: the comment's public fields plus its status; no email, key or address. */
export function webhookBody(ctx: AppContext, event: WebhookEvent, row: CommentRow): string {
  return JSON.stringify({
    event,
    site: row.site,
    uri: row.uri,
    title: row.threadTitle,
    url: commentPermalink(ctx.config, row.site, row.uri, row.id),
    comment: {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      status: row.status,
      html: row.html,
      name: row.name,
      url: row.url,
      isAuthor: row.isAuthor,
      createdAt: new Date(row.createdAt).toISOString(),
    },
  });
}

/** `sha256=<hex HMAC of the raw body>`: what the receiver recomputes with the shared secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Posts one webhook call; throws PermanentDeliveryError when retrying cannot help. */
export async function deliverWebhook(config: WebhookConfig, allowPrivateAddresses: boolean, delivery: { id: number; event: string; body: string }): Promise<void> {
  await guardedPost({
    url: config.url,
    body: delivery.body,
    timeoutMs: config.timeoutMs,
    allowPrivateAddresses: allowPrivateAddresses || config.allowPrivateAddresses,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Kommentar-Webhook',
      'x-kommentar-event': delivery.event,
      'x-kommentar-delivery': String(delivery.id),
      [SIGNATURE_HEADER]: webhookSignature(config.secret, delivery.body),
    },
  });
}
