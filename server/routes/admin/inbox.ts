/**
 * `GET /admin`: readers who addressed the author and have no reply yet,
 * answerable in place (`POST /admin/inbox/reply`), or marked "no answer
 * needed" one by one or several at once, and unmarked again
 * (`POST /admin/inbox/acknowledge`).
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { commentBody, commentIdText, siteId } from '../../comments/schemas.js';
import type { AppContext } from '../../context.js';
import { acknowledgeComments } from '../../desk/acknowledge.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import { answerComment, deskInbox } from '../../desk/inbox.js';
import { ApiError } from '../../http/errors.js';
import { parseWith } from '../../http/input.js';
import { rateLimit } from '../../http/rate-limit.js';
import { renderLimiter } from '../../limits/rate-limiter.js';
import { commentCard } from './comment-view.js';
import type { DeskEnv } from './env.js';
import { formIds } from './form.js';
import { deskUrl, formatTime, page } from './layout.js';
import { deskSite } from './site.js';

const answerForm = z.object({ commentId: commentIdText, body: commentBody });

/** `act`: "bulk" (the checked ids), "mark:<id>" or "unmark:<id>" on one comment. */
const acknowledgeForm = z.object({
  site: siteId.optional(),
  act: z.string().regex(/^(bulk|(mark|unmark):[1-9][0-9]{0,15})$/, 'is not an inbox action'),
  ids: formIds,
});

const MARKS_FORM = 'inbox-marks';

function answerFormView(item: CommentInContext, csrf: string, authorName: string) {
  const id = item.comment.id;
  return html`<form method="post" action="/admin/inbox/reply">
      <input type="hidden" name="csrf" value="${csrf}" />
      <input type="hidden" name="commentId" value="${id}" />
      <label for="answer-${id}">Your answer <span class="meta">(Markdown)</span></label>
      <textarea id="answer-${id}" name="body" rows="4" maxlength="10000" required></textarea>
      <div class="actions"><button class="primary" type="submit">Answer as ${authorName}</button></div>
    </form>
    <div class="actions">
      <label class="check"><input type="checkbox" name="ids" value="${id}" form="${MARKS_FORM}" /> Select</label>
      <button type="submit" form="${MARKS_FORM}" name="act" value="mark:${id}">No answer needed</button>
    </div>`;
}

function noticeOf(query: Record<string, string>): { text: string } | undefined {
  if (query.answered !== undefined) return { text: 'Your answer is published.' };
  const marked = Number(query.marked);
  if (query.marked !== undefined && Number.isInteger(marked) && marked >= 0) {
    return { text: `${marked} comment${marked === 1 ? '' : 's'} marked “no answer needed”. The list below undoes it.` };
  }
  const unmarked = Number(query.unmarked);
  if (query.unmarked !== undefined && Number.isInteger(unmarked) && unmarked >= 0) {
    return { text: `${unmarked} comment${unmarked === 1 ? '' : 's'} back among those addressed to you.` };
  }
  return undefined;
}

export function inboxRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const { waiting, acknowledged, pending } = await deskInbox(ctx, site.id);
    const now = ctx.now();
    return c.html(
      page(
        { title: 'Addressed to you', desk: { access, config: ctx.config, site, section: 'inbox' }, notice: noticeOf(c.req.query()) },
        html`<h1>Addressed to you, no reply yet (<span id="waiting-count">${waiting.length}</span>)</h1>
          <p class="meta">Readers who wrote to you (a new comment, or a reply to yours). Answer the ones that ask for it; a thank-you note
            needs none: mark it “No answer needed” and it leaves this list and the report’s count.</p>
          ${pending > 0
            ? html`<p><a href="${deskUrl(ctx.config, '/admin/moderation', site)}">${pending} comment${pending === 1 ? '' : 's'} awaiting moderation</a></p>`
            : ''}
          <form id="${MARKS_FORM}" method="post" action="/admin/inbox/acknowledge">
            <input type="hidden" name="csrf" value="${access.csrf}" />
            <input type="hidden" name="site" value="${site.id}" />
            ${waiting.length > 1
              ? html`<div class="actions"><button type="submit" name="act" value="bulk">Selected: no answer needed</button></div>`
              : ''}
          </form>
          ${waiting.length === 0
            ? html`<p class="empty">All caught up: every reader who addressed you has an answer or needs none.</p>`
            : waiting.map((item) => commentCard(item, now, answerFormView(item, access.csrf, site.authorName)))}
          ${acknowledged.length > 0
            ? html`<h2>Marked “no answer needed” (<span id="acknowledged-count">${acknowledged.length}</span>)</h2>
                <ul class="acknowledged">
                  ${acknowledged.map(
                    (item) => html`<li id="acknowledged-${item.comment.id}">
                      <span><strong>${item.comment.name ?? 'Anonymous'}</strong> on <a href="${item.permalink}">${item.postTitle}</a>,
                        ${formatTime(item.comment.createdAt)}</span>
                      <button type="submit" form="${MARKS_FORM}" name="act" value="unmark:${item.comment.id}">Undo</button>
                    </li>`,
                  )}
                </ul>`
            : ''}`,
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

  app.post('/inbox/acknowledge', async (c) => {
    const form = parseWith(acknowledgeForm, c.get('form'));
    const site = deskSite(ctx.config, form.site);
    const [kind, one] = form.act.split(':') as ['bulk' | 'mark' | 'unmark', string | undefined];
    const ids = kind === 'bulk' ? form.ids : [Number(one)];
    if (ids.length === 0) throw new ApiError(400, 'invalid_input', 'Select at least one comment.', 'ids');
    const changed = await acknowledgeComments(ctx, site.id, ids, kind !== 'unmark');
    return c.redirect(deskUrl(ctx.config, '/admin', site, { [kind === 'unmark' ? 'unmarked' : 'marked']: String(changed) }), 303);
  });

  return app;
}
