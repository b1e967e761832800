/**
 * The one HTML of a comment thread, as pure functions from data to strings:
 * the server's no-JavaScript thread page, the HTML fragment the widget mounts
 * and updates from (`GET /api/v1/comments.html`) and the Eleventy prerender
 * render with it, so the widget can adopt a prerendered thread in place; the
 * widget itself renders only the buttons and the edit form of one's own
 * comments with it. No DOM access, no I/O. Everything but a comment's `html`
 * (which the server sanitized) is escaped here.
 */
import type { PublicComment } from '../comments/public.js';
import { threadPageUrl } from '../urls.js';
import { escapeHtml as esc } from '../render/escape.js';
import type { Lang } from '../i18n/languages.js';
import type { Translator } from '../i18n/translate.js';
import { layoutThread, visibleCount, type DisplayNode } from './layout.js';
import { exactTimeAt, exactTimeUtcAt, relativeTimeAt } from './time.js';

/** What the markup needs besides the comments. */
export interface ThreadView {
  /** The comment server's origin, e.g. "https://comments.example" (form action, no-JS reply links). */
  server: string;
  site: string;
  uri: string;
  /** The catalogue language the thread is shown in (also for times and numbers). */
  lang: Lang;
  /** The messages of `lang`: the server's catalogue, or in the browser what the widget downloaded (`widget.` and `error.`). */
  t: Translate;
  /** Milliseconds since the epoch: for relative times and the form's fill-time stamp. */
  now: number;
  /** ETag of the `GET /api/v1/comments` answer the comments came from: the widget then asks only whether anything changed. */
  etag?: string;
  /** Start the form as a reply to this comment (the no-JS reply link). */
  replyTo?: number;
  /** Time zone for the exact times (the widget uses the reader's; a prerender may pass "UTC"). */
  timeZone?: string;
  /** Whether the server sends email: without it the form offers no reply notifications. Default: it does. */
  email?: boolean;
  /** Top-level comments (with their replies) shown at first; the rest wait behind "show N more". All when absent. */
  pageSize?: number;
}

/** A subthread with more replies than this starts folded: the reader sees its size and opens it. */
export const FOLD_AFTER = 12;

/** Anchor id of a comment, the contract's `comment-<id>`. */
const commentAnchor = (id: number) => `comment-${id}`;

/** The URL if it is absolute http(s), else null: no `javascript:` or `data:` link ever reaches an href. */
export function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Changes whenever a comment's own markup would: the widget redraws a prerendered comment only when this differs. */
function commentStamp(node: DisplayNode): string {
  const { comment, replyTo } = node;
  return [comment.editedAt ?? '', comment.deleted ? 'x' : '', replyTo ? `${replyTo.id}:${replyTo.deleted ? '' : (replyTo.name ?? '')}` : ''].join('|');
}

/** Fills a message of the view's language (the type-only import keeps the catalogues out of the widget's bundle). */
export type Translate = Translator['t'];

/** A comment's exact time in the view's zone; in UTC (what the server renders in) by the faster way. */
function exactTimeOf(ms: number, view: ThreadView): string {
  return view.timeZone === 'UTC' ? exactTimeUtcAt(ms, view.lang) : exactTimeAt(ms, view.lang, view.timeZone);
}

/** The `<time>` element of a comment; the widget refreshes its text and title in place. */
function renderTime(iso: string, view: ThreadView): string {
  // Parsed once for both texts: a prerender writes one for each of a build's 100,000 comments.
  const ms = Date.parse(iso);
  return `<time datetime="${esc(iso)}" title="${esc(exactTimeOf(ms, view))}">${esc(relativeTimeAt(ms, view.now, view.lang))}</time>`;
}

/** The no-JS reply link up to the comment's id, built once per view rather than once per comment (a prerender renders thousands). */
const replyBases = new WeakMap<ThreadView, string>();
function replyHref(view: ThreadView, id: number): string {
  let base = replyBases.get(view);
  if (base === undefined) replyBases.set(view, (base = `${esc(threadPageUrl(view.server, view.site, view.uri, { lang: view.lang }))}${esc('&')}reply=`));
  return `${base}${id}#kommentar-form`;
}

/** "3 replies", escaped, made once per count and language: a prerender writes one for every comment that has replies. */
const replyLabels = new WeakMap<Translate, Map<number, string>>();
function repliesLabel(t: Translate, n: number): string {
  let labels = replyLabels.get(t);
  if (labels === undefined) replyLabels.set(t, (labels = new Map()));
  let label = labels.get(n);
  if (label === undefined) labels.set(n, (label = esc(t('widget.replies', { n }))));
  return label;
}

function replyTarget(comment: PublicComment, t: Translate): string {
  return comment.deleted ? t('widget.deletedComment') : (comment.name ?? t('widget.anonymous'));
}

