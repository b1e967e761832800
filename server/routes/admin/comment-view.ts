/** One comment as the desk shows it: the post, the parent it answers, who wrote it and when. */
import { html, raw } from 'hono/html';
import type { CommentRow } from '../../db/comments.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import type { Translator } from '../../i18n/translate.js';
import type { Html } from '../page-shell.js';
import { formatAge, formatTime } from './layout.js';

const nameOf = (row: CommentRow, { t }: Translator) => row.name ?? t('desk.card.anonymous');

/** Where a comment from elsewhere came from, linked to its original. */
function sourceView(row: CommentRow, { t }: Translator): Html | '' {
  if (row.source === 'site' || !row.sourceUrl) return '';
  return html` · ${t('desk.card.via')} <a href="${row.sourceUrl}" rel="nofollow ugc noopener">${t(`desk.card.source.${row.source}`)}</a>`;
}

function parentView(parent: CommentRow | undefined, language: Translator): Html | '' {
  if (!parent) return '';
  const { t } = language;
  if (parent.status === 'deleted') return html`<div class="parent"><p class="meta">${t('desk.card.parent.deleted')}</p></div>`;
  const time = formatTime(parent.createdAt, language);
  return html`<div class="parent">
    <p class="meta">${parent.isAuthor ? t('desk.card.parent.you', { time }) : t('desk.card.parent', { name: nameOf(parent, language), time })}</p>
    <div class="comment">${raw(parent.html)}</div>
  </div>`;
}

/**
 * The card; `actions` go at its end (a reply form, moderation buttons).
 * Comment HTML is the stored output of the one sanitising renderer, so it is inserted as is.
 */
export function commentCard(item: CommentInContext, now: number, language: Translator, actions: Html | '' = ''): Html {
  const { comment } = item;
  const { t } = language;
  const status = comment.status === 'approved' ? '' : html` · <strong>${t(`desk.status.${comment.status}`)}</strong>`;
  return html`<article class="card" id="comment-${comment.id}">
    <p class="meta">
      <a href="${item.postUrl}">${item.postTitle}</a> · <a href="${item.permalink}"><time datetime="${new Date(comment.createdAt).toISOString()}">${formatTime(comment.createdAt, language)}</time></a>
      · ${formatAge(comment.createdAt, now, language)}${status}
    </p>
    ${parentView(item.parent, language)}
    <p class="who">
      ${comment.url ? html`<a href="${comment.url}" rel="nofollow ugc noopener">${nameOf(comment, language)}</a>` : nameOf(comment, language)}${comment.isAuthor ? ` ${t('desk.card.byYou')}` : ''}${sourceView(comment, language)}
    </p>
    <div class="comment">${raw(comment.html)}</div>
    ${actions}
  </article>`;
}
