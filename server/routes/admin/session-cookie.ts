/**
 * The desk's cookies: the session (HttpOnly, SameSite=Lax, Secure on https,
 * expiring with the session) and the login form's CSRF nonce.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { findSession, type DeskSession } from '../../desk/session.js';

const SESSION_COOKIE = 'kommentar_desk';
const LOGIN_NONCE_COOKIE = 'kommentar_login';
/** How long a login form stays usable. */
const LOGIN_FORM_SECONDS = 60 * 60;

/** Whether the browser talks to us over https (directly, through a trusted proxy, or per the public URL). */
function isHttps(c: Context, config: Config): boolean {
  if (new URL(c.req.url).protocol === 'https:' || config.publicUrl.startsWith('https:')) return true;
  return config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, ctx: AppContext, token: string, session: DeskSession): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, ctx.config),
    maxAge: Math.max(0, Math.round((session.expiresAt - ctx.now()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, ctx: AppContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c, ctx.config) });
}

/** The live desk session of this request, if its cookie names one. */
export function requestSession(c: Context, ctx: AppContext): Promise<DeskSession | undefined> {
  return findSession(ctx, getCookie(c, SESSION_COOKIE));
}

/** For the public comments API: a logged-in desk session writes as the author. */
export function deskSessionCheck(ctx: AppContext): (c: Context) => Promise<boolean> {
  return async (c) => (await requestSession(c, ctx)) !== undefined;
}

/** The login form's nonce (set when the form is shown), which its CSRF token is bound to. */
export function loginNonce(c: Context): string | undefined {
  return getCookie(c, LOGIN_NONCE_COOKIE);
}

export function setLoginNonce(c: Context, ctx: AppContext, nonce: string): void {
  setCookie(c, LOGIN_NONCE_COOKIE, nonce, {
    path: '/admin/login',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, ctx.config),
    maxAge: LOGIN_FORM_SECONDS,
  });
}

export function clearLoginNonce(c: Context, ctx: AppContext): void {
  deleteCookie(c, LOGIN_NONCE_COOKIE, { path: '/admin/login', secure: isHttps(c, ctx.config) });
}