/** One comment without its replies: meta line, text and actions. */
function renderArticle(node: DisplayNode, view: ThreadView): string {
  const { t } = view;
  const { comment, replyTo } = node;
  const time = `<a class="k-time" href="#${commentAnchor(comment.id)}">${renderTime(comment.createdAt, view)}</a>`;
  const to = replyTo ? `<a class="k-to" href="#${commentAnchor(replyTo.id)}">${esc(t('widget.inReplyTo', { name: replyTarget(replyTo, t) }))}</a>` : '';
  if (comment.deleted) return `<article class="k-art k-gone"><p class="k-meta">${time}${to}</p><p class="k-text">${esc(t('widget.deleted'))}</p></article>`;
  const url = httpUrl(comment.url);
  const name = esc(comment.name ?? t('widget.anonymous'));
  const who = url ? `<a class="k-name" href="${esc(url)}" rel="nofollow ugc noopener">${name}</a>` : `<b class="k-name">${name}</b>`;
  const badge = comment.isAuthor ? `<span class="k-badge">${esc(t('widget.author'))}</span>` : '';
  const edited = comment.editedAt ? `<span class="k-edited" title="${esc(exactTimeOf(Date.parse(comment.editedAt), view))}">${esc(t('widget.edited'))}</span>` : '';
  // Written elsewhere: a plain link to the original and one to answer there (nothing is loaded from it).
  const original = comment.source ? httpUrl(comment.sourceUrl ?? null) : null;
  const via = original ? `<a class="k-via" href="${esc(original)}" rel="nofollow ugc noopener">${esc(t('widget.via', { name: t(`widget.source.${comment.source!}`) }))}</a>` : '';
  const there = original ? ` <a class="k-there" href="${esc(original)}" rel="nofollow ugc noopener">${esc(t('widget.replyThere'))}</a>` : '';
  return (
    `<article class="k-art${comment.isAuthor ? ' k-author' : ''}"><p class="k-meta">${who}${badge}${time}${edited}${via}${to}</p>` +
    `<div class="k-text">${comment.html}</div>` +
    `<p class="k-act"><a class="k-reply" href="${replyHref(view, comment.id)}">${esc(t('widget.reply'))}</a>${there}</p></article>`
  );
}

/** The collapsible block of replies under a comment (a native `<details>`: works by keyboard and without JavaScript). */
function renderReplies(node: DisplayNode, view: ThreadView): string {
  return `<details class="k-sub"${node.replies > FOLD_AFTER ? '' : ' open'}><summary>${repliesLabel(view.t, node.replies)}</summary><ol class="k-list">${node.children.map((child) => renderItem(child, view)).join('')}</ol></details>`;
}

/** A comment with its nested replies, as a list item carrying the contract's `id="comment-<id>"`. */
function renderItem(node: DisplayNode, view: ThreadView): string {
  const replies = node.children.length > 0 ? renderReplies(node, view) : '';
  return `<li class="k-c" id="${commentAnchor(node.comment.id)}" data-v="${esc(commentStamp(node))}">${renderArticle(node, view)}${replies}</li>`;
}

/** Readable comments in the top-level threads from `shown` on: what "show N more" counts. */
function hiddenCount(roots: readonly DisplayNode[], shown: number): number {
  return roots.slice(shown).reduce((n, node) => n + node.replies + (node.comment.deleted ? 0 : 1), 0);
}

/**
 * "Show N more comments" under a shortened thread. Without JavaScript it
 * opens the server's page of the whole thread; the widget loads the rest in
 * place instead. `data-shown` tells the widget how many top-level threads are on screen.
 */
function renderMore(hidden: number, shown: number, view: ThreadView): string {
  const href = threadPageUrl(view.server, view.site, view.uri, { lang: view.lang });
  return `<p class="k-more-p"><a class="k-more" data-shown="${shown}" href="${esc(href)}">${esc(view.t('widget.more', { n: hidden }))}</a></p>`;
}

/** The heading text: "3 comments". */
function countLabel(count: number, t: Translate): string {
  return t('widget.comments', { n: count });
}

function field(label: string, note: string, control: string): string {
  return `<label class="k-f"><span>${esc(label)}${note ? ` <small>${esc(note)}</small>` : ''}</span>${control}<span class="k-err" hidden></span></label>`;
}

/**
 * The comment form. It posts as plain HTML without JavaScript (hidden site,
 * uri, parentId, the render time `ts` and the empty honeypot `website`); the
 * widget sends the same fields as JSON. Controls marked `data-js` only work
 * with JavaScript and start hidden.
 */
