/** One comment as the desk shows it: the post, the parent it answers, who wrote it and when. */
import { html, raw } from 'hono/html';
import type { CommentRow } from '../../db/comments.js';
import type { CommentInContext } from '../../desk/comment-context.js';
import type { Html } from '../page-shell.js';
import { formatAge, formatTime } from './layout.js';

const nameOf = (row: CommentRow) => row.name ?? 'Anonymous';

const SOURCE_NAMES = { webmention: 'a Webmention', mastodon: 'Mastodon', bluesky: 'Bluesky' } as const;

/** Where a comment from elsewhere came from, linked to its original. */
function sourceView(row: CommentRow): Html | '' {
  if (row.source === 'site' || !row.sourceUrl) return '';
  return html` · via <a href="${row.sourceUrl}" rel="nofollow ugc noopener">${SOURCE_NAMES[row.source]}</a>`;
}

function parentView(parent: CommentRow | undefined): Html | '' {
  if (!parent) return '';
  if (parent.status === 'deleted') return html`<div class="parent"><p class="meta">In reply to a deleted comment</p></div>`;
  return html`<div class="parent">
    <p class="meta">In reply to ${parent.isAuthor ? 'you' : nameOf(parent)}, ${formatTime(parent.createdAt)}</p>
    <div class="comment">${raw(parent.html)}</div>
  </div>`;
}

/**
 * The card; `actions` go at its end (a reply form, moderation buttons).
 * Comment HTML is the stored output of the one sanitising renderer, so it is inserted as is.
 */
export function commentCard(item: CommentInContext, now: number, actions: Html | '' = ''): Html {
  const { comment } = item;
  return html`<article class="card" id="comment-${comment.id}">
    <p class="meta">
      <a href="${item.postUrl}">${item.postTitle}</a> · <a href="${item.permalink}"><time datetime="${new Date(comment.createdAt).toISOString()}">${formatTime(comment.createdAt)}</time></a>
      · ${formatAge(comment.createdAt, now)} ago${comment.status === 'approved' ? '' : html` · <strong>${comment.status}</strong>`}
    </p>
    ${parentView(item.parent)}
    <p class="who">
      ${comment.url ? html`<a href="${comment.url}" rel="nofollow ugc noopener">${nameOf(comment)}</a>` : nameOf(comment)}${comment.isAuthor ? ' (you)' : ''}${sourceView(comment)}
    </p>
    <div class="comment">${raw(comment.html)}</div>
    ${actions}
  </article>`;
}
