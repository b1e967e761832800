/**
 * Kommentar for Eleventy (`import kommentar from "eleventy-plugin-kommentar"`,
 * or `"kommentar/eleventy"` from the server's package):
 *
 *   eleventyConfig.addPlugin(kommentar, { server: "https://comments.example", site: "blog" });
 *
 * Adds the shortcodes `comments`, `commentCount` and `dialogueBadge`, the
 * global data `kommentar`, and the dialogue pages (default /dialogue/). The
 * comment data is fetched once per build (two requests), cached with
 * eleventy-fetch; a build never fails because the server is away unless
 * `strict` asks for that.
 */
import { KommentarBuild } from './build-data.js';
import type { EleventyConfig } from './eleventy.js';
import { KommentarSetupError } from './errors.js';
import { buildLanguage } from './i18n.js';
import { resolveOptions, type KommentarOptions } from './options.js';
import { addDialogueTemplates } from './pages/templates.js';
import { addShortcodes } from './shortcodes.js';
import { emptySiteData, loadSiteData, problemMessage } from './site-data.js';
import { addSyndication } from './syndication.js';

export type { KommentarOptions } from './options.js';

export default function kommentarPlugin(eleventyConfig: EleventyConfig, options: KommentarOptions): void {
  requireEleventy3(eleventyConfig);
  const resolved = resolveOptions(options);

  // Everything lives in this closure: two sites built in one process never share data.
  let build = new KommentarBuild({ ...resolved, lang: buildLanguage(resolved.lang, undefined).lang }, emptySiteData());
  const current = () => build;

  eleventyConfig.on('eleventy.before', async () => {
    const data = await loadSiteData(resolved);
    if (data.problems.length > 0) {
      const message = problemMessage(data, resolved);
      if (resolved.strict) throw new KommentarSetupError(message);
      console.warn(message);
    }
    const { lang, warning } = buildLanguage(resolved.lang, data.report?.lang);
    if (warning) console.warn(warning);
    build = new KommentarBuild({ ...resolved, lang }, data);
  });

  eleventyConfig.addGlobalData('kommentar', current);
  addShortcodes(eleventyConfig, current);
  addDialogueTemplates(eleventyConfig, resolved, current);
  addSyndication(eleventyConfig, resolved);
}

/** The plugin was handed something other than an Eleventy 3 configuration: say so in one line. */
function requireEleventy3(eleventyConfig: EleventyConfig): void {
  if (typeof eleventyConfig?.versionCheck !== 'function') {
    throw new KommentarSetupError('[kommentar] this is an Eleventy plugin: add it in eleventy.config.js with eleventyConfig.addPlugin(kommentar, { server, site }) and build with Eleventy 3 or newer (npm install @11ty/eleventy)');
  }
  try {
    eleventyConfig.versionCheck('>=3.0');
  } catch {
    throw new KommentarSetupError('[kommentar] needs Eleventy 3 or newer (npm install @11ty/eleventy@3)');
  }
}

// Eleventy runs a plugin marked unique once per configuration, however often it is added.
Object.defineProperty(kommentarPlugin, 'eleventyPackage', { value: 'eleventy-plugin-kommentar' });
Object.defineProperty(kommentarPlugin, 'eleventyPluginOptions', { value: { unique: true } });
