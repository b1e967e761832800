/**
 * The author's desk under `/admin`: login, then the inbox ("waiting for your
 * answer"), moderation, the report and the outbox, in the author's chosen
 * language. Server-rendered HTML that works without JavaScript, with strict
 * headers on every page.
 */
import { Hono } from 'hono';
import type { AppContext } from '../../context.js';
import { deliveryRoutes } from './deliveries.js';
import { elsewhereRoutes } from './elsewhere.js';
import type { DeskEnv } from './env.js';
import { deskErrorPage } from './errors.js';
import { requireDesk } from './guard.js';
import { deskHeaders } from './headers.js';
import { inboxRoutes } from './inbox.js';
import { languageRoutes } from './language.js';
import { loginRoutes, logoutRoutes } from './login.js';
import { moderationRoutes } from './moderation.js';
import { reportPageRoutes } from './report.js';
import { DESK_CSS } from './stylesheet.js';

export function deskRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();
  app.onError(deskErrorPage(ctx));
  app.use('*', deskHeaders);

  // Open to all: the stylesheet and the login form.
  app.get('/desk.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(DESK_CSS);
  });
  app.route('/', loginRoutes(ctx));

  // Everything below needs a session (or the admin token).
  app.use('*', requireDesk(ctx));
  app.route('/', logoutRoutes(ctx));
  app.route('/', languageRoutes(ctx));
  app.route('/', inboxRoutes(ctx));
  app.route('/', moderationRoutes(ctx));
  app.route('/', reportPageRoutes(ctx));
  app.route('/', deliveryRoutes(ctx));
  app.route('/', elsewhereRoutes(ctx));
  return app;
}
