/**
 * The plugin's published types (shipped as `index.d.ts` of eleventy-plugin-kommentar
 * and of `kommentar/eleventy`). options.ts checks at compile time that its schema
 * accepts exactly these options, so the types cannot drift from what the plugin checks.
 */
import type { EleventyConfig } from './eleventy.js';

/** What a blogger passes to `eleventyConfig.addPlugin(kommentar, { … })`. */
export interface KommentarOptions {
  /** Base URL of the Kommentar server, e.g. "https://comments.example". Required. */
  server: string;
  /** The site id configured on the server, e.g. "blog". Required. */
  site: string;
  /** Where the site's dialogue report page is built; per-post pages go below it. Default "/dialogue/". */
  reportPath?: string;
  /** Build one dialogue page per post with comments (below reportPath). Default true. */
  postPages?: boolean;
  /** Admin token: fetches the full report (GET /api/v1/report) instead of the public one. */
  token?: string;
  /** Fail the build when the server cannot be reached, instead of building from the cache or without comments. Default false. */
  strict?: boolean;
  /** How long fetched data is reused without asking the server again ("30s", "1m", "1h", "0s", "*"). Default "1m". */
  cacheDuration?: string;
  /** Folder for the fetched data (eleventy-fetch's cache). Default ".cache". */
  cacheDirectory?: string;
  /** Milliseconds to wait for the server before falling back to the cache. Default 10000. */
  timeout?: number;
  /** Language of the dialogue pages, and of the badge and thread when a page does not say: "en", "de", "fr", "es" (a tag like "de-AT" counts as "de"). Default, and for a language Kommentar does not speak (with a build warning): the site's `lang` on the server, else "en". */
  lang?: string;
  /** A layout of your site to wrap the dialogue pages in (it receives `title` and `content`). */
  layout?: string;
  /** Load the widget script after the prerendered comments. Default true. */
  widget?: boolean;
}

/** The Eleventy plugin: `eleventyConfig.addPlugin(kommentar, { server, site })`. */
declare function kommentar(eleventyConfig: EleventyConfig, options: KommentarOptions): void;
export default kommentar;
