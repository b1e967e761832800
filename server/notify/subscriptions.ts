/**
 * Who may get reply emails: double opt-in per address, and signed links to
 * confirm and to unsubscribe (one click, RFC 8058). Addresses are known here
 * only by an HMAC, which is also what the links carry, never the address.
 */
import type { Statement } from '../db/connection.js';
import type { AppContext } from '../context.js';
import { reserveConfirmationStatement, confirmAddress, getAddress, unsubscribeAddress } from '../db/subscriptions.js';
import { normaliseEmail, sign, verifySignature } from '../identity/identity.js';
import type { Lang } from '../i18n/languages.js';

/** A confirmation is sent again only after this long, so a stranger cannot flood an inbox with them. */
export const CONFIRMATION_RESEND_MS = 24 * 60 * 60 * 1000;

export type LinkAction = 'confirm' | 'unsubscribe';

/** The pseudonym of an email address in links and in the notify_addresses table. */
export function addressHash(secret: string, email: string): string {
  return sign(secret, `address:${normaliseEmail(email)}`);
}

/**
 * A signed link for one address and action: only the server could have made
 * it. `lang`, the language of the email it is in, rides along unsigned: it
 * only chooses the language of the page the link opens.
 */
export function subscriptionLink(ctx: AppContext, action: LinkAction, email: string, lang: Lang): string {
  const address = addressHash(ctx.secret, email);
  return `${ctx.config.publicUrl}/notifications/${action}?${new URLSearchParams({ a: address, sig: sign(ctx.secret, `${action}:${address}`), lang })}`;
}

/**
 * The link that lets the owner of an address publish a comment they wrote
 * from an unknown browser. Signed over the comment's edit-token hash, which
 * is fixed before the comment is stored (its id may still be a placeholder)
 * and gone once the comment is deleted. `lang` rides along unsigned, as in
 * `subscriptionLink`.
 */
export function publishLink(ctx: AppContext, commentId: number, editTokenHash: string, lang: Lang): string {
  return `${ctx.config.publicUrl}/notifications/publish?${new URLSearchParams({ c: String(commentId), sig: sign(ctx.secret, `publish:${editTokenHash}`), lang })}`;
}

export function isValidPublishLink(secret: string, editTokenHash: string | null, signature: string): boolean {
  return editTokenHash !== null && verifySignature(secret, `publish:${editTokenHash}`, signature);
}

export function isValidLink(secret: string, action: LinkAction, address: string, signature: string): boolean {
  return verifySignature(secret, `${action}:${address}`, signature);
}

/** Whether reply emails may go to this address: only once its owner confirmed, and not after unsubscribing. */
export async function mayReceiveReplies(ctx: AppContext, email: string): Promise<boolean> {
  return (await getAddress(ctx.db, addressHash(ctx.secret, email)))?.status === 'confirmed';
}

/**
 * For a comment that asked for reply emails as it becomes public: the
 * statement that changes one row when a confirmation email should go out now
 * (first request, a request after unsubscribing, or an old unanswered
 * confirmation), recording that it does. The email is queued right after it,
 * on that condition, in the same batch.
 */
export function claimConfirmationStatement(ctx: AppContext, email: string): Statement {
  const now = ctx.now();
  return reserveConfirmationStatement(addressHash(ctx.secret, email), now, now - CONFIRMATION_RESEND_MS);
}

/** Follows a confirmation link; false when nothing awaited confirmation (already confirmed, or unsubscribed since). */
export async function confirm(ctx: AppContext, address: string): Promise<boolean> {
  return confirmAddress(ctx.db, address, ctx.now());
}

export async function unsubscribe(ctx: AppContext, address: string): Promise<void> {
  await unsubscribeAddress(ctx.db, address, ctx.now());
}
