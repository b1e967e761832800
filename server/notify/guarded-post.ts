/**
 * One outbound POST for the outbox (webhooks, deploy hooks): only to an
 * address the SSRF guard accepted, connected to that very address (no second
 * DNS answer), with a timeout, never following a redirect. Throws
 * PermanentDeliveryError when retrying cannot help.
 */
import http from 'node:http';
import https from 'node:https';
import { PermanentDeliveryError } from './delivery-error.js';
import { BlockedAddressError, pinnedLookup, resolveCheckedAddress } from './ssrf-guard.js';

export interface GuardedPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateAddresses: boolean;
}

export async function guardedPost(post: GuardedPost): Promise<void> {
  const url = new URL(post.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PermanentDeliveryError('the URL must be http or https');
  const target = await resolveCheckedAddress(url.hostname, post.allowPrivateAddresses).catch((error: Error) => {
    throw error instanceof BlockedAddressError ? new PermanentDeliveryError(error.message) : error;
  });
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      // pinnedLookup: connect to the address that was checked, not to whatever a second DNS answer says (DNS rebinding).
      { method: 'POST', lookup: pinnedLookup(target), signal: AbortSignal.timeout(post.timeoutMs), headers: { 'content-length': String(Buffer.byteLength(post.body)), ...post.headers } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', (error) =>
      reject(error.name === 'AbortError' || error.name === 'TimeoutError' ? new Error(`no answer within ${post.timeoutMs} ms`) : new Error(`cannot reach ${url.host}: ${error.message}`)),
    );
    request.end(post.body);
  });
  if (status >= 200 && status < 300) return;
  if (status >= 300 && status < 400) throw new PermanentDeliveryError(`the receiver answered ${status}; redirects are not followed`);
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new PermanentDeliveryError(`the receiver refused the call with ${status}`);
  throw new Error(`the receiver answered ${status}`);
}
