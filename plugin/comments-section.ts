/**
 * `{% comments %}`: the thread prerendered with the widget's own markup
 * (server/widget/markup.ts), so readers without JavaScript and search
 * engines get the comments and a working form, and the widget, when it
 * loads, adopts this HTML in place instead of drawing it again.
 */
import { langOf } from '../server/i18n/languages.js';
import { translator } from '../server/i18n/translate.js';
import { escapeHtml } from '../server/render/escape.js';
import { renderThread } from '../server/widget/markup.js';
import type { KommentarBuild } from './build-data.js';

/** The section for the thread `uri` on a page whose language tag is `pageTag`: in that language if Kommentar speaks it, else in the plugin's `lang`. */
export function renderCommentsSection(build: KommentarBuild, uri: string, pageTag: string | undefined): string {
  const { server, site, widget, pageSize } = build.options;
  const { lang, t } = translator(langOf(pageTag) ?? build.options.lang);
  const comments = build.thread(uri)?.comments ?? [];
  // Relative times are as of the build; the widget refreshes them. Exact times in UTC keep builds reproducible.
  const thread = renderThread(comments, { server, site, uri, lang, t, now: build.builtAt, timeZone: 'UTC', email: build.data.email, pageSize });
  // The widget downloads its messages for this language, so it goes on speaking the prerender's.
  const embed = `<div data-kommentar-thread="${escapeHtml(uri)}" data-kommentar-site="${escapeHtml(site)}" data-kommentar-lang="${lang}">${thread}</div>`;
  // The stylesheet link also serves readers without JavaScript; the widget sees it and does not add a second.
  // The Webmention endpoint, found by W3C discovery anywhere in the page.
  const styles = `<link rel="stylesheet" href="${escapeHtml(server)}/widget.css"><link rel="webmention" href="${escapeHtml(server)}/webmention">`;
  return widget ? `${styles}${embed}<script src="${escapeHtml(server)}/widget.js" async></script>` : `${styles}${embed}`;
}
