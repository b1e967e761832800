/**
 * `{% comments %}`: the thread prerendered with the widget's own markup
 * (server/widget/markup.ts), so readers without JavaScript and search
 * engines get the comments and a working form, and the widget, when it
 * loads, adopts this HTML in place instead of drawing it again.
 */
import { escapeHtml } from '../server/render/escape.js';
import { pickLang } from '../server/widget/i18n/index.js';
import { renderThread } from '../server/widget/markup.js';
import type { KommentarBuild } from './build-data.js';
import type { Lang } from './i18n.js';

export function renderCommentsSection(build: KommentarBuild, uri: string, lang: Lang): string {
  const { server, site, widget, pageSize } = build.options;
  const comments = build.thread(uri)?.comments ?? [];
  // Relative times are as of the build; the widget refreshes them. Exact times in UTC keep builds reproducible.
  // The widget's own languages until it reads the shared catalogues (#17, widget surface).
  const thread = renderThread(comments, { server, site, uri, lang: pickLang(lang), now: build.builtAt, timeZone: 'UTC', email: build.data.email, pageSize });
  const embed = `<div data-kommentar-thread="${escapeHtml(uri)}" data-kommentar-site="${escapeHtml(site)}" data-kommentar-lang="${lang}">${thread}</div>`;
  // The stylesheet link also serves readers without JavaScript; the widget sees it and does not add a second.
  // The Webmention endpoint, found by W3C discovery anywhere in the page.
  const styles = `<link rel="stylesheet" href="${escapeHtml(server)}/widget.css"><link rel="webmention" href="${escapeHtml(server)}/webmention">`;
  return widget ? `${styles}${embed}<script src="${escapeHtml(server)}/widget.js" async></script>` : `${styles}${embed}`;
}
