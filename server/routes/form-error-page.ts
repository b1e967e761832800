/**
 * What a reader without JavaScript sees when their form post is refused: a
 * plain page with the reason, instead of raw JSON. Browsers keep the form's
 * text on "Back", so that is what the page suggests.
 */
import { html } from 'hono/html';
import { type Html, pageShell } from './page-shell.js';

export function formErrorPage(message: string, backUrl: string | undefined): Html {
  return pageShell(
    { lang: 'en', title: 'Your comment was not posted', bodyStyle: 'font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem' },
    html`<h1>Your comment was not posted</h1>
      <p role="alert">${message}</p>
      <p>Use your browser's Back button: your text is still in the form.</p>
      ${backUrl ? html`<p><a href="${backUrl}">Back to the post</a></p>` : ''}`,
  );
}
