/**
 * Keeps the thread on screen in line with the server's list while touching
 * only what differs: a comment already shown (prerendered or rendered before)
 * stays the same DOM node unless its content changed, new comments are
 * inserted where they belong, vanished ones removed. Adopting a prerendered
 * thread therefore causes no re-layout.
 */
import type { PublicComment } from '../../comments/public.js';
import { layoutThread, visibleCount, type DisplayNode } from '../layout.js';
import { commentAnchor, commentStamp, countLabel, hiddenCount, renderArticle, renderItem, renderMore, renderOwnActions, renderReplies, type ThreadView } from '../markup.js';
import { exactTime, relativeTime } from '../time.js';
import { ownComment } from './storage.js';

/** One element from markup produced by markup.ts. */
export function element(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as HTMLElement;
}

/** The id of the comment a list item (`id="comment-<id>"`) shows. */
export function commentId(item: Element): number {
  return Number(item.id.slice('comment-'.length));
}

function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Brings the thread on screen in line with the server's list (see above), showing the first `limit` top-level threads. */
export function syncThread(root: HTMLElement, comments: PublicComment[], view: ThreadView, limit: number): void {
  const items = new Map<string, HTMLElement>();
  for (const item of root.querySelectorAll<HTMLElement>('li.k-c')) items.set(item.id, item);
  const roots = layoutThread(comments);
  const list = root.querySelector('.k-list')!;
  const shown = roots.slice(0, limit);
  syncList(list, shown, view, items);
  root.querySelector('.k-more-p')?.remove();
  const hidden = hiddenCount(roots, shown.length);
  if (hidden > 0) list.after(element(renderMore(hidden, shown.length, view)));
  setText(root.querySelector('.k-count')!, countLabel(visibleCount(comments), view.t));
}

function syncList(list: Element, nodes: DisplayNode[], view: ThreadView, items: Map<string, HTMLElement>): void {
  let cursor = list.firstElementChild;
  for (const node of nodes) {
    const stamp = commentStamp(node);
    let item = items.get(commentAnchor(node.comment.id));
    if (!item) {
      item = element(renderItem({ ...node, children: [] }, view));
    } else if (item.dataset.v !== stamp) {
      item.querySelector(':scope > .k-art')!.replaceWith(element(renderArticle(node, view)));
      item.dataset.v = stamp;
    }
    if (item === cursor) cursor = cursor.nextElementSibling;
    else list.insertBefore(item, cursor);
    let replies = item.querySelector(':scope > .k-sub');
    if (node.children.length > 0) {
      if (!replies) item.append((replies = element(renderReplies({ ...node, children: [] }, view))));
      setText(replies.firstElementChild!, view.t('widget.replies', { n: node.replies }));
      syncList(replies.lastElementChild!, node.children, view, items);
    } else {
      replies?.remove();
    }
  }
  while (cursor) {
    const next = cursor.nextElementSibling;
    cursor.remove();
    cursor = next;
  }
}

/**
 * What depends on the reader rather than the server: relative times as of
 * now with exact times in the reader's time zone, and edit and delete buttons
 * on their own comments while the edit window is open.
 */
export function personalise(root: HTMLElement, { lang, t }: ThreadView): void {
  const now = Date.now();
  for (const time of root.querySelectorAll('time[datetime]')) {
    const iso = time.getAttribute('datetime')!;
    setText(time, relativeTime(iso, now, lang));
    time.setAttribute('title', exactTime(iso, lang));
  }
  for (const item of root.querySelectorAll('li.k-c')) {
    const actions = item.querySelector(':scope > .k-art .k-act');
    if (actions && !actions.querySelector('.k-edit') && ownComment(commentId(item))) actions.insertAdjacentHTML('beforeend', renderOwnActions(t));
  }
}
