/** `GET/POST /admin/login` (password, throttled) and `POST /admin/logout`, in the desk's language. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { createLogin } from '../../desk/auth.js';
import { csrfToken, isValidCsrfToken } from '../../desk/csrf.js';
import { chosenDeskLanguage } from '../../desk/language.js';
import { isPasswordHash } from '../../desk/password.js';
import { endSession } from '../../desk/session.js';
import { ApiError } from '../../http/errors.js';
import { parseWith, readForm } from '../../http/input.js';
import { clientHash } from '../../http/rate-limit.js';
import { type Translator, translator } from '../../i18n/translate.js';
import { newToken } from '../../identity/identity.js';
import type { DeskEnv } from './env.js';
import { page } from './layout.js';
import { clearLoginNonce, clearSessionCookie, loginNonce, requestSession, setLoginNonce, setSessionCookie } from './session-cookie.js';

const loginForm = z.object({ password: z.string().max(1000, 'at most 1000 characters') });

const loginScope = (nonce: string) => `login:${nonce}`;

function loginPage({ t, lang }: Translator, csrf: string, message?: string): ReturnType<typeof page> {
  return page(
    { title: t('desk.login.title'), lang, notice: message ? { text: message, error: true } : undefined },
    html`<form class="narrow" method="post" action="/admin/login">
      <h1>${t('desk.login.heading')}</h1>
      <input type="hidden" name="csrf" value="${csrf}" />
      <label for="password">${t('desk.login.password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required autofocus />
      <div class="actions"><button class="primary" type="submit">${t('desk.login.submit')}</button></div>
    </form>`,
  );
}

/** The public part: showing and posting the login form. */
export function loginRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();
  const login = createLogin(ctx);
  // Before login there is no site in view: the author's choice, else the first site's language.
  const language = async () => translator((await chosenDeskLanguage(ctx)) ?? ctx.config.sites[0]!.lang);

  app.get('/login', async (c) => {
    if (await requestSession(c, ctx)) return c.redirect('/admin', 303);
    const nonce = loginNonce(c) ?? newToken();
    setLoginNonce(c, ctx, nonce);
    const words = await language();
    const configured = isPasswordHash(ctx.config.adminPasswordHash ?? '');
    return c.html(loginPage(words, csrfToken(ctx.secret, loginScope(nonce)), configured ? undefined : words.t('desk.login.notConfigured')));
  });

  app.post('/login', async (c) => {
    const form = await readForm(c);
    const nonce = loginNonce(c);
    if (!nonce || !isValidCsrfToken(ctx.secret, loginScope(nonce), form.csrf)) {
      throw new ApiError(403, 'invalid_csrf_token', 'The login form has expired or did not come from this server: reload it and try again.');
    }
    const { password } = parseWith(loginForm, form);
    const result = await login(password, clientHash(ctx, c));
    const csrf = csrfToken(ctx.secret, loginScope(nonce));
    if (result.ok) {
      setSessionCookie(c, ctx, result.token, result.session);
      clearLoginNonce(c, ctx);
      return c.redirect('/admin', 303);
    }
    const words = await language();
    switch (result.reason) {
      case 'not_configured':
        return c.html(loginPage(words, csrf, words.t('desk.login.notConfigured')), 503);
      case 'wrong_password':
        return c.html(loginPage(words, csrf, words.t('desk.login.wrong')), 401);
      case 'rate_limited': {
        c.header('Retry-After', String(result.retryAfterSeconds));
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        return c.html(loginPage(words, csrf, words.t('desk.login.tooMany', { n: minutes })), 429);
      }
    }
  });

  return app;
}

/** Behind the guard (so its CSRF token is checked): ends the session for good. */
export function logoutRoutes(ctx: AppContext) {
  return new Hono<DeskEnv>().post('/logout', async (c) => {
    const access = c.get('desk');
    if (access.via === 'session') await endSession(ctx, access.session);
    clearSessionCookie(c, ctx);
    return c.redirect('/admin/login', 303);
  });
}
