/** `GET /admin`: "Waiting for your answer", answerable in place (`POST /admin/inbox/reply`). */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { commentBody } from '../../comments/schemas.js';
import type { AppContext } from '../../context.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import { answerComment, deskInbox } from '../../desk/inbox.js';
import { parseWith } from '../../http/input.js';
import { rateLimit } from '../../http/rate-limit.js';
import { renderLimiter } from '../../limits/rate-limiter.js';
import { commentCard } from './comment-view.js';
import type { DeskEnv } from './env.js';
import { formId } from './form.js';
import { deskUrl, page } from './layout.js';
import { deskSite } from './site.js';

const answerForm = z.object({ commentId: formId, body: commentBody });

function answerFormView(item: CommentInContext, csrf: string, authorName: string) {
  const id = item.comment.id;
  return html`<form method="post" action="/admin/inbox/reply">
    <input type="hidden" name="csrf" value="${csrf}" />
    <input type="hidden" name="commentId" value="${id}" />
    <label for="answer-${id}">Your answer <span class="meta">(Markdown)</span></label>
    <textarea id="answer-${id}" name="body" rows="4" maxlength="10000" required></textarea>
    <div class="actions"><button class="primary" type="submit">Answer as ${authorName}</button></div>
  </form>`;
}

export function inboxRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const { waiting, pending } = await deskInbox(ctx, site.id);
    const now = ctx.now();
    const answered = c.req.query('answered') !== undefined;
    return c.html(
      page(
        { title: 'Waiting for your answer', desk: { access, config: ctx.config, site, section: 'inbox' }, notice: answered ? { text: 'Your answer is published.' } : undefined },
        html`<h1>Waiting for your answer (<span id="waiting-count">${waiting.length}</span>)</h1>
          ${pending > 0
            ? html`<p><a href="${deskUrl(ctx.config, '/admin/moderation', site)}">${pending} comment${pending === 1 ? '' : 's'} awaiting moderation</a></p>`
            : ''}
          ${waiting.length === 0
            ? html`<p class="empty">Nobody is waiting for you: every reader who addressed you has an answer.</p>`
            : waiting.map((item) => commentCard(item, now, answerFormView(item, access.csrf, site.authorName)))}`,
      ),
    );
  });

  // Answering renders Markdown like a preview, so it shares the rendering limit (a stolen session cannot burn the CPU).
  const limitRendering = rateLimit(ctx, renderLimiter(ctx.db, ctx.config.rateLimit), { refusal: 'Too many answers in a short time' });

  app.post('/inbox/reply', limitRendering, async (c) => {
    const { commentId, body } = parseWith(answerForm, c.get('form'));
    const created = await answerComment(ctx, commentId, body);
    const site = deskSite(ctx.config, created.row.site);
    return c.redirect(deskUrl(ctx.config, '/admin', site, { answered: String(created.row.id) }), 303);
  });

  return app;
}
