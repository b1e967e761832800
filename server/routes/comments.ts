/**
 * The public comments API: list, create (JSON and no-JS form), edit, delete,
 * counts, preview. Every write goes one way: the body is read into the JSON
 * input (a form is mapped onto it first), then the same checks run as
 * middleware (origin, writer, rate) before the domain is called.
 */
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppContext } from '../context.js';
import { findSite, type SiteConfig } from '../config.js';
import { countComments, createComment, deleteComment, editComment, listPublicThread, type Writer } from '../comments/comments.js';
import { countsSchema, createCommentSchema, editCommentSchema, previewSchema, threadQuerySchema, threadUri, type CreateCommentInput } from '../comments/schemas.js';
import { acknowledgeComment } from '../desk/acknowledge.js';
import { hasAdminToken } from '../http/auth.js';
import { DEFAULT_LANG, langOf } from '../i18n/languages.js';
import { chooseLanguage } from '../i18n/negotiate.js';
import { translator } from '../i18n/translate.js';
import { ApiError, asApiError, handleError } from '../http/errors.js';
import { formText, idParam, isFormRequest, parseWith, readForm, readJson, readQuery, requireSite, type FormFields } from '../http/input.js';
import { checkWriteOrigin } from '../http/origin.js';
import { rateLimit } from '../http/rate-limit.js';
import { renderLimiter, writeLimiter } from '../limits/rate-limiter.js';
import { renderMarkdown } from '../render/markdown.js';
import { cachedAnswer } from './cached-answer.js';
import { formErrorPage } from './form-error-page.js';
import { commentPermalink, pageUrl, threadPageUrl } from '../urls.js';

/** Seconds a human needs at least between seeing the form and posting it. */
const MIN_FORM_FILL_MS = 3000;
/** The hidden field real readers leave empty. */
export const HONEYPOT_FIELD = 'website';

/** Form fields arrive as strings; this maps them onto the JSON shape before the same schema checks them. */
function formToInput(fields: FormFields) {
  const form = (name: string) => formText(fields, name);
  return {
    site: form('site'),
    uri: form('uri'),
    parentId: form('parentId') ? (/^\d+$/.test(form('parentId')) ? Number(form('parentId')) : form('parentId')) : undefined,
    body: form('body'),
    name: fields.name === undefined ? undefined : form('name'),
    email: fields.email === undefined ? undefined : form('email'),
    url: fields.url === undefined ? undefined : form('url'),
    title: fields.title === undefined ? undefined : form('title'),
    notify: ['on', '1', 'true'].includes(form('notify')),
    identity: form('identity') || undefined,
    /** The language the form was shown in, for the thread (emails) and the pages after the post. */
    lang: form('lang') || undefined,
  };
}

/** What the write middleware hands on. */
interface WriteEnv {
  Variables: {
    writer: Writer;
    /** The posted form, when the request was the no-JavaScript form. */
    form?: FormFields;
    input: CreateCommentInput;
    site: SiteConfig;
  };
}

