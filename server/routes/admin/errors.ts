/**
 * Errors on the desk and on the email-linked pages, as a readable page with
 * the right status instead of JSON, worded from the catalogue in the reader's
 * language (the desk's own, or the email's). The API's English `message` is
 * for scripts and logs; a person reads a message chosen by the error's code.
 */
import type { Context, ErrorHandler } from 'hono';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../../context.js';
import { findSite } from '../../config.js';
import { chosenDeskLanguage } from '../../desk/language.js';
import { asApiError, type ApiError } from '../../http/errors.js';
import type { Lang } from '../../i18n/languages.js';
import { MAX_NESTING } from '../../render/nesting.js';
import { chooseLanguage } from '../../i18n/negotiate.js';
import { type Translator, translator } from '../../i18n/translate.js';
import type { DeskEnv } from './env.js';
import { page } from './layout.js';

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
const STATUSES: readonly Status[] = [400, 401, 403, 404, 409, 413, 422, 429, 503];

/** What went wrong, as the error page words it: the known error (none for a server fault). */
interface Refusal {
  status: Status;
  known: ApiError | HTTPException | undefined;
}

interface Wording {
  lang: Lang;
  title: string;
  message: string;
  back?: { href: string; label: string };
}

function refusalOf(error: Error): Refusal {
  const known = asApiError(error) ?? (error instanceof HTTPException ? error : undefined);
  if (!known) return { status: 500, known };
  return { status: STATUSES.find((s) => s === known.status) ?? 400, known };
}

/** An `onError` handler answering with a page; `word` says it in the right language. */
function errorPage(word: (c: Context, refusal: Refusal) => Promise<Wording>): ErrorHandler {
  return async (error, c) => {
    const refusal = refusalOf(error);
    if (refusal.status === 500) console.error('[kommentar] desk error:', error);
    const { lang, title, message, back } = await word(c, refusal);
    c.header('Cache-Control', 'no-store');
    return c.html(
      page({ title, lang, notice: { text: message, error: true } }, back ? html`<p><a href="${back.href}">${back.label}</a></p>` : html``),
      refusal.status,
    );
  };
}

/** The desk's message for a refusal, by its code (and field, where the field tells the author what to do). */
function deskMessage({ t }: Translator, { status, known }: Refusal): string {
  if (status === 500 || !known) return t('desk.error.server');
  const code = 'code' in known ? known.code : undefined;
  const field = 'field' in known ? known.field : undefined;
  switch (code) {
    case 'invalid_csrf_token':
      return t('desk.error.csrf');
    case 'unauthorized':
      return t('desk.error.unauthorized');
    case 'not_found':
      return t('desk.error.notFound');
    case 'author_comment':
      return t('desk.error.ownComment');
    case 'unknown_site':
      return t('desk.error.site');
    case 'rate_limited':
      return t('desk.error.rateLimited');
    case 'too_deeply_nested':
      return t('desk.error.nested', { max: MAX_NESTING });
    case 'invalid_form':
      return t('desk.error.form');
  }
  if (field === 'ids') return t('desk.error.select');
  if (field === 'lang') return t('desk.error.lang');
  if (field === 'body') return t('desk.error.body');
  return field ? t('desk.error.field', { field }) : t('desk.error.request');
}

/** Errors on the desk, in the desk's language (the author's choice, else the site's). */
export function deskErrorPage(ctx: AppContext): ErrorHandler<DeskEnv> {
  return errorPage(async (c, refusal) => {
    const access = (c as Context<DeskEnv>).get('desk');
    const site = findSite(ctx.config, c.req.query('site') ?? '') ?? ctx.config.sites[0]!;
    const language = translator(access?.lang ?? (await chosenDeskLanguage(ctx)) ?? site.lang);
    const { t } = language;
    return { lang: language.lang, title: t('desk.error.title'), message: deskMessage(language, refusal), back: { href: '/admin', label: t('desk.error.back') } };
  });
}

/**
 * Errors on the email-linked pages: a broken or outdated link, mostly. In the
 * email's language (the link's `lang`), else the browser's, else the first site's.
 */
export function emailLinkErrorPage(ctx: AppContext): ErrorHandler {
  return errorPage(async (c, { status }) => {
    const lang = chooseLanguage({ page: c.req.query('lang'), acceptLanguage: c.req.header('accept-language'), siteDefault: ctx.config.sites[0]!.lang });
    const { t } = translator(lang);
    return { lang, title: t('email.page.error.title'), message: status === 500 ? t('email.page.error.server') : t('email.page.error.link') };
  });
}
