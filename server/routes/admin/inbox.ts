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
import { type Translator, translator } from '../../i18n/translate.js';
import { renderLimiter } from '../../limits/rate-limiter.js';
import { commentCard } from './comment-view.js';
import { countIn } from './count-query.js';
import type { DeskEnv } from './env.js';
import { formIds } from './form.js';
import { deskLanguage, deskUrl, formatTime, page } from './layout.js';
import { deskSite } from './site.js';

const answerForm = z.object({ commentId: commentIdText, body: commentBody });

/** `act`: "bulk" (the checked ids), "mark:<id>" or "unmark:<id>" on one comment. */
const acknowledgeForm = z.object({
  site: siteId.optional(),
  act: z.string().regex(/^(bulk|(mark|unmark):[1-9][0-9]{0,15})$/, 'is not an inbox action'),
  ids: formIds,
});

const MARKS_FORM = 'inbox-marks';

function answerFormView(item: CommentInContext, csrf: string, authorName: string, { t }: Translator) {
  const id = item.comment.id;
  return html`<form method="post" action="/admin/inbox/reply">
      <input type="hidden" name="csrf" value="${csrf}" />
      <input type="hidden" name="commentId" value="${id}" />
      <label for="answer-${id}">${t('desk.inbox.answer.label')} <span class="meta">(Markdown)</span></label>
      <textarea id="answer-${id}" name="body" rows="4" maxlength="10000" required></textarea>
      <div class="actions"><button class="primary" type="submit">${t('desk.inbox.answer.submit', { name: authorName })}</button></div>
    </form>
    <div class="actions">
      <label class="check"><input type="checkbox" name="ids" value="${id}" form="${MARKS_FORM}" /> ${t('desk.select')}</label>
      <button type="submit" form="${MARKS_FORM}" name="act" value="mark:${id}">${t('desk.inbox.mark')}</button>
    </div>`;
}

function noticeOf(query: Record<string, string>, { t }: Translator): { text: string } | undefined {
  if (query.answered !== undefined) return { text: t('desk.inbox.answered') };
  const marked = countIn(query, 'marked');
  if (marked !== undefined) return { text: t('desk.inbox.marked', { n: marked }) };
  const unmarked = countIn(query, 'unmarked');
  if (unmarked !== undefined) return { text: t('desk.inbox.unmarked', { n: unmarked }) };
  return undefined;
}

export function inboxRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const language = translator(deskLanguage(access, site));
    const { t } = language;
    const { waiting, acknowledged, pending } = await deskInbox(ctx, site.id);
    const now = ctx.now();
    return c.html(
      page(
        { title: t('desk.inbox.title'), desk: { access, config: ctx.config, site, section: 'inbox' }, notice: noticeOf(c.req.query(), language) },
        html`<h1>${t('desk.inbox.heading')} (<span id="waiting-count">${language.number(waiting.length)}</span>)</h1>
          <p class="meta">${t('desk.inbox.intro')}</p>
          ${pending > 0
            ? html`<p><a href="${deskUrl(ctx.config, '/admin/moderation', site)}">${t('desk.inbox.pending', { n: pending })}</a></p>`
            : ''}
          <form id="${MARKS_FORM}" method="post" action="/admin/inbox/acknowledge">
            <input type="hidden" name="csrf" value="${access.csrf}" />
            <input type="hidden" name="site" value="${site.id}" />
            ${waiting.length > 1
              ? html`<div class="actions"><button type="submit" name="act" value="bulk">${t('desk.inbox.markSelected')}</button></div>`
              : ''}
          </form>
          ${waiting.length === 0
            ? html`<p class="empty">${t('desk.inbox.empty')}</p>`
            : waiting.map((item) => commentCard(item, now, language, answerFormView(item, access.csrf, site.authorName, language)))}
          ${acknowledged.length > 0
            ? html`<h2>${t('desk.inbox.acknowledged')} (<span id="acknowledged-count">${language.number(acknowledged.length)}</span>)</h2>
                <ul class="acknowledged">
                  ${acknowledged.map(
                    (item) => html`<li id="acknowledged-${item.comment.id}">
                      <span><strong>${item.comment.name ?? t('desk.card.anonymous')}</strong> · <a href="${item.permalink}">${item.postTitle}</a> ·
                        ${formatTime(item.comment.createdAt, language)}</span>
                      <button type="submit" form="${MARKS_FORM}" name="act" value="unmark:${item.comment.id}">${t('desk.inbox.undo')}</button>
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