export function renderForm(view: ThreadView, replyTo: PublicComment | null = null): string {
  const { t } = view;
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${esc(value)}">`;
  const cancelHref = `${threadPageUrl(view.server, view.site, view.uri, { lang: view.lang })}#kommentar-form`;
  return (
    `<form class="k-form" id="kommentar-form" method="post" action="${esc(view.server)}/api/v1/comments" aria-label="${esc(t('page.form.label'))}">` +
    hidden('site', view.site) +
    hidden('lang', view.lang) +
    hidden('uri', view.uri) +
    hidden('parentId', replyTo ? String(replyTo.id) : '') +
    hidden('ts', String(view.now)) +
    `<p class="k-hp" aria-hidden="true"><label>${esc(t('page.form.honeypot'))} <input name="website" tabindex="-1" autocomplete="off"></label></p>` +
    `<p class="k-to-note"${replyTo ? '' : ' hidden'}><span>${esc(t('widget.replyingTo', { name: replyTo ? replyTarget(replyTo, t) : '' }))}</span> <a class="k-cancel" href="${esc(cancelHref)}">${esc(t('widget.cancel'))}</a></p>` +
    field(t('page.form.body'), '', '<textarea name="body" rows="4" maxlength="10000" required></textarea>') +
    `<p class="k-hint">${esc(t('page.form.markdownHint'))}</p>` +
    `<div class="k-pv" aria-live="polite" hidden></div>` +
    `<div class="k-row">` +
    field(t('page.form.name'), t('page.form.optional'), '<input name="name" maxlength="80" autocomplete="name">') +
    field(t('page.form.email'), t('page.form.emailNote'), '<input name="email" type="email" maxlength="254" autocomplete="email">') +
    field(t('page.form.url'), t('page.form.optional'), '<input name="url" inputmode="url" maxlength="500" autocomplete="url">') +
    `</div>` +
    (view.email === false ? '' : `<label class="k-check"><input type="checkbox" name="notify"> ${esc(t('page.form.notify'))}</label>`) +
    `<label class="k-check" data-js hidden><input type="checkbox" name="remember"> ${esc(t('page.form.remember'))}</label>` +
    `<p class="k-btns"><button type="button" class="k-pvb" aria-pressed="false" data-js hidden>${esc(t('page.form.preview'))}</button><button type="submit" class="k-send">${esc(t('page.form.submit'))}</button></p>` +
    `<p class="k-status" role="status" aria-live="polite"></p>` +
    `</form>`
  );
}

/** The buttons the widget adds to the reader's own comments while the edit window is open. */
export function renderOwnActions(t: Translate): string {
  return `<button type="button" class="k-edit">${esc(t('widget.edit'))}</button><button type="button" class="k-delete">${esc(t('widget.delete'))}</button>`;
}

/** The inline form for editing one's own comment, prefilled with its Markdown source. */
export function renderEditForm(t: Translate, source: string): string {
  return (
    `<form class="k-eform">` +
    field(t('widget.editBody'), '', `<textarea name="body" rows="4" maxlength="10000">${esc(source)}</textarea>`) +
    `<p class="k-btns"><button type="button" class="k-ecancel">${esc(t('widget.cancel'))}</button><button type="submit" class="k-send">${esc(t('widget.save'))}</button></p></form>`
  );
}

/**
 * The whole thread: count, comments at any depth, and the form. This is what
 * goes inside the embed's `<div data-kommentar-thread>`: a prerender that puts
 * it there (best with `etag`) is adopted by the widget without being redrawn,
 * and without a prerender the widget mounts the same HTML from the server.
 */
export function renderThread(comments: readonly PublicComment[], view: ThreadView): string {
  const replyTo = view.replyTo === undefined ? null : (comments.find((c) => c.id === view.replyTo && !c.deleted) ?? null);
  const etag = view.etag ? ` data-etag="${esc(view.etag)}"` : '';
  const roots = layoutThread(comments);
  const shown = roots.slice(0, view.pageSize ?? roots.length);
  const hidden = hiddenCount(roots, shown.length);
  return (
    `<section class="kommentar" lang="${view.lang}"${etag}>` +
    `<h2 class="k-count">${esc(countLabel(visibleCount(comments), view.t))}</h2>` +
    `<ol class="k-list">${shown.map((node) => renderItem(node, view)).join('')}</ol>` +
    (hidden > 0 ? renderMore(hidden, shown.length, view) : '') +
    renderForm(view, replyTo) +
    `</section>`
  );
}

/** Someone elsewhere who mentioned the post (a Webmention that is neither a reply nor a reaction). */
export interface MentionView {
  itemUrl: string;
  authorName: string | null;
}

/** "Mentioned by A, B": plain links to the mentioning pages, for the server's thread page. Empty when none. */
export function renderMentions(mentions: readonly MentionView[], t: Translate): string {
  const links = mentions.flatMap((m) => {
    const url = httpUrl(m.itemUrl);
    return url ? [`<a href="${esc(url)}" rel="nofollow ugc noopener">${esc(m.authorName ?? new URL(url).hostname)}</a>`] : [];
  });
  return links.length === 0 ? '' : `<p class="k-mentions">${esc(t('page.thread.mentionedBy'))} ${links.join(', ')}</p>`;
}
