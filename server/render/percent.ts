/**
 * Shares (0..1) as whole percentages, the way the reader's language writes them:
 * "33%" in English, "33 %" (with a no-break space) in German. The report's text,
 * the desk and the Eleventy pages all print shares through this one function.
 */
const formats = new Map<string, Intl.NumberFormat>();

/** `share` as a whole percentage in `locale` (a BCP 47 tag); null (no data) as a dash. */
export function formatPercent(share: number | null, locale = 'en-GB'): string {
  if (share === null) return '–';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    formats.set(locale, format);
  }
  return format.format(share);
}
