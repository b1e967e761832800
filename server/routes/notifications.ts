/**
 * The links in notification emails: `GET`/`POST /notifications/confirm` (double
 * opt-in) and `GET`/`POST /notifications/unsubscribe` (RFC 8058 one-click:
 * mail clients POST straight away; a person following the link gets a page
 * with one button, so a link scanner's GET changes nothing), and
 * `GET`/`POST /notifications/publish`. The pages speak the email's language:
 * the link's `lang` (the thread's), else the browser's, else the first site's.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { readQuery } from '../http/input.js';
import { publishProven } from '../desk/moderation.js';
import { chooseLanguage } from '../i18n/negotiate.js';
import { type Translator, translator } from '../i18n/translate.js';
import { confirm, isValidLink, unsubscribe, type LinkAction } from '../notify/subscriptions.js';
import { emailLinkErrorPage } from './admin/errors.js';
import { deskHeaders } from './admin/headers.js';
import { page } from './admin/layout.js';

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not part of a valid link');
/** The email's language: a hint only (unsigned), so anything unknown just falls back. */
const lang = z.string().max(35).optional().catch(undefined);
const linkQuery = z.object({ a: token, sig: token, lang });
const publishQuery = z.object({ c: z.string().regex(/^[1-9][0-9]{0,15}$/, 'is not part of a valid link').transform(Number), sig: token, lang });

/** The page's texts for one kind of link: its title, the question the button answers, and the button. */
function questionFor({ t }: Translator, action: LinkAction | 'publish'): { title: string; question: string; button: string } {
  switch (action) {
    case 'confirm':
      return { title: t('email.page.confirm.title'), question: t('email.page.confirm.question'), button: t('email.page.confirm.button') };
    case 'unsubscribe':
      return { title: t('email.page.unsubscribe.title'), question: t('email.page.unsubscribe.question'), button: t('email.page.unsubscribe.button') };
    case 'publish':
      return { title: t('email.page.publish.title'), question: t('email.page.publish.question'), button: t('email.page.publish.button') };
  }
}

export function notificationRoutes(ctx: AppContext) {
  const app = new Hono();
  app.onError(emailLinkErrorPage(ctx));
  app.use('*', deskHeaders);

  const languageOf = (c: Context, hint: string | undefined): Translator =>
    translator(chooseLanguage({ page: hint, acceptLanguage: c.req.header('accept-language'), siteDefault: ctx.config.sites[0]!.lang }));

  /** The address hash of a correctly signed link and the page's language, else a 400. */
  const signedLink = (c: Context, action: LinkAction) => {
    const { a, sig, lang: hint } = readQuery(c, linkQuery);
    if (!isValidLink(ctx.secret, action, a, sig)) throw new ApiError(400, 'invalid_link', 'This link is not valid: copy the whole link from the email.');
    return { address: a, language: languageOf(c, hint) };
  };

  /** The page behind a link: one question and one button, which posts back to this very URL, signature included. */
  const askPage = (c: Context, language: Translator, action: LinkAction | 'publish') => {
    const text = questionFor(language, action);
    const self = new URL(c.req.url);
    return c.html(
      page(
        { title: text.title, lang: language.lang },
        html`<form class="narrow" method="post" action="${self.pathname}${self.search}">
          <h1>${text.title}</h1>
          <p>${text.question}</p>
          <div class="actions"><button class="primary" type="submit">${text.button}</button></div>
        </form>`,
      ),
    );
  };

  /** The page after the button: one line saying what happened. */
  const donePage = (c: Context, language: Translator, title: string, message: string) =>
    c.html(page({ title, lang: language.lang, notice: { text: message } }, html``));

  for (const action of ['confirm', 'unsubscribe'] as const) {
    app.get(`/${action}`, (c) => askPage(c, signedLink(c, action).language, action));
  }

  // "Publish my comment": the link mailed to a known address used from an unknown browser. GET asks, POST publishes.
  app.get('/publish', (c) => askPage(c, languageOf(c, readQuery(c, publishQuery).lang), 'publish'));

  app.post('/publish', async (c) => {
    const { c: id, sig, lang: hint } = readQuery(c, publishQuery);
    const result = await publishProven(ctx, id, sig);
    if (result === 'invalid') throw new ApiError(400, 'invalid_link', 'This link is not valid (any more): copy the whole link from the email.');
    const language = languageOf(c, hint);
    const { t } = language;
    return donePage(c, language, t('email.page.publish.done.title'), result === 'published' ? t('email.page.publish.done') : t('email.page.publish.nothing'));
  });

  app.post('/confirm', async (c) => {
    const { address, language } = signedLink(c, 'confirm');
    const confirmed = await confirm(ctx, address);
    const { t } = language;
    return donePage(c, language, t('email.page.done.title'), confirmed ? t('email.page.confirm.done') : t('email.page.confirm.nothing'));
  });

  app.post('/unsubscribe', async (c) => {
    const { address, language } = signedLink(c, 'unsubscribe');
    await unsubscribe(ctx, address);
    return donePage(c, language, language.t('email.page.done.title'), language.t('email.page.unsubscribe.done'));
  });

  return app;
}
