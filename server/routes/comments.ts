/** The public comments API: list, create (JSON and no-JS form), edit, delete, counts, preview. */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.js';
import { findSite, type SiteConfig } from '../config.js';
import { countComments, createComment, deleteComment, editComment, listPublicThread, type Writer } from '../comments/comments.js';
import { countsSchema, createCommentSchema, editCommentSchema, previewSchema, threadQuerySchema, threadUri } from '../comments/schemas.js';
import { hasAdminToken } from '../http/auth.js';
import { clientAddress } from '../http/client-address.js';
import { ApiError } from '../http/errors.js';
import { idParam, parseWith, readJson, readQuery, requireSite } from '../http/input.js';
import { checkWriteOrigin } from '../http/origin.js';
import { RateLimiter } from '../http/rate-limit.js';
import { hashClientAddress } from '../identity/identity.js';
import { renderMarkdown } from '../render/markdown.js';
import { cachedAnswer } from './cached-answer.js';
import { formErrorPage } from './form-error-page.js';
import { commentPermalink, pageUrl, threadPageUrl } from '../urls.js';

/** Seconds a human needs at least between seeing the form and posting it. */
const MIN_FORM_FILL_MS = 3000;
/** The hidden field real readers leave empty. */
export const HONEYPOT_FIELD = 'website';

/** Form fields arrive as strings; this maps them onto the JSON shape before the same schema checks them. */
const formToInput = (form: Record<string, string>) => ({
  site: form.site,
  uri: form.uri,
  parentId: form.parentId ? (/^\d+$/.test(form.parentId) ? Number(form.parentId) : form.parentId) : undefined,
  body: form.body,
  name: form.name,
  email: form.email,
  url: form.url,
  title: form.title,
  notify: form.notify === 'on' || form.notify === '1' || form.notify === 'true',
  identity: form.identity || undefined,
});

export function commentRoutes(ctx: AppContext, isAuthor: (c: Context) => boolean | Promise<boolean>) {
  const app = new Hono();
  const limiter = new RateLimiter(ctx.config.rateLimit);

  const writerOf = async (c: Context): Promise<Writer> => ({ isAuthor: hasAdminToken(c, ctx.config) || (await isAuthor(c)) });

  const checkRate = (c: Context, writer: Writer) => {
    if (writer.isAuthor) return;
    const key = hashClientAddress(ctx.secret, clientAddress(c, ctx.config.trustProxy), ctx.now());
    const wait = limiter.take(key, ctx.now());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ApiError(429, 'rate_limited', `Too many comments in a short time: try again in ${wait} s.`);
    }
  };

  app.get('/comments', async (c) => {
    const { site, uri } = readQuery(c, threadQuerySchema);
    requireSite(ctx.config, site);
    // Browsers and the widget revalidate every time; an unchanged thread costs a 304.
    c.header('Cache-Control', 'public, no-cache');
    return cachedAnswer(c, ctx, `thread\n${site}\n${uri}`, 'application/json', async () => JSON.stringify({ comments: await listPublicThread(ctx, site, uri) }));
  });

  app.post('/comments', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) return postForm(c);
    const input = await readJson(c, createCommentSchema);
    const site = requireSite(ctx.config, input.site);
    checkWriteOrigin(c, ctx.config, site, false);
    const writer = await writerOf(c);
    checkRate(c, writer);
    const created = await createComment(ctx, site, input, writer);
    return c.json({ comment: created.comment, editToken: created.editToken, editableUntil: created.editableUntil }, created.pending ? 202 : 201);
  });

  /**
   * The no-JavaScript path: same checks as JSON plus a honeypot and a minimum
   * fill time, answered with a 303. A browser that asked for HTML gets a
   * refusal as a readable page with the same status; other clients get JSON.
   */
  async function postForm(c: Context) {
    const raw = await c.req.parseBody();
    const form = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
    try {
      return await acceptForm(c, form);
    } catch (error) {
      if (!(error instanceof ApiError) || !(c.req.header('accept') ?? '').includes('text/html')) throw error;
      const site = form.site ? findSite(ctx.config, form.site) : undefined;
      const back = site && form.uri && threadUri.safeParse(form.uri).success ? pageUrl(ctx.config, site.id, form.uri) : undefined;
      c.header('Cache-Control', 'no-store');
      return c.html(formErrorPage(error.message, back), error.status);
    }
  }

  async function acceptForm(c: Context, form: Record<string, string>) {
    const input = parseWith(createCommentSchema, formToInput(form));
    const site = requireSite(ctx.config, input.site);
    checkWriteOrigin(c, ctx.config, site, true);
    if (form[HONEYPOT_FIELD]) throw new ApiError(400, 'spam_suspected', 'This form was filled in by a robot.', HONEYPOT_FIELD);
    const shownAt = Number(form.ts);
    if (!form.ts || !Number.isFinite(shownAt)) throw new ApiError(400, 'invalid_form', 'The form is missing its timestamp; reload the page and try again.', 'ts');
    if (ctx.now() - shownAt < MIN_FORM_FILL_MS) throw new ApiError(400, 'too_fast', 'That was too fast; wait a moment and send again.', 'ts');
    const writer = await writerOf(c);
    checkRate(c, writer);
    const created = await createComment(ctx, site, input, writer);
    return c.redirect(redirectAfterForm(site, input.uri, created.comment.id, created.pending), 303);
  }

  function redirectAfterForm(site: SiteConfig, uri: string, id: number, pending: boolean): string {
    if (site.formRedirect === 'thread') {
      return threadPageUrl(ctx.config.publicUrl, site.id, uri, pending ? { pending: id } : {}) + (pending ? `#kommentar-pending-${id}` : `#comment-${id}`);
    }
    return pending ? `${pageUrl(ctx.config, site.id, uri)}#kommentar-pending-${id}` : commentPermalink(ctx.config, site.id, uri, id);
  }

  app.patch('/comments/:id', async (c) => {
    const id = idParam(c);
    const { body } = await readJson(c, editCommentSchema);
    const comment = await editComment(ctx, id, c.req.header('x-edit-token'), body, await writerOf(c));
    return c.json({ comment });
  });

  app.delete('/comments/:id', async (c) => {
    const id = idParam(c);
    const result = await deleteComment(ctx, id, c.req.header('x-edit-token'), await writerOf(c));
    return c.json({ deleted: true, placeholder: result.placeholder });
  });

  app.post('/counts', async (c) => {
    const { site, uris } = await readJson(c, countsSchema);
    requireSite(ctx.config, site);
    return c.json({ counts: await countComments(ctx, site, uris) });
  });

  app.post('/preview', async (c) => {
    const { body } = await readJson(c, previewSchema);
    return c.json({ html: renderMarkdown(body) });
  });

  return app;
}
