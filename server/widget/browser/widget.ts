/** One mounted thread: its elements and view, plus the small helpers every interaction shares. */
import { errorKey } from '../error-key.js';
import type { ThreadView, Translate } from '../markup.js';
import { diagnose, fetchMarkup, threadChanged, type Answer } from './api.js';
import { personalise, syncThread } from './thread.js';

/** A mounted thread and what every interaction with it needs. */
export interface Widget {
  root: HTMLElement;
  form: HTMLFormElement;
  view: ThreadView;
  /** The downloaded messages behind `view.t`: which error messages exist. */
  messages: object;
  /** ETag of the list on screen; null when it did not come from the API. */
  etag: string | null;
  /** Top-level threads on screen; the rest wait behind "show N more". */
  limit: number;
}

/** Ties the widget to a thread's root element (prerendered or mounted). */
export function createWidget(root: HTMLElement, view: ThreadView, messages: object, etag: string | null): Widget {
  const more = root.querySelector<HTMLElement>('.k-more');
  return { root, form: root.querySelector('.k-form')!, view, messages, etag, limit: more ? Number(more.dataset.shown) : Infinity };
}

/** Asks the server whether the thread changed and updates the screen if it did (`all`: also shows every top-level thread); rejects when it cannot tell. */
export async function refresh(w: Widget, all = false): Promise<void> {
  if (all) w.limit = Infinity;
  const { server, site, uri, lang } = w.view;
  const answer = await threadChanged(server, site, uri, all ? null : w.etag);
  if (answer.status === 200) {
    w.etag = answer.etag;
    syncThread(w.root, await fetchMarkup(server, site, uri, lang, w.limit));
  } else if (answer.status !== 304) {
    throw new Error(`HTTP ${answer.status}`);
  }
  personalise(w.root, w.view);
}

/** Shows a message in the form's live region; `focus` moves the reader there too. */
export function say(w: Widget, text: string, focus = false): void {
  const status = w.form.querySelector<HTMLElement>('.k-status')!;
  status.textContent = text;
  if (focus) {
    status.tabIndex = -1;
    status.focus();
  }
}

/**
 * What readers see when a request got no answer: a neutral note when the page is
 * not set up for the server (the blogger finds the exact fix in the console),
 * else "cannot be reached".
 */
export async function explainFailure(server: string, site: string, t: Translate, error: unknown): Promise<string> {
  const fix = await diagnose(server, site);
  console.error('[kommentar]', fix ?? error);
  return t(fix ? 'widget.unavailable' : 'error.network');
}

/**
 * Runs what a button started, once at a time (the button is disabled
 * meanwhile: no double submit); a network failure is explained in the live region.
 */
export async function act(w: Widget, button: HTMLButtonElement, action: () => Promise<unknown>): Promise<void> {
  if (button.disabled) return;
  button.disabled = true;
  try {
    await action();
  } catch (error) {
    say(w, await explainFailure(w.view.server, w.view.site, w.view.t, error), true);
  } finally {
    button.disabled = false;
  }
}

/**
 * Makes a comment visible: loads the rest of the thread when it is not on
 * screen yet (a permalink, or one's own comment beyond the first page), then
 * unfolds the subthreads around it.
 */
export async function reveal(w: Widget, id: number): Promise<HTMLElement | null> {
  // Every thread laid out (widget.css), so scrolling to the comment lands on it.
  w.root.classList.add('k-full');
  if (!w.root.querySelector(`#comment-${id}`) && w.limit !== Infinity) await refresh(w, true);
  const item = w.root.querySelector<HTMLElement>(`#comment-${id}`);
  for (let fold = item?.closest('details'); fold; fold = fold.parentElement!.closest('details')) fold.open = true;
  return item;
}

/** Moves focus to a comment (and so scrolls it into view). */
export async function focusComment(w: Widget, id: number): Promise<void> {
  const article = (await reveal(w, id))?.querySelector<HTMLElement>(':scope > .k-art');
  if (!article) return;
  article.tabIndex = -1;
  article.focus();
}

/** Removes the messages of an earlier attempt from a form. */
export function clearErrors(form: HTMLFormElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('.k-err')) error.hidden = true;
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** Shows a message at its field (the server's `error.field`) and focuses it; else in the live region. */
export function showError(w: Widget, form: HTMLFormElement, message: string, field?: string): void {
  const input = field && /^\w+$/.test(field) ? form.querySelector<HTMLElement>(`[name="${field}"]:not([type=hidden])`) : null;
  const slot = input?.nextElementSibling as HTMLElement | null | undefined;
  if (!input || !slot?.classList.contains('k-err')) {
    say(w, message, true);
    return;
  }
  say(w, ''); // no "Sending…" left beside the error
  slot.textContent = message;
  slot.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/** The reader's own message for a refused request (by its `code`, and `field`), shown at that field. */
export function showAnswerError(w: Widget, form: HTMLFormElement, { data, retry }: Answer<unknown>): void {
  const error = data?.error;
  showError(w, form, w.view.t(errorKey(w.messages, error?.code, error?.field), { n: retry }), error?.field);
}
