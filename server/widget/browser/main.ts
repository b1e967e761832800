/**
 * The embeddable widget (bundled to /widget.js). For every
 * `<div data-kommentar-thread>` on the page it adopts the prerendered thread
 * in place, or mounts the server-rendered one, from the server the script
 * came from; then wires up replying, preview, editing and deleting. It talks to no one but that
 * server and keeps nothing but localStorage entries.
 */
import { STRINGS, pickLang } from '../i18n/index.js';
import { endReply, prepareForm, send, startReply, togglePreview, updatePreview } from './compose.js';
import { deleteOwn, endEdit, saveEdit, startEdit } from './own.js';
import { element, personalise } from './thread.js';
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
    else if (is('k-more')) void refresh(w, true).catch(() => say(w, w.s.failed));
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
    typing = setTimeout(() => updatePreview(w).catch(() => say(w, w.s.failed)), 500);
  });
}

/** Top-level threads shown at first unless the embed says `data-kommentar-page-size`. */
const PAGE_SIZE = 30;

/** The first page of the thread as HTML rendered by the server with the same markup a prerender has (one request, no client-side layout). */
async function fetchMarkup(site: string, uri: string, lang: string, limit: string): Promise<HTMLElement> {
  const response = await fetch(`${server}/api/v1/comments.html?${new URLSearchParams({ site, uri, lang, limit })}`, { credentials: 'omit' });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return element(await response.text());
}

/** A `#comment-ID` link opens the comment even when it is folded or not loaded yet. */
async function openPermalink(w: Widget): Promise<void> {
  const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
  if (id) (await reveal(w, Number(id)))?.scrollIntoView();
}

async function mount(container: HTMLElement, styles: Promise<unknown>): Promise<void> {
  const lang = pickLang(container.dataset.kommentarLang ?? container.closest('[lang]')?.getAttribute('lang'));
  const prerendered = container.querySelector<HTMLElement>(':scope > .kommentar');
  let site = container.dataset.kommentarSite;
  try {
    const view = {
      server,
      site: (site ||= await defaultSite()),
      uri: container.dataset.kommentarThread || location.pathname,
      lang,
      now: Date.now(),
    };
    if (prerendered) {
      // Adopted in place: the server is asked only whether anything changed since the prerender.
      const w = createWidget(prerendered, view, prerendered.dataset.etag ?? null);
      followHostTheme(prerendered, container);
      wire(w);
      await refresh(w);
      await openPermalink(w);
      return;
    }
    container.innerHTML = `<p class="k-loading" role="status">${STRINGS[lang].loading}</p>`;
    const [root] = await Promise.all([fetchMarkup(view.site, view.uri, lang, container.dataset.kommentarPageSize || String(PAGE_SIZE)), styles]);
    const w = createWidget(root, view, null);
    wire(w);
    personalise(root, lang);
    container.replaceChildren(root);
    followHostTheme(root, container);
    await openPermalink(w);
  } catch (error) {
    const message = await explainFailure(server, site ?? '', STRINGS[lang], error);
    if (!prerendered) container.innerHTML = `<p class="k-loading" role="status">${message}</p>`;
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
