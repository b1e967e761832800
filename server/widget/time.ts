/** Comment times as people read them: "3 hours ago", with the exact date for a hover or a screen reader. */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than using one, and using one costs microseconds: a
// prerender formats two times per comment, 100,000 comments. The texts repeat (a few amounts of a
// few units; comments within one minute), so each text is made once and kept, in bounded maps.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();
const texts = new Map<string, string>();
/** Texts kept at most; when full the map starts again (a long-running server meets ever new minutes). */
const MAX_TEXTS = 20_000;

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache === texts && texts.size >= MAX_TEXTS) texts.clear();
    cache.set(key, (value = make()));
  }
  return value;
}

/** "3 hours ago" / "vor 3 Stunden"; a clock running slightly ahead never yields "in 2 minutes". */
export function relativeTime(iso: string, now: number, lang: string): string {
  const seconds = Math.min(0, (Date.parse(iso) - now) / 1000);
  const format = cached(relativeFormats, lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (-seconds >= size) {
      const amount = Math.round(seconds / size);
      return cached(texts, `r ${lang} ${amount} ${unit}`, () => format.format(amount, unit));
    }
  }
  return cached(texts, `r ${lang} 0 second`, () => format.format(0, 'second'));
}

/** The exact time to the minute, in the given zone (the reader's own when omitted). */
export function exactTime(iso: string, lang: string, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  // Zone offsets are whole minutes (since the early 20th century), so the text changes only from one minute to the next.
  const minute = Math.floor(ms / 60_000);
  return cached(texts, `e ${lang} ${timeZone ?? ''} ${minute}`, () =>
    cached(exactFormats, `${lang} ${timeZone ?? ''}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone })).format(minute * 60_000),
  );
}
