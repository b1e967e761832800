/**
 * CSRF tokens for the desk's forms: an HMAC of the session (or of the login
 * form's nonce) under the server secret. Nothing to store, one per session,
 * and a page from another site cannot know it.
 */
import { sign, verifySignature } from '../identity/identity.js';

/** The token for forms of one session (`scope` = the session's token hash, or `login:<nonce>`). */
export function csrfToken(secret: string, scope: string): string {
  return sign(secret, `csrf:${scope}`);
}

export function isValidCsrfToken(secret: string, scope: string, submitted: unknown): boolean {
  return typeof submitted === 'string' && submitted.length > 0 && verifySignature(secret, `csrf:${scope}`, submitted);
}
