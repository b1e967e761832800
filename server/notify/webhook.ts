/**
 * Webhook calls on new comments: a JSON body signed with HMAC-SHA256
 * (`X-Kommentar-Signature: sha256=<hex>`), posted with a timeout to a target
 * the SSRF guard accepted, never following a redirect.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AppContext } from '../context.js';
import type { WebhookConfig } from '../config.js';
import type { CommentRow } from '../db/comments.js';
import { commentPermalink } from '../urls.js';
import { PermanentDeliveryError } from './delivery-error.js';
import { BlockedAddressError, pinnedLookup, resolveCheckedAddress } from './ssrf-guard.js';

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
export async function deliverWebhook(config: WebhookConfig, delivery: { id: number; event: string; body: string }): Promise<void> {
  const url = new URL(config.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PermanentDeliveryError('the webhook URL must be http or https');
  const target = await resolveCheckedAddress(url.hostname, config.allowPrivateAddresses).catch((error: Error) => {
    throw error instanceof BlockedAddressError ? new PermanentDeliveryError(error.message) : error;
  });
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        // Connect to the address that was checked, not to whatever a second DNS answer says (DNS rebinding).
        lookup: pinnedLookup(target),
        signal: AbortSignal.timeout(config.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Kommentar-Webhook',
          'x-kommentar-event': delivery.event,
          'x-kommentar-delivery': String(delivery.id),
          [SIGNATURE_HEADER]: webhookSignature(config.secret, delivery.body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', (error) => reject(error.name === 'AbortError' ? new Error(`no answer within ${config.timeoutMs} ms`) : error));
    request.end(delivery.body);
  });
  if (status >= 200 && status < 300) return;
  if (status >= 300 && status < 400) throw new PermanentDeliveryError(`the receiver answered ${status}; redirects are not followed`);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PermanentDeliveryError(`the receiver refused the call with ${status}`);
  throw new Error(`the receiver answered ${status}`);
}
