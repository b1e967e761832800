/** Comment times as people read them: "3 hours ago", with the exact date for a hover or a screen reader. */
import { dayAndClock } from '../i18n/day-clock.js';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than using one, and using one costs microseconds: a
// prerender writes two times per comment, 100,000 comments. So formatters are built once, and
// texts that repeat (a few amounts of a few units; days and minutes in UTC) are made once.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const relativeTexts = new Map<string, Map<number, string>>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();
const utcExactTexts = new Map<string, (ms: number) => string>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** "3 hours ago" / "vor 3 Stunden"; a clock running slightly ahead never yields "in 2 minutes". */
export function relativeTime(iso: string, now: number, lang: string): string {
  return relativeTimeAt(Date.parse(iso), now, lang);
}

/** `relativeTime` of a time already parsed (milliseconds since the epoch): a thread parses each comment's time once for all its texts. */
export function relativeTimeAt(ms: number, now: number, lang: string): string {
  const seconds = Math.min(0, (ms - now) / 1000);
  let unit = UNITS.findIndex(([, size]) => -seconds >= size);
  const amount = unit < 0 ? 0 : Math.round(seconds / UNITS[unit]![1]);
  if (unit < 0) unit = UNITS.length;
  const texts = cached(relativeTexts, lang, () => new Map());
  // One number per amount and unit (amounts are whole and small, units fewer than 8).
  const key = amount * 8 - unit;
  let text = texts.get(key);
  if (text === undefined) {
    const format = cached(relativeFormats, lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
    texts.set(key, (text = format.format(amount, unit < UNITS.length ? UNITS[unit]![0] : 'second')));
  }
  return text;
}

/** The exact time to the minute, in the given zone (the reader's own when omitted). */
export function exactTime(iso: string, lang: string, timeZone?: string): string {
  return exactTimeAt(Date.parse(iso), lang, timeZone);
}

/** `exactTime` of a time already parsed. */
export function exactTimeAt(ms: number, lang: string, timeZone?: string): string {
  return Number.isNaN(ms) ? '' : exactFormat(lang, timeZone).format(ms);
}

function exactFormat(lang: string, timeZone: string | undefined): Intl.DateTimeFormat {
  return cached(exactFormats, `${lang} ${timeZone ?? ''}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }));
}

/**
 * `exactTime` in UTC of a time already parsed, for the server's renderings of whole threads: the same text,
 * each day's and minute's part made once (a separate function, so the widget's
 * script, which writes the reader's own zone, leaves it out).
 */
export function exactTimeUtcAt(ms: number, lang: string): string {
  if (Number.isNaN(ms)) return '';
  const texts = cached(utcExactTexts, lang, () => {
    const clock = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: 'UTC' });
    const format = exactFormat(lang, 'UTC');
    return dayAndClock((t) => format.format(t), (t) => clock.format(t));
  });
  return texts(ms);
}
