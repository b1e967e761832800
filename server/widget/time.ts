/** Comment times as people read them: "3 hours ago", with the exact date for a hover or a screen reader. */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than using one; a prerender formats 100,000 times.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** "3 hours ago" / "vor 3 Stunden"; a clock running slightly ahead never yields "in 2 minutes". */
export function relativeTime(iso: string, now: number, lang: string): string {
  const seconds = Math.min(0, (Date.parse(iso) - now) / 1000);
  const format = cached(relativeFormats, lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) if (-seconds >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(0, 'second');
}

/** The exact time, in the given zone (the reader's own when omitted). */
export function exactTime(iso: string, lang: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(exactFormats, `${lang} ${timeZone ?? ''}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone })).format(date);
}
