/** Writing: the main form sent as JSON, replies in place, Markdown preview, remembered details. */
import { call } from './api.js';
import { commentId } from './thread.js';
import { identity, rememberDetails, rememberedDetails, saveOwnComment } from './storage.js';
import { clearErrors, focusComment, refresh, say, showAnswerError, showError, type Widget } from './widget.js';

interface Created {
  comment: { id: number };
  editToken: string;
  editableUntil: string;
}

const control = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement;

/** Turns on what needs JavaScript and fills in remembered details. */
export function prepareForm(w: Widget): void {
  const { form } = w;
  form.noValidate = true; // the server's messages, shown at their fields, replace the browser's bubbles
  for (const hidden of form.querySelectorAll<HTMLElement>('[data-js]')) hidden.hidden = false;
  const details = rememberedDetails();
  if (details) {
    for (const key of ['name', 'email', 'url'] as const) control(form, key).value = details[key] ?? '';
    control(form, 'remember').checked = true;
  }
}

/** Moves the form under a comment to reply to it, and puts the cursor in the text field. */
export function startReply(w: Widget, item: HTMLElement): void {
  const { form } = w;
  clearErrors(form);
  control(form, 'parentId').value = String(commentId(item));
  const note = form.querySelector<HTMLElement>('.k-to-note')!;
  const { t } = w.view;
  const label = t('widget.replyingTo', { name: item.querySelector('.k-name')?.textContent ?? t('widget.anonymous') });
  note.firstElementChild!.textContent = label;
  note.hidden = false;
  // A screen reader entering the form hears whom the reply is for.
  form.dataset.label ??= form.getAttribute('aria-label') ?? '';
  form.setAttribute('aria-label', label);
  item.querySelector(':scope > .k-art')!.after(form);
  control(form, 'body').focus();
}

/** Puts the form back under the thread; `refocus` returns the keyboard to the comment's reply link. */
export function endReply(w: Widget, refocus: boolean): void {
  const { form } = w;
  const parentId = control(form, 'parentId').value;
  control(form, 'parentId').value = '';
  form.querySelector<HTMLElement>('.k-to-note')!.hidden = true;
  if (form.dataset.label) form.setAttribute('aria-label', form.dataset.label);
  w.root.append(form);
  if (refocus && parentId) w.root.querySelector<HTMLElement>(`#comment-${parentId} > .k-art .k-reply`)?.focus();
}

/** Shows (or hides) the rendered Markdown under the text field. */
export async function togglePreview(w: Widget, button: HTMLElement): Promise<void> {
  const on = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(on));
  w.form.querySelector<HTMLElement>('.k-pv')!.hidden = !on;
  await updatePreview(w);
}

/** Renders the current text through the server's one Markdown renderer, while the preview is open. */
export async function updatePreview(w: Widget): Promise<void> {
  const panel = w.form.querySelector<HTMLElement>('.k-pv')!;
  if (panel.hidden) return;
  const answer = await call<{ html: string }>(`${w.view.server}/api/v1/preview`, 'POST', { body: control(w.form, 'body').value });
  if (answer.data?.html === undefined) showAnswerError(w, w.form, answer);
  else panel.innerHTML = answer.data.html; // sanitized by the server
}

/** Sends the form as JSON; errors go to their fields, focus to the new comment. */
export async function send(w: Widget): Promise<void> {
  const { form, view } = w;
  const { t } = view;
  clearErrors(form);
  const value = (name: string) => control(form, name).value.trim();
  const details = { name: value('name'), email: value('email'), url: value('url') };
  // No notify box when the server sends no email.
  const notifyBox = control(form, 'notify') as HTMLInputElement | null;
  const notify = notifyBox?.checked === true;
  if (notify && !details.email) return showError(w, form, t('widget.notifyNeedsEmail'), 'email');
  const body = control(form, 'body').value;
  say(w, t('widget.sending'));
  const answer = await call<Created>(`${view.server}/api/v1/comments`, 'POST', {
    site: view.site,
    uri: view.uri,
    parentId: Number(value('parentId')) || undefined,
    body,
    name: details.name || undefined,
    email: details.email || undefined,
    url: details.url || undefined,
    notify: notify || undefined,
    title: (w.root.parentElement?.dataset.kommentarTitle ?? document.title).slice(0, 300) || undefined,
    identity: identity(),
    lang: view.lang,
  });
  const created = answer.data;
  if (answer.status > 202 || !created?.comment) return showAnswerError(w, form, answer);
  const id = created.comment.id;
  saveOwnComment(id, { token: created.editToken, until: Date.parse(created.editableUntil), body });
  rememberDetails(control(form, 'remember').checked ? details : null);
  control(form, 'body').value = '';
  if (notifyBox) notifyBox.checked = false;
  form.querySelector('.k-pv')!.textContent = '';
  endReply(w, false);
  if (answer.status === 202) return say(w, t('widget.pending'), true);
  await refresh(w);
  say(w, t('widget.published'));
  await focusComment(w, id);
}
