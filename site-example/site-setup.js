// The example blog's own Eleventy setup, apart from the comments: its date
// filters and folders. eleventy.config.js adds Kommentar on top; the
// benchmark builds the same site without it for comparison.

export function configureSite(eleventyConfig) {
  eleventyConfig.addFilter('isoDate', (date) => new Date(date).toISOString().slice(0, 10));
  eleventyConfig.addFilter('readableDate', (date, lang) =>
    new Date(date).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  );
}

export const directories = { includes: '_includes', data: '_data' };
