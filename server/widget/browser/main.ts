/**
 * The embeddable widget (bundled to /widget.js). For every
 * `<div data-kommentar-thread>` on the page it adopts the prerendered thread
 * in place, or mounts the server-rendered one, from the server the script
 * came from; then wires up replying, preview, editing and deleting. It talks to no one but that
 * server and keeps nothing but localStorage entries.
 */
import type { Lang } from '../../i18n/languages.js';
import { formatMessage, type Message } from '../../i18n/message.js';
import type { Translate } from '../markup.js';
import { call, fetchMarkup } from './api.js';
import { endReply, prepareForm, send, startReply, togglePreview, updatePreview } from './compose.js';
import { deleteOwn, endEdit, saveEdit, startEdit } from './own.js';
import { personalise } from './thread.js';
import { followHostTheme } from './theme.js';
import { act, createWidget, explainFailure, refresh, reveal, say, type Widget } from './widget.js';

const script = (document.currentScript ?? document.querySelector('script[src*="/widget.js"]')) as HTMLScriptElement | null;
/** The comment server: where this script was loaded from (a path prefix behind a proxy is kept). */
const server = (script?.src ?? '').replace(/\/widget\.js([?#].*)?$/, '');

/** Loads the stylesheet once; resolves when it applied (or failed), so the thread never flashes unstyled. */
function loadStyles(): Promise<unknown> {
  const href = `${server}/widget.css`;
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
  return new Promise((resolve) => (link.onload = link.onerror = resolve));
}

/** Set by the build from the catalogues (build.mjs): the messages' version, and "cannot be reached" in every language. */
declare const KOMMENTAR_MESSAGES_VERSION: string;
declare const KOMMENTAR_OFFLINE: Record<string, string>;

/** A language's messages as the server sent them, and the function that fills them in. */
interface Text {
  lang: Lang;
  messages: Record<string, Message>;
  t: Translate;
}

/**
 * The widget's messages for the page's language tag. The server picks the
 * language (the tag's, else the site's default) and answers it; the URL names
 * the messages' version, so browsers keep the answer until a new build.
 */
function loadText(tag: string, site = ''): Promise<Text> {
  const query = new URLSearchParams({ v: KOMMENTAR_MESSAGES_VERSION, lang: tag.toLowerCase(), site });
  return call<Omit<Text, 't'>>(`${server}/widget/messages.json?${query}`).then(({ data }) => {
    const { lang, messages } = data ?? {};
    return messages && lang ? { lang, messages, t: (key, vars) => formatMessage(messages[key] ?? '', lang, vars) } : Promise.reject(new Error('no messages'));
  });
}

let onlySite: Promise<string> | undefined;

/** Without `data-kommentar-site` the thread belongs to the server's only site. */
function defaultSite(): Promise<string> {
  return (onlySite ??= fetch(`${server}/widget.json`, { credentials: 'omit' })
    .then((response) => response.json())
    .then((answer: { site: string | null }) => answer.site ?? Promise.reject(new Error('several sites here: set data-kommentar-site'))));
}

function wire(w: Widget): void {
  const { root, form } = w;
  prepareForm(w);
  root.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLButtonElement>('a, button');
    const item = target?.closest<HTMLElement>('.k-c');
    const is = (name: string) => target?.classList.contains(name);
    if (is('k-reply') && item) startReply(w, item);
    else if (is('k-cancel')) endReply(w, true);
    else if (is('k-pvb')) void act(w, target!, () => togglePreview(w, target!));
    else if (is('k-edit') && item) startEdit(w, item);
    else if (is('k-ecancel') && item) endEdit(item);
    else if (is('k-delete') && item) void act(w, target!, () => deleteOwn(w, item, target!));
    else if (is('k-more')) void refresh(w, true).catch(() => say(w, w.view.t('error.network')));
    else return;
    event.preventDefault();
  });
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = event.target as HTMLFormElement;
    void act(w, target.querySelector('.k-send')!, () => (target === form ? send(w) : saveEdit(w, target)));
  });
  window.addEventListener('hashchange', () => void openPermalink(w));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && form.querySelector('.k-to-note:not([hidden])')) endReply(w, true);
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLTextAreaElement).name !== 'body') return;
    clearTimeout(typing);
    typing = setTimeout(() => updatePreview(w).catch(() => say(w, w.view.t('error.network'))), 500);
  });
}

