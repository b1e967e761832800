/** `GET /admin/moderation`: pending and spam comments; `POST /admin/moderation`: one action on one or many of them. */
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import { siteId } from '../../comments/schemas.js';
import type { AppContext } from '../../context.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import { EDIT_ACTIONS, MODERATION_ACTIONS, moderate, moderateEdits, moderationQueue, type EditAction, type ModerationAction } from '../../desk/moderation.js';
import { ApiError } from '../../http/errors.js';
import { parseWith } from '../../http/input.js';
import { commentCard } from './comment-view.js';
import type { DeskEnv } from './env.js';
import { formIds } from './form.js';
import { deskUrl, page } from './layout.js';
import { deskSite } from './site.js';

const LABELS: Record<ModerationAction, string> = { approve: 'Approve', spam: 'Spam', delete: 'Delete', trust: 'Approve & trust' };
const EDIT_LABELS: Record<EditAction, string> = { 'publish-edit': 'Publish the edit', 'reject-edit': 'Reject the edit' };
const DONE: Record<ModerationAction | EditAction, string> = {
  approve: 'approved',
  spam: 'marked as spam',
  delete: 'deleted',
  trust: 'approved',
  'publish-edit': 'now show their edit',
  'reject-edit': 'keep their approved text',
};

/** `act` is the pressed button: "bulk" (the select applies to the checked ids) or "<action>:<id>" on one card. */
const moderationForm = z.object({
  site: siteId.optional(),
  act: z.string().regex(/^(bulk|(approve|spam|delete|trust|publish-edit|reject-edit):[1-9][0-9]{0,15})$/, 'is not a moderation action'),
  action: z.enum(MODERATION_ACTIONS).optional(),
  ids: formIds,
});

const resultQuery = z.object({
  done: z.enum([...MODERATION_ACTIONS, ...EDIT_ACTIONS]),
  changed: z.coerce.number().int().min(0),
  trusted: z.coerce.number().int().min(0).default(0),
});

function itemControls(item: CommentInContext) {
  const { comment } = item;
  const actions = MODERATION_ACTIONS.filter((action) => !(action === 'trust' && ((!comment.identityKey && !comment.commenterKey) || comment.isAuthor)))
    .filter((action) => !(action === 'spam' && comment.status === 'spam'));
  return html`<div class="actions">
    <label class="check"><input type="checkbox" name="ids" value="${comment.id}" /> Select</label>
    ${actions.map((action) => html`<button type="submit" name="act" value="${action}:${comment.id}">${LABELS[action]}</button>`)}
  </div>`;
}

/** An edit of a public comment: what readers see now, the proposed text, and the two decisions. */
function editCard(item: CommentInContext, now: number) {
  const { comment } = item;
  const proposed = { ...item, comment: { ...comment, html: comment.pendingEdit?.html ?? comment.html } };
  return commentCard(
    proposed,
    now,
    html`<details class="meta"><summary>Public now</summary><div class="comment">${raw(comment.html)}</div></details>
      <div class="actions">
        ${EDIT_ACTIONS.map((action) => html`<button type="submit" name="act" value="${action}:${comment.id}">${EDIT_LABELS[action]}</button>`)}
      </div>`,
  );
}

function resultNotice(query: Record<string, string>): { text: string } | undefined {
  const parsed = resultQuery.safeParse(query);
  if (!parsed.success) return undefined;
  const { done, changed, trusted } = parsed.data;
  const trustedText = trusted > 0 ? `; ${trusted} commenter${trusted === 1 ? '' : 's'} now skip${trusted === 1 ? 's' : ''} first-time moderation` : '';
  return { text: `${changed} comment${changed === 1 ? '' : 's'} ${DONE[done]}${trustedText}.` };
}

export function moderationRoutes(ctx: AppContext) {
  const app = new Hono<DeskEnv>();

  app.get('/moderation', async (c) => {
    const site = deskSite(ctx.config, c.req.query('site'));
    const access = c.get('desk');
    const { pending, spam, edits } = await moderationQueue(ctx, site.id);
    const now = ctx.now();
    const cards = (items: CommentInContext[]) => items.map((item) => commentCard(item, now, itemControls(item)));
    return c.html(
      page(
        { title: 'Moderation', desk: { access, config: ctx.config, site, section: 'moderation' }, notice: resultNotice(c.req.query()) },
        html`<h1>Moderation</h1>
          <p class="meta">Moderation mode for this site: <strong>${site.moderation}</strong>.</p>
          <form method="post" action="/admin/moderation">
            <input type="hidden" name="csrf" value="${access.csrf}" />
            <input type="hidden" name="site" value="${site.id}" />
            <h2>Awaiting approval (<span id="pending-count">${pending.length}</span>)</h2>
            ${pending.length === 0 ? html`<p class="empty">Nothing to moderate.</p>` : cards(pending)}
            <h2>Edits awaiting approval (<span id="edit-count">${edits.length}</span>)</h2>
            ${edits.length === 0 ? html`<p class="empty">No edits to look at.</p>` : edits.map((item) => editCard(item, now))}
            <h2>Spam (${spam.length})</h2>
            ${spam.length === 0 ? html`<p class="empty">No spam kept.</p>` : cards(spam)}
            ${pending.length + spam.length > 0
              ? html`<div class="actions">
                  <label for="bulk-action">With the selected comments:</label>
                  <select id="bulk-action" name="action">
                    ${MODERATION_ACTIONS.map((action) => html`<option value="${action}">${LABELS[action]}</option>`)}
                  </select>
                  <button class="primary" type="submit" name="act" value="bulk">Apply</button>
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
