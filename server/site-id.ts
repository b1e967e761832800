/**
 * What a site id looks like: letters, digits, "-" and "_", starting with a letter
 * or digit, at most 64 characters. The config, every API input and the Eleventy
 * plugin's options check it with this one pattern.
 */
export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
