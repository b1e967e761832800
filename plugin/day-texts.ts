/**
 * The report's `day` and `dayTime` for a build's many comments. Intl takes
 * microseconds a call and a build formats a date for nearly every comment,
 * but the texts depend only on the UTC day and minute, which repeat: a day's
 * text is formatted once, and a day-time is that day's part followed by the
 * minute's (CLDR writes a date-time as the date pattern joined to the time
 * pattern), each formatted once. A day whose day-time does not end in the
 * time formatted alone keeps Intl's own answer for every time of that day.
 */
import type { ReportWords } from '../server/report/glossary.js';

/** The API's times: ISO 8601 in UTC, so the day and the minute can be read off the text. */
const UTC_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/;

function remembered(cache: Map<string, string>, key: string, make: () => string): string {
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = make()));
  return text;
}

export function memoisedDays(words: ReportWords): Pick<ReportWords, 'day' | 'dayTime'> {
  const days = new Map<string, string>();
  const clocks = new Map<string, string>();
  /** Per day: its day-time text before the clock, or null when that day's texts are not day + clock. */
  const prefixes = new Map<string, string | null>();
  const clock = (minute: string, iso: string) => remembered(clocks, minute, () => words.date(iso, { timeStyle: 'short', timeZone: 'UTC' }));
  return {
    day: (iso) => {
      const day = UTC_ISO.exec(iso)?.[1];
      return day === undefined ? words.day(iso) : remembered(days, day, () => words.day(iso));
    },
    dayTime: (iso) => {
      const match = UTC_ISO.exec(iso);
      if (!match) return words.dayTime(iso);
      const [, day, minute] = match as unknown as [string, string, string];
      const prefix = prefixes.get(day);
      if (prefix === undefined) {
        const text = words.dayTime(iso);
        const time = clock(minute, iso);
        prefixes.set(day, text.endsWith(time) ? text.slice(0, text.length - time.length) : null);
        return text;
      }
      return prefix === null ? words.dayTime(iso) : prefix + clock(minute, iso);
    },
  };
}
