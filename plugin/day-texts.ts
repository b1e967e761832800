/**
 * The report's `day` and `dayTime` for a build's many comments: the texts depend
 * only on the UTC day and minute, which repeat, so each is made once (a day's text
 * per day; a day-time in two parts, see server/i18n/day-clock.ts).
 */
import { dayAndClock } from '../server/i18n/day-clock.js';
import type { ReportWords } from '../server/report/glossary.js';

/** The API's times: ISO 8601 in UTC, so the day can be read off the text. */
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

/** `dayTime` of a time already parsed (milliseconds since the epoch): a chart that has parsed its times skips the test and the parse. */
export type DayTimeAt = (ms: number) => string;

export function memoisedDays(words: ReportWords): Pick<ReportWords, 'day' | 'dayTime'> & { dayTimeAt: DayTimeAt } {
  const days = new Map<string, string>();
  const dayTime = dayAndClock(
    (ms) => words.dayTime(new Date(ms).toISOString()),
    (ms) => words.date(new Date(ms).toISOString(), { timeStyle: 'short', timeZone: 'UTC' }),
  );
  return {
    day: (iso) => {
      // A test and a slice: no match array for each of a build's hundred thousand dates.
      if (!UTC_ISO.test(iso)) return words.day(iso);
      const day = iso.slice(0, 10);
      let text = days.get(day);
      if (text === undefined) days.set(day, (text = words.day(iso)));
      return text;
    },
    dayTime: (iso) => (UTC_ISO.test(iso) ? dayTime(Date.parse(iso)) : words.dayTime(iso)),
    // Any text that parses names one instant, which is all `dayTime` writes; an invalid time throws as Intl does.
    dayTimeAt: dayTime,
  };
}
