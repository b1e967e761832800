/**
 * Pseudonymous identity: who wrote a comment, without storing who they are.
 * Keys are HMACs under the server secret, so they cannot be reversed or
 * recomputed without it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const hmac = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('hex');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Commenter key = HMAC(secret, normalised email) when there is an email, else
 * HMAC of the browser's identity token (namespaced, so a token can never
 * collide with an email); null for a truly anonymous comment.
 */
export function commenterKey(secret: string, who: { email?: string | null; identity?: string | null }): string | null {
  if (who.email) return hmac(secret, normaliseEmail(who.email));
  if (who.identity) return identityKey(secret, who.identity);
  return null;
}

/**
 * Key of a browser identity token alone (equal to `commenterKey` of a comment
 * without email): the token lives only in that browser, so holding it is proof.
 */
export function identityKey(secret: string, identity: string): string {
  return hmac(secret, `identity:${identity}`);
}

/** The site author's one key, whatever email their comments carry. */
export function authorKey(secret: string, site: string): string {
  return hmac(secret, `author:${site}`);
}

/** A random token handed to the client once; only its hash is stored. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of two strings (tokens, hashes). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Signs a value so it can travel through a URL and come back unforged (unsubscribe links, confirmations). */
export function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`sig:${value}`).digest('base64url');
}

export function verifySignature(secret: string, value: string, signature: string): boolean {
  return safeEqual(sign(secret, value), signature);
}

/**
 * Client address hashed under the secret and the current UTC day, so rate
 * limiting needs no raw IP and yesterday's hashes cannot be linked to today's.
 */
export function hashClientAddress(secret: string, address: string, now: number): string {
  const day = Math.floor(now / 86_400_000);
  return hmac(secret, `ip:${day}:${address}`).slice(0, 32);
}
