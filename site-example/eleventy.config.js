// The example blog's Eleventy configuration: plain ESM JavaScript, the plugin
// imported through the package's own export, exactly as a blogger would.
// The comment server and site come from the environment so `npm start`, the
// tests and the benchmark can point the same site at their own server.
import kommentar from 'kommentar/eleventy';
import { configureSite, directories } from './site-setup.js';

export default function (eleventyConfig) {
  const env = process.env;
  eleventyConfig.addPlugin(kommentar, {
    server: env.KOMMENTAR_SERVER || 'http://localhost:8787',
    site: env.KOMMENTAR_SITE || 'example',
    // With the admin token the dialogue page gets the full report; without, the public one.
    ...(env.KOMMENTAR_BUILD_TOKEN ? { token: env.KOMMENTAR_BUILD_TOKEN } : {}),
    strict: env.KOMMENTAR_STRICT === '1',
    cacheDuration: env.KOMMENTAR_CACHE_DURATION || '1m',
    cacheDirectory: env.KOMMENTAR_CACHE_DIR || '.cache',
    layout: 'base.njk',
    // The dialogue pages' language; left out, the site's `lang` on the server decides.
    ...(env.KOMMENTAR_LANG ? { lang: env.KOMMENTAR_LANG } : {}),
  });
  configureSite(eleventyConfig);
  return { dir: directories };
}
