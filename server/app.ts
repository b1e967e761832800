/** Composes the HTTP application from the route modules; no I/O of its own. */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from './context.js';
import { errorBody, handleError } from './http/errors.js';
import { apiCors } from './http/cors.js';
import { replayAnswers } from './http/replay.js';
import { requestLog } from './http/request-log.js';
import { writePacing } from './http/write-pacing.js';
import { deskRoutes } from './routes/admin/index.js';
import { deskSessionCheck } from './routes/admin/session-cookie.js';
import { commentRoutes } from './routes/comments.js';
import { diagnoseRoutes } from './routes/diagnose.js';
import { feedRoutes } from './routes/feeds.js';
import { healthRoutes } from './routes/health.js';
import { notificationRoutes } from './routes/notifications.js';
import { reportRoutes } from './routes/report.js';
import { staticSiteRoutes } from './routes/static-site.js';
import { syndicationRoutes } from './routes/syndication.js';
import { threadRoutes } from './routes/threads.js';
import { threadPageRoutes } from './routes/thread-page.js';
import { webmentionRoutes } from './routes/webmention.js';
import { widgetRoutes } from './routes/widget.js';

/** API bodies are small: a comment is at most 10,000 characters. */
export const MAX_BODY_BYTES = 64 * 1024;

export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  const isAuthor = deskSessionCheck(ctx);

  app.use(requestLog(ctx.log));
  // Before any work: a burst of writes must not keep new connections waiting (see write-pacing.ts).
  app.use(writePacing());
  // Before every middleware that adds headers: a replayed answer carries the headers it was first sent with.
  app.use(replayAnswers(ctx));
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', 'Nothing here.'), 404));

  // The widget and API are used from the blog's origin, so their resources may be loaded cross-origin.
  // overwrite: false lets stricter pages (the desk) keep the headers they set themselves.
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginEmbedderPolicy: false, referrerPolicy: 'strict-origin-when-cross-origin', overwrite: false }));
  app.use('/api/*', apiCors(ctx.origins));
  const tooLarge = (c: Context) => {
    // The rest of the oversized body is never read, so the connection cannot be reused.
    c.header('Connection', 'close');
    return c.json(errorBody('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`), 413);
  };
  const limitStreamedBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  // Looking at a request's body (as bodyLimit does) makes the Node adapter build a full Request and a web
  // stream, where the body is otherwise read straight from the socket: that was most of the cost of a cached
  // thread read, and a tenth of a new comment's. A declared length is checked without looking (Node reads no
  // byte past it); only a body of unknown length (chunked) is counted as it streams.
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return limitStreamedBody(c, next);
    return Number(declared) > MAX_BODY_BYTES ? tooLarge(c) : next();
  });

  app.route('/', healthRoutes(ctx));
  app.route('/api/v1', commentRoutes(ctx, isAuthor));
  app.route('/api/v1', reportRoutes(ctx, isAuthor));
  app.route('/api/v1', threadRoutes(ctx));
  app.route('/api/v1', syndicationRoutes(ctx, isAuthor));
  app.route('/', webmentionRoutes(ctx));
  app.route('/api/v1', diagnoseRoutes(ctx));
  app.route('/', feedRoutes(ctx));
  app.route('/', widgetRoutes(ctx));
  app.route('/', threadPageRoutes(ctx));
  app.route('/notifications', notificationRoutes(ctx));
  app.route('/admin', deskRoutes(ctx));
  // Last: a static site never shadows the API.
  if (ctx.config.staticRoot) app.route('/', staticSiteRoutes(ctx.config.staticRoot));
  return app;
}