/** Top-level threads shown at first unless the embed says `data-kommentar-page-size`. */
const PAGE_SIZE = 30;

/** Top-level threads in the very first frame. */
const FIRST_FRAME_THREADS = 3;

/** Resolves once the browser has rendered the next frame. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** A `#comment-ID` link opens the comment even when it is folded or not loaded yet. */
async function openPermalink(w: Widget): Promise<void> {
  const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
  if (id) (await reveal(w, Number(id)))?.scrollIntoView();
}

async function mount(container: HTMLElement, styles: Promise<unknown>): Promise<void> {
  const tag = container.dataset.kommentarLang ?? container.closest('[lang]')?.getAttribute('lang') ?? '';
  const prerendered = container.querySelector<HTMLElement>(':scope > .kommentar');
  let site = container.dataset.kommentarSite;
  // Asked at once, beside the thread: the first comment waits for neither.
  const text = loadText(tag, site);
  // When the messages cannot be loaded: the one text the script carries.
  const offline: Translate = () => KOMMENTAR_OFFLINE[tag.toLowerCase().split('-')[0]!] ?? KOMMENTAR_OFFLINE.en!;
  text.then(
    ({ t }) => container.firstElementChild || (container.innerHTML = `<p class="k-loading" role="status">${t('widget.loading')}</p>`),
    () => {},
  );
  try {
    site ||= await defaultSite();
    const uri = container.dataset.kommentarThread || location.pathname;
    const view = { server, site, uri, now: Date.now() };
    if (prerendered) {
      // Adopted in place: the server is asked only whether anything changed since the prerender.
      followHostTheme(prerendered, container);
      const { lang, messages, t } = await text;
      const w = createWidget(prerendered, { ...view, lang, t }, messages, prerendered.dataset.etag ?? null);
      wire(w);
      await refresh(w);
      await openPermalink(w);
      return;
    }
    // The server's markup is in the page's language already: on screen at once, wired once the messages are in.
    const [root] = await Promise.all([fetchMarkup(server, site, uri, tag, Number(container.dataset.kommentarPageSize) || PAGE_SIZE), styles]);
    // The theme first, while the thread is not in the page: reading the host's colours then restyles only the host.
    followHostTheme(root, container);
    // The first threads alone make the first frame (a screenful, at a fraction of the layout); the rest follow in the next.
    const later = [...root.querySelectorAll(':scope > .k-list > .k-c')].slice(FIRST_FRAME_THREADS);
    const list = later[0]?.parentElement;
    for (const item of later) item.remove();
    container.replaceChildren(root);
    // Painted before anything is wired or personalised: the reader sees the comments a frame sooner (a tab in the background wires when shown).
    await nextFrame();
    list?.append(...later);
    const { lang, messages, t } = await text;
    const w = createWidget(root, { ...view, lang, t }, messages, null);
    wire(w);
    personalise(root, w.view);
    await openPermalink(w);
  } catch (error) {
    // The messages may still be on their way when the thread fails.
    const { t } = await text.catch(() => ({ t: offline }));
    const message = await explainFailure(server, site ?? '', t, error);
    // A thread on screen stays readable (and its form posts without JavaScript).
    if (!container.querySelector(':scope > .kommentar')) container.innerHTML = `<p class="k-loading" role="status">${message}</p>`;
  }
}

function boot(): void {
  const styles = loadStyles();
  for (const container of document.querySelectorAll<HTMLElement>('[data-kommentar-thread], [data-kommentar-site]')) {
    if (container.dataset.kommentarReady) continue;
    container.dataset.kommentarReady = '1';
    void mount(container, styles);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