export function commentRoutes(ctx: AppContext, isAuthor: (c: Context) => boolean | Promise<boolean>) {
  const app = new Hono<WriteEnv>();
  const writes = writeLimiter(ctx.db, ctx.config.rateLimit);
  const renders = renderLimiter(ctx.db, ctx.config.rateLimit);

  /** A form post refused: a browser that asked for HTML gets a readable page in the form's language with the same status; other clients JSON. */
  app.onError((error, c) => {
    const form = c.get('form');
    const refusal = asApiError(error);
    if (!form || !refusal || !(c.req.header('accept') ?? '').includes('text/html')) return handleError(error, c);
    const site = findSite(ctx.config, formText(form, 'site'));
    const uri = formText(form, 'uri');
    const back = site && threadUri.safeParse(uri).success ? pageUrl(ctx.config, site.id, uri) : undefined;
    const lang = chooseLanguage({ page: formText(form, 'lang'), acceptLanguage: c.req.header('accept-language'), siteDefault: site?.lang ?? DEFAULT_LANG });
    const wait = Number(c.res.headers.get('Retry-After'));
    c.header('Cache-Control', 'no-store');
    return c.html(formErrorPage(translator(lang), { code: refusal.code, field: refusal.field, wait }, back), refusal.status);
  });

  const identifyWriter = createMiddleware<WriteEnv>(async (c, next) => {
    c.set('writer', { isAuthor: hasAdminToken(c, ctx.config) || (await isAuthor(c)) });
    await next();
  });

  /** The body of a new comment, JSON or form, as one checked input; the form's own robot checks run here. */
  const readNewComment = createMiddleware<WriteEnv>(async (c, next) => {
    let raw: unknown;
    if (isFormRequest(c)) {
      const form = await readForm(c);
      c.set('form', form);
      raw = formToInput(form);
    }
    const input = raw === undefined ? await readJson(c, createCommentSchema) : parseWith(createCommentSchema, raw);
    c.set('input', input);
    c.set('site', requireSite(ctx.config, input.site));
    await next();
  });

  /** The form is posted by a browser, so it must name its origin; JSON from scripts may omit it. */
  const checkOrigin = createMiddleware<WriteEnv>(async (c, next) => {
    checkWriteOrigin(c, ctx.origins, c.get('site'), c.get('form') !== undefined);
    await next();
  });

  const checkFormRobots = createMiddleware<WriteEnv>(async (c, next) => {
    const form = c.get('form');
    if (form) {
      if (formText(form, HONEYPOT_FIELD)) throw new ApiError(400, 'spam_suspected', 'This form was filled in by a robot.', HONEYPOT_FIELD);
      const shownAt = Number(formText(form, 'ts'));
      if (!formText(form, 'ts') || !Number.isFinite(shownAt)) throw new ApiError(400, 'invalid_form', 'The form is missing its timestamp; reload the page and try again.', 'ts');
      if (ctx.now() - shownAt < MIN_FORM_FILL_MS) throw new ApiError(400, 'too_fast', 'That was too fast; wait a moment and send again.', 'ts');
    }
    await next();
  });

  const limitWrites = rateLimit(ctx, writes, {
    refusal: 'Too many comments and changes in a short time',
    exempt: (c) => c.get('writer').isAuthor,
  });
  const limitRendering = rateLimit(ctx, renders, { refusal: 'Too many previews in a short time' });

  app.get('/comments', async (c) => {
    const { site, uri } = readQuery(c, threadQuerySchema);
    requireSite(ctx.config, site);
    // Browsers and the widget revalidate every time; an unchanged thread costs a 304.
    c.header('Cache-Control', 'public, no-cache');
    return cachedAnswer(c, ctx, `thread\n${site}\n${uri}`, 'application/json', async () => JSON.stringify({ comments: await listPublicThread(ctx, site, uri) }), { replayable: true });
  });

  app.post('/comments', readNewComment, checkOrigin, checkFormRobots, identifyWriter, limitWrites, async (c) => {
    const site = c.get('site');
    const created = await createComment(ctx, site, c.get('input'), c.get('writer'));
    const form = c.get('form');
    if (form) return c.redirect(redirectAfterForm(site, created.row.uri, created.comment.id, created.pending, langOf(formText(form, 'lang'))), 303);
    return c.json({ comment: created.comment, editToken: created.editToken, editableUntil: created.editableUntil }, created.pending ? 202 : 201);
  });

  /** Where a no-JS post lands: the blog's page, or the server's thread page in the form's language. */
  function redirectAfterForm(site: SiteConfig, uri: string, id: number, pending: boolean, lang: string | undefined): string {
    if (site.formRedirect === 'thread') {
      const query = { ...(lang ? { lang } : {}), ...(pending ? { pending: id } : { posted: id }) };
      return threadPageUrl(ctx.config.publicUrl, site.id, uri, query) + (pending ? `#kommentar-pending-${id}` : `#comment-${id}`);
    }
    return pending ? `${pageUrl(ctx.config, site.id, uri)}#kommentar-pending-${id}` : commentPermalink(ctx.config, site.id, uri, id);
  }

  app.patch('/comments/:id', identifyWriter, limitWrites, async (c) => {
    const id = idParam(c);
    const { body } = await readJson(c, editCommentSchema);
    const edited = await editComment(ctx, id, c.req.header('x-edit-token'), body, c.get('writer'));
    return c.json({ comment: edited.comment, pending: edited.pending }, edited.pending ? 202 : 200);
  });

  app.delete('/comments/:id', identifyWriter, limitWrites, async (c) => {
    const id = idParam(c);
    const result = await deleteComment(ctx, id, c.req.header('x-edit-token'), c.get('writer'));
    return c.json({ deleted: true, placeholder: result.placeholder });
  });

  /** "No answer needed" (author only): POST marks, DELETE takes the mark back. */
  const acknowledge = (on: boolean) => async (c: Context) => {
    if (!hasAdminToken(c, ctx.config)) throw new ApiError(401, 'unauthorized', 'Only the author can mark comments "no answer needed": send the admin token.');
    return c.json(await acknowledgeComment(ctx, idParam(c), on));
  };
  app.post('/comments/:id/acknowledge', acknowledge(true));
  app.delete('/comments/:id/acknowledge', acknowledge(false));

  app.post('/counts', async (c) => {
    const { site, uris } = await readJson(c, countsSchema);
    requireSite(ctx.config, site);
    return c.json({ counts: await countComments(ctx, site, uris) });
  });

  app.post('/preview', limitRendering, async (c) => {
    const { body } = await readJson(c, previewSchema);
    return c.json({ html: renderMarkdown(body) });
  });

  return app;
}
