/** Errors on the desk and notification pages, as a readable page with the right status instead of JSON. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { asApiError } from '../../http/errors.js';
import { page } from './layout.js';

export function renderPageError(error: Error, c: Context): Response | Promise<Response> {
  let status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503 = 500;
  let message = 'Something went wrong on the server.';
  const known = asApiError(error) ?? (error instanceof HTTPException ? error : undefined);
  if (known) {
    status = ([400, 401, 403, 404, 409, 413, 429, 503] as const).find((s) => s === known.status) ?? 400;
    message = known.message || 'Bad request.';
  } else {
    console.error('[kommentar] desk error:', error);
  }
  c.header('Cache-Control', 'no-store');
  return c.html(page({ title: 'Problem', notice: { text: message, error: true } }, html`<p><a href="/admin">Back to the desk</a></p>`), status);
}
