/**
 * What a reader without JavaScript sees when their form post is refused: a
 * plain page with the reason, in the reader's language, instead of raw JSON.
 * Browsers keep the form's text on "Back", so that is what the page suggests.
 */
import { html } from 'hono/html';
import { CATALOGUES } from '../i18n/languages.js';
import type { Translator } from '../i18n/translate.js';
import { errorKey } from '../widget/error-key.js';
import { type Html, pageShell } from './page-shell.js';

/** Why the post was refused: the API error's stable code and field, and the seconds to wait (a rate limit). */
export interface Refusal {
  code: string;
  field?: string;
  wait: number;
}

export function formErrorPage({ lang, t }: Translator, refusal: Refusal, backUrl: string | undefined): Html {
  const reason = t(errorKey(CATALOGUES[lang], refusal.code, refusal.field), { n: refusal.wait });
  return pageShell(
    { lang, title: t('page.formError.title'), bodyStyle: 'font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem' },
    html`<h1>${t('page.formError.title')}</h1>
      <p role="alert">${reason}</p>
      <p>${t('page.formError.keepText')}</p>
      ${backUrl ? html`<p><a href="${backUrl}">${t('page.thread.returnToPost')}</a></p>` : ''}`,
  );
}
