/**
 * What a reader without JavaScript sees when their form post is refused: a
 * plain page with the reason, instead of raw JSON. Browsers keep the form's
 * text on "Back", so that is what the page suggests.
 */
import { escapeHtml } from '../render/escape.js';

export function formErrorPage(message: string, backUrl: string | undefined): string {
  const back = backUrl ? `<p><a href="${escapeHtml(backUrl)}">Back to the post</a></p>` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Your comment was not posted</title><meta name="robots" content="noindex"></head>' +
    '<body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">' +
    `<h1>Your comment was not posted</h1><p role="alert">${escapeHtml(message)}</p>` +
    `<p>Use your browser's Back button: your text is still in the form.</p>${back}</body></html>`
  );
}
