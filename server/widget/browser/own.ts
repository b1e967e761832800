/** Changing one's own comment inside the edit window: edit in place, delete after a second click. */
import { renderEditForm } from '../markup.js';
import { call } from './api.js';
import { commentId } from './thread.js';
import { ownComment, saveOwnComment } from './storage.js';
import { focusComment, refresh, say, showAnswerError, type Widget } from './widget.js';

const article = (item: HTMLElement) => item.querySelector<HTMLElement>(':scope > .k-art')!;

/** Replaces the comment's text by a form holding its Markdown source. */
export function startEdit(w: Widget, item: HTMLElement): void {
  const own = ownComment(commentId(item));
  if (!own) {
    say(w, w.view.t('error.edit_window_closed'), true);
    return;
  }
  const text = article(item).querySelector<HTMLElement>('.k-text')!;
  if (text.hidden) return;
  text.hidden = true;
  text.insertAdjacentHTML('afterend', renderEditForm(w.view.t, own.body));
  article(item).querySelector('textarea')!.focus();
}

/** Closes the edit form unchanged and gives the keyboard back to the edit button. */
export function endEdit(item: HTMLElement): void {
  article(item).querySelector('.k-eform')?.remove();
  article(item).querySelector<HTMLElement>('.k-text')!.hidden = false;
  article(item).querySelector<HTMLElement>('.k-edit')?.focus();
}

/** PATCH (with a new body) or DELETE one's own comment with its edit token, then show the thread as it now is. */
async function change(w: Widget, item: HTMLElement, form: HTMLFormElement, body?: string): Promise<'done' | 'pending' | false> {
  const id = commentId(item);
  const own = ownComment(id);
  if (!own) {
    say(w, w.view.t('error.edit_window_closed'), true);
    return false;
  }
  const answer = await call(`${w.view.server}/api/v1/comments/${id}`, body === undefined ? 'DELETE' : 'PATCH', body === undefined ? undefined : { body }, { 'X-Edit-Token': own.token });
  // 202: an edit of a public comment awaits moderation; the thread keeps the approved text meanwhile.
  if (answer.status !== 200 && answer.status !== 202) {
    showAnswerError(w, form, answer);
    return false;
  }
  saveOwnComment(id, body === undefined ? null : { ...own, body });
  await refresh(w);
  return answer.status === 202 ? 'pending' : 'done';
}

/** Sends the edited text; on success the comment is redrawn and focused. */
export async function saveEdit(w: Widget, form: HTMLFormElement): Promise<void> {
  const item = form.closest<HTMLElement>('.k-c')!;
  const result = await change(w, item, form, (form.elements.namedItem('body') as HTMLTextAreaElement).value);
  if (!result) return;
  say(w, w.view.t(result === 'pending' ? 'widget.editPending' : 'widget.updated'));
  await focusComment(w, commentId(item));
}

/** The first click arms the button ("Really delete?"), the second deletes. */
export async function deleteOwn(w: Widget, item: HTMLElement, button: HTMLElement): Promise<void> {
  if (!button.classList.contains('k-armed')) {
    button.classList.add('k-armed');
    button.textContent = w.view.t('widget.confirmDelete');
  } else if (await change(w, item, w.form)) {
    say(w, w.view.t('widget.removed'), true);
  }
}
