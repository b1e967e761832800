/**
 * The links in notification emails: `GET`/`POST /notifications/confirm` (double
 * opt-in) and `GET`/`POST /notifications/unsubscribe` (RFC 8058 one-click:
 * mail clients POST straight away; a person following the link gets a page
 * with one button, so a link scanner's GET changes nothing).
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { readQuery } from '../http/input.js';
import { publishProven } from '../desk/moderation.js';
import { confirm, isValidLink, unsubscribe, type LinkAction } from '../notify/subscriptions.js';
import { renderPageError } from './admin/errors.js';
import { deskHeaders } from './admin/headers.js';
import { page } from './admin/layout.js';

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not part of a valid link');
const linkQuery = z.object({ a: token, sig: token });
const publishQuery = z.object({ c: z.string().regex(/^[1-9][0-9]{0,15}$/, 'is not part of a valid link').transform(Number), sig: token });

const TEXT: Record<LinkAction, { title: string; question: string; button: string }> = {
  confirm: { title: 'Confirm reply emails', question: 'Do you want an email when someone replies to your comments?', button: 'Yes, email me about replies' },
  unsubscribe: { title: 'Stop reply emails', question: 'Stop all reply emails to this address?', button: 'Unsubscribe' },
};

export function notificationRoutes(ctx: AppContext) {
  const app = new Hono();
  app.onError(renderPageError);
  app.use('*', deskHeaders);

  /** The address hash of a correctly signed link, else a 400. */
  const signedAddress = (c: Context, action: LinkAction) => {
    const { a, sig } = readQuery(c, linkQuery);
    if (!isValidLink(ctx.secret, action, a, sig)) throw new ApiError(400, 'invalid_link', 'This link is not valid: copy the whole link from the email.');
    return a;
  };

  for (const action of ['confirm', 'unsubscribe'] as const) {
    app.get(`/${action}`, (c) => {
      signedAddress(c, action);
      const text = TEXT[action];
      // The form posts back to this very URL, signature included.
      const self = new URL(c.req.url);
      return c.html(
        page(
          { title: text.title },
          html`<form class="narrow" method="post" action="${self.pathname}${self.search}">
            <h1>${text.title}</h1>
            <p>${text.question}</p>
            <div class="actions"><button class="primary" type="submit">${text.button}</button></div>
          </form>`,
        ),
      );
    });
  }

  // "Publish my comment": the link mailed to a known address used from an unknown browser. GET asks, POST publishes.
  app.get('/publish', (c) => {
    readQuery(c, publishQuery);
    const self = new URL(c.req.url);
    return c.html(
      page(
        { title: 'Publish your comment' },
        html`<form class="narrow" method="post" action="${self.pathname}${self.search}">
          <h1>Publish your comment</h1>
          <p>Did you write this comment? Publishing it also lets this browser's next comments through.</p>
          <div class="actions"><button class="primary" type="submit">Yes, publish it</button></div>
        </form>`,
      ),
    );
  });

  app.post('/publish', async (c) => {
    const { c: id, sig } = readQuery(c, publishQuery);
    const result = await publishProven(ctx, id, sig);
    if (result === 'invalid') throw new ApiError(400, 'invalid_link', 'This link is not valid (any more): copy the whole link from the email.');
    const message = result === 'published' ? 'Thank you: your comment is published.' : 'Nothing to do: this comment is already published or was moderated.';
    return c.html(page({ title: 'Your comment', notice: { text: message } }, html``));
  });

  app.post('/confirm', async (c) => {
    const confirmed = await confirm(ctx, signedAddress(c, 'confirm'));
    const message = confirmed
      ? 'Confirmed: you will get an email when someone replies to you.'
      : 'Nothing to confirm: this address is already confirmed, or it unsubscribed since (comment again with the box ticked to start over).';
    return c.html(page({ title: 'Reply emails', notice: { text: message } }, html``));
  });

  app.post('/unsubscribe', async (c) => {
    await unsubscribe(ctx, signedAddress(c, 'unsubscribe'));
    return c.html(page({ title: 'Reply emails', notice: { text: 'Unsubscribed: no more reply emails will be sent to this address.' } }, html``));
  });

  return app;
}
