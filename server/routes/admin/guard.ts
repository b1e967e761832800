/**
 * The desk's door: a live session cookie or the admin bearer token, else off
 * to the login page; and on every session POST, the form's CSRF token.
 */
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../../context.js';
import { csrfToken, isValidCsrfToken } from '../../desk/csrf.js';
import { chosenDeskLanguage } from '../../desk/language.js';
import { hasAdminToken } from '../../http/auth.js';
import { ApiError } from '../../http/errors.js';
import { readForm } from '../../http/input.js';
import type { DeskEnv } from './env.js';
import { requestSession } from './session-cookie.js';

export function requireDesk(ctx: AppContext) {
  return createMiddleware<DeskEnv>(async (c, next) => {
    const isPost = c.req.method === 'POST';
    if (hasAdminToken(c, ctx.config)) {
      // A bearer token is never sent by a browser on its own, so it needs no CSRF token.
      c.set('desk', { via: 'token', csrf: '', lang: await chosenDeskLanguage(ctx) });
      if (isPost) c.set('form', await readForm(c));
      return next();
    }
    if (c.req.header('authorization')) throw new ApiError(401, 'unauthorized', 'The bearer token is not the admin token.');
    const session = await requestSession(c, ctx);
    if (!session) return c.redirect('/admin/login', 303);
    const csrf = csrfToken(ctx.secret, session.tokenHash);
    c.set('desk', { via: 'session', session, csrf, lang: await chosenDeskLanguage(ctx) });
    if (isPost) {
      const form = await readForm(c);
      if (!isValidCsrfToken(ctx.secret, session.tokenHash, form.csrf)) {
        throw new ApiError(403, 'invalid_csrf_token', 'This form is missing its security token or has expired: reload the page and try again.');
      }
      c.set('form', form);
    }
    return next();
  });
}
