/**
 * The dialogue pages write a date for nearly every comment, through texts
 * remembered per day and per minute (plugin/day-texts.ts). A reader must not
 * be able to tell: in every language each date reads exactly as the report's
 * words (and so the desk and the CLI) write it.
 */
import { describe, expect, it } from 'vitest';
import { stringsFor } from '../../plugin/i18n.js';
import { LANGUAGES } from '../../server/i18n/languages.js';
import { reportWords } from '../../server/report/glossary.js';

// Every 7 minutes and 13 seconds across three days around a year's end, AM and PM, with and without milliseconds.
const times = Array.from({ length: 600 }, (_, i) => new Date(Date.UTC(2025, 11, 30, 0, 3) + i * 433_000).toISOString());
const odd = ['2026-03-01T09:05:00Z', '2026-03-01T21:05:59.999Z', '2026-03-01T09:05:00+02:00', '1 March 2026', 'not a date'];
/** The text, or the error it throws (Intl refuses an invalid date; so must the remembered texts). */
const outcome = (write: () => string) => {
  try {
    return write();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('dates on the dialogue pages', () => {
  for (const lang of LANGUAGES) {
    it(`read in ${lang} as the report's words write them`, () => {
      const words = reportWords(lang);
      const strings = stringsFor(lang, lang);
      for (const iso of [...times, ...times.map((t) => t.replace(/\.\d+Z$/, 'Z'))]) {
        expect(strings.dayTime(iso)).toBe(words.dayTime(iso));
        expect(strings.dayTimeAt(Date.parse(iso))).toBe(words.dayTime(iso));
        expect(strings.day(iso)).toBe(words.day(iso));
      }
      for (const text of odd) {
        expect(outcome(() => strings.dayTime(text))).toBe(outcome(() => words.dayTime(text)));
        expect(outcome(() => strings.dayTimeAt(Date.parse(text)))).toBe(outcome(() => words.dayTime(text)));
        expect(outcome(() => strings.day(text))).toBe(outcome(() => words.day(text)));
      }
    });
  }
});
