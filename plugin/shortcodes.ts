/**
 * The shortcodes: `comments`, `commentCount` and `dialogueBadge`. Each takes
 * the thread path as an optional first argument and defaults to the page
 * being rendered; all read the data fetched once for the build.
 */
import { escapeHtml } from '../server/render/escape.js';
import { KommentarBuild } from './build-data.js';
import type { EleventyConfig, ShortcodeThis } from './eleventy.js';
import { KommentarSetupError } from './errors.js';
import { langOf, stringsFor, type Lang } from './i18n.js';
import { shapePill } from './pages/blocks.js';
import { renderCommentsSection } from './comments-section.js';

/** A value from the template's data: Nunjucks hands over a plain object, Liquid a context with getSync. */
function dataValue(ctx: unknown, key: string): unknown {
  if (typeof ctx !== 'object' || ctx === null) return undefined;
  const liquid = ctx as { getSync?: (path: string[]) => unknown };
  if (typeof liquid.getSync === 'function') {
    try {
      return liquid.getSync([key]);
    } catch {
      // Liquid's strictVariables throws for a key the page does not have.
      return undefined;
    }
  }
  return (ctx as Record<string, unknown>)[key];
}

/** The thread a shortcode is about: its argument, else the page's own URL. */
function threadUri(self: ShortcodeThis, arg: unknown, shortcode: string): string {
  if (typeof arg === 'string' && arg !== '') return arg;
  const url = self.page?.url;
  if (typeof url === 'string' && url !== '') return url;
  throw new KommentarSetupError(`[kommentar] {% ${shortcode} %} on ${self.page?.inputPath ?? 'a page'} has no URL (permalink: false?): pass the thread path, e.g. {% ${shortcode} "/posts/x/" %}`);
}

/** The page's language tag as the site gives it: the i18n plugin's page.lang, else a `lang` data key. */
function pageTag(self: ShortcodeThis): string | undefined {
  const lang = self.page?.lang ?? dataValue(self.ctx, 'lang');
  return typeof lang === 'string' ? lang : undefined;
}

/** The page's language for the plugin's own texts, else the plugin's option. */
function pageLang(self: ShortcodeThis, fallback: Lang): Lang {
  return langOf(pageTag(self), fallback);
}

/**
 * The build whose page is being rendered: the `kommentar` global data of the
 * render context, else the plugin's latest. Eleventy caches compiled layouts
 * across Eleventy instances in one process (watch servers, tests), so a
 * layout's shortcode may belong to an earlier instance; the context never does.
 */
function buildOf(self: ShortcodeThis, current: () => KommentarBuild): KommentarBuild {
  const data = dataValue(self.ctx, 'kommentar');
  return data instanceof KommentarBuild ? data : current();
}

export function addShortcodes(config: EleventyConfig, current: () => KommentarBuild): void {
  config.addShortcode('comments', function (this: ShortcodeThis, uri?: unknown) {
    const build = buildOf(this, current);
    const thread = threadUri(this, uri, 'comments');
    return renderCommentsSection(build, thread, pageTag(this));
  });

  config.addShortcode('commentCount', function (this: ShortcodeThis, uri?: unknown) {
    return String(buildOf(this, current).thread(threadUri(this, uri, 'commentCount'))?.count ?? 0);
  });

  config.addShortcode('dialogueBadge', function (this: ShortcodeThis, uri?: unknown) {
    const build = buildOf(this, current);
    if (!build.report) return '';
    const thread = threadUri(this, uri, 'dialogueBadge');
    const strings = stringsFor(pageLang(this, build.options.lang), build.options.lang);
    const post = build.postReport(thread);
    if (!post || post.comments === 0) return `<span class="kommentar-badge kommentar-badge--silence">${shapePill('silence', strings)}</span>`;
    const numbers = [strings.countComments(post.comments), strings.countPeople(post.participants), strings.depth(post.maxDepth)].join(' · ');
    const path = build.postPagePath(thread);
    const inner = `${shapePill(post.shape, strings)} <span class="kommentar-badge-numbers">${escapeHtml(numbers)}</span>`;
    return path
      ? `<a class="kommentar-badge kommentar-badge--${post.shape}" href="${escapeHtml(path)}">${inner}</a>`
      : `<span class="kommentar-badge kommentar-badge--${post.shape}">${inner}</span>`;
  });
}
