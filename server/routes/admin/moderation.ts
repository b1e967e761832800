/** `GET /admin/moderation`: pending and spam comments; `POST /admin/moderation`: one action on one or many of them. */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import { COMMENT_ID_DIGITS, siteId } from '../../comments/schemas.js';
import type { AppContext } from '../../context.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import { EDIT_ACTIONS, MODERATION_ACTIONS, moderate, moderateEdits, moderationQueue, type EditAction, type ModerationAction } from '../../desk/moderation.js';
import { ApiError } from '../../http/errors.js';
import { parseWith } from '../../http/input.js';
import { type Translator, translator } from '../../i18n/translate.js';
import { commentCard } from './comment-view.js';
import type { DeskEnv } from './env.js';
import { formIds } from './form.js';
import { deskLanguage, deskUrl, page } from './layout.js';
import { deskSite } from './site.js';

/** The button for each action on one comment (and the bulk choice). */
function actionLabel({ t }: Translator, action: ModerationAction | EditAction): string {
  return t(`desk.moderation.action.${action}`);
}

/** `act` is the pressed button: "bulk" (the select applies to the checked ids) or "<action>:<id>" on one card. */
const moderationForm = z.object({
  site: siteId.optional(),
  act: z.string().regex(new RegExp(`^(bulk|(${[...MODERATION_ACTIONS, ...EDIT_ACTIONS].join('|')}):${COMMENT_ID_DIGITS})$`), 'is not a moderation action'),
  action: z.enum(MODERATION_ACTIONS).optional(),
  ids: formIds,
});

const resultQuery = z.object({
  done: z.enum([...MODERATION_ACTIONS, ...EDIT_ACTIONS]),
  changed: z.coerce.number().int().min(0),
  trusted: z.coerce.number().int().min(0).default(0),
});

function itemControls(item: CommentInContext, language: Translator) {
  const { comment } = item;
  const actions = MODERATION_ACTIONS.filter((action) => !(action === 'trust' && ((!comment.identityKey && !comment.commenterKey) || comment.isAuthor)))
    .filter((action) => !(action === 'spam' && comment.status === 'spam'));
  return html`<div class="actions">
    <label class="check"><input type="checkbox" name="ids" value="${comment.id}" /> ${language.t('desk.select')}</label>
    ${actions.map((action) => html`<button type="submit" name="act" value="${action}:${comment.id}">${actionLabel(language, action)}</button>`)}
  </div>`;
}

/** An edit of a public comment: what readers see now, the proposed text, and the two decisions. */
function editCard(item: CommentInContext, now: number, language: Translator) {
  const { comment } = item;
  const proposed = { ...item, comment: { ...comment, html: comment.pendingEdit?.html ?? comment.html } };
  return commentCard(
    proposed,
    now,
    language,
    html`<details class="meta"><summary>${language.t('desk.moderation.publicNow')}</summary><div class="comment">${raw(comment.html)}</div></details>
      <div class="actions">
        ${EDIT_ACTIONS.map((action) => html`<button type="submit" name="act" value="${action}:${comment.id}">${actionLabel(language, action)}</button>`)}
      </div>`,
  );
}

function resultNotice(query: Record<string, string>, { t }: Translator): { text: string } | undefined {
  const parsed = resultQuery.safeParse(query);
  if (!parsed.success) return undefined;
  const { done, changed, trusted } = parsed.data;
  const text = t(`desk.moderation.done.${done}`, { n: changed });
  return { text: trusted > 0 ? `${text} ${t('desk.moderation.done.trusted', { n: trusted })}` : text };
}

export function moderationRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/moderation', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const language = translator(deskLanguage(access, site));
    const { t } = language;
    const { pending, spam, edits } = await moderationQueue(ctx, site.id);
    const now = ctx.now();
    const cards = (items: CommentInContext[]) => items.map((item) => commentCard(item, now, language, itemControls(item, language)));
    return c.html(
      page(
        { title: t('desk.moderation.title'), desk: { access, config: ctx.config, site, section: 'moderation' }, notice: resultNotice(c.req.query(), language) },
        html`<h1>${t('desk.moderation.title')}</h1>
          <p class="meta">${t('desk.moderation.mode')} <strong>${t(`desk.moderation.mode.${site.moderation}`)}</strong></p>
          <form method="post" action="/admin/moderation">
            <input type="hidden" name="csrf" value="${access.csrf}" />
            <input type="hidden" name="site" value="${site.id}" />
            <h2>${t('desk.moderation.pending')} (<span id="pending-count">${language.number(pending.length)}</span>)</h2>
            ${pending.length === 0 ? html`<p class="empty">${t('desk.moderation.pending.empty')}</p>` : cards(pending)}
            <h2>${t('desk.moderation.edits')} (<span id="edit-count">${language.number(edits.length)}</span>)</h2>
            ${edits.length === 0 ? html`<p class="empty">${t('desk.moderation.edits.empty')}</p>` : edits.map((item) => editCard(item, now, language))}
            <h2>${t('desk.moderation.spam')} (${language.number(spam.length)})</h2>
            ${spam.length === 0 ? html`<p class="empty">${t('desk.moderation.spam.empty')}</p>` : cards(spam)}
            ${pending.length + spam.length > 0
              ? html`<div class="actions">
                  <label for="bulk-action">${t('desk.moderation.bulk')}</label>
                  <select id="bulk-action" name="action">
                    ${MODERATION_ACTIONS.map((action) => html`<option value="${action}">${actionLabel(language, action)}</option>`)}
                  </select>
                  <button class="primary" type="submit" name="act" value="bulk">${t('desk.moderation.apply')}</button>
                </div>`
              : ''}
          </form>`,
      ),
    );
  });

  app.post('/moderation', async (c) => {
    const form = parseWith(moderationForm, c.get('form'));
    const site = deskSite(ctx.config, form.site);
    let action: ModerationAction;
    let ids: number[];
    const [name, id] = form.act.split(':') as [string, string | undefined];
    if (name === 'publish-edit' || name === 'reject-edit') {
      const changed = await moderateEdits(ctx, site.id, name, [Number(id)]);
      return c.redirect(deskUrl(ctx.config, '/admin/moderation', site, { done: name, changed: String(changed) }), 303);
    }
    if (form.act === 'bulk') {
      if (!form.action || form.ids.length === 0) throw new ApiError(400, 'invalid_input', 'Select at least one comment and an action.', 'ids');
      action = form.action;
      ids = form.ids;
    } else {
      action = name as ModerationAction;
      ids = [Number(id)];
    }
    const result = await moderate(ctx, site.id, action, ids);
    const query = { done: action, changed: String(result.changed), trusted: String(result.trusted) };
    return c.redirect(deskUrl(ctx.config, '/admin/moderation', site, query), 303);
  });

  return app;
}
