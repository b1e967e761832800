/**
 * Registers the dialogue pages as virtual templates: the site page at
 * `reportPath`, paginated over the report's posts one page per post with
 * comments, and the stylesheet they all link. They exist in the build
 * without files in the blogger's repo.
 */
import type { EleventyConfig, TemplateData } from '../eleventy.js';
import type { KommentarBuild, PostPage } from '../build-data.js';
import { stringsFor } from '../i18n.js';
import type { ResolvedOptions } from '../options.js';
import { standaloneDocument } from './document.js';
import { renderPostPage } from './post-page.js';
import { stylesheetPath } from './paths.js';
import { renderSitePage } from './site-page.js';
import { REPORT_CSS } from './style.js';

const SITE_TEMPLATE = 'kommentar-dialogue.11ty.js';
const POST_TEMPLATE = 'kommentar-dialogue-post.11ty.js';
const STYLE_TEMPLATE = 'kommentar-dialogue-style.11ty.js';

const postOf = (data: TemplateData) => data.kommentarPost as PostPage;

export function addDialogueTemplates(config: EleventyConfig, options: ResolvedOptions, current: () => KommentarBuild): void {
  // The language is settled per build (the server's site `lang` may decide it), so every text is looked up when a page renders.
  const strings = () => stringsFor(current().options.lang, current().options.lang);
  const pageTitle = () => strings().t('report.page.title');
  const postTitle = (data: TemplateData) => strings().t('report.page.postTitle', { title: postOf(data).title });
  const wrap = (title: string, body: string) => (options.layout ? body : standaloneDocument(title, current().options.lang, body));
  const shared: TemplateData = { eleventyExcludeFromCollections: true, ...(options.layout ? { layout: options.layout } : {}) };

  // Switched off on the server (no report, nothing went wrong): no pages. Unreachable: a page that says so.
  const hasPages = () => current().report !== null || current().data.problems.length > 0;

  config.addTemplate(SITE_TEMPLATE, () => wrap(pageTitle(), renderSitePage(current())), {
    ...shared,
    eleventyComputed: { lang: () => current().options.lang, title: pageTitle },
    permalink: () => (hasPages() ? options.reportPath : false),
  });

  // Written as it is: no layout, whatever the site's data says.
  config.addTemplate(STYLE_TEMPLATE, () => REPORT_CSS, {
    eleventyExcludeFromCollections: true,
    layout: false,
    permalink: () => (hasPages() ? stylesheetPath(options.reportPath) : false),
  });

  config.addTemplate(POST_TEMPLATE, (data) => wrap(postTitle(data), renderPostPage(current(), postOf(data))), {
    ...shared,
    pagination: { data: 'kommentar.postPages', size: 1, alias: 'kommentarPost', addAllPagesToCollections: false },
    permalink: (data: TemplateData) => postOf(data).path,
    eleventyComputed: { lang: () => current().options.lang, title: postTitle },
  });
}
