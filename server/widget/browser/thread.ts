/**
 * Keeps the thread on screen in line with the server's while touching only
 * what differs. The server renders the thread (the same markup as a
 * prerender, `GET /api/v1/comments.html`); a comment already shown stays the
 * same DOM node unless its stamp (`data-v`) changed, new comments are moved
 * in from the server's HTML where they belong, vanished ones removed.
 * Adopting a prerendered thread therefore causes no re-layout.
 */
import { renderOwnActions, type ThreadView } from '../markup.js';
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

/** Brings the thread on screen in line with `fresh`, the server's HTML of it (see above). */
export function syncThread(root: HTMLElement, fresh: HTMLElement): void {
  const items = new Map<string, HTMLElement>();
  for (const item of root.querySelectorAll<HTMLElement>('li.k-c')) items.set(item.id, item);
  const list = root.querySelector('.k-list')!;
  syncList(list, fresh.querySelector('.k-list')!, items);
  root.querySelector('.k-more-p')?.remove();
  const more = fresh.querySelector('.k-more-p');
  if (more) list.after(more);
  setText(root.querySelector('.k-count')!, fresh.querySelector('.k-count')!.textContent!);
}

function syncList(list: Element, fresh: Element, items: Map<string, HTMLElement>): void {
  let cursor = list.firstElementChild;
  for (const next of [...fresh.children] as HTMLElement[]) {
    // A comment not on screen yet comes with its replies, which are new too.
    const item = items.get(next.id) ?? next;
    if (item === cursor) cursor = cursor.nextElementSibling;
    else list.insertBefore(item, cursor);
    if (item === next) continue;
    if (item.dataset.v !== next.dataset.v) {
      item.querySelector(':scope > .k-art')!.replaceWith(next.querySelector(':scope > .k-art')!);
      item.dataset.v = next.dataset.v;
    }
    const replies = item.querySelector(':scope > .k-sub');
    const nextReplies = next.querySelector(':scope > .k-sub');
    if (!nextReplies) replies?.remove();
    else if (!replies) item.append(nextReplies);
    else {
      // An existing subthread keeps its open or folded state.
      setText(replies.firstElementChild!, nextReplies.firstElementChild!.textContent!);
      syncList(replies.lastElementChild!, nextReplies.lastElementChild!, items);
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
