/** Comment times: the remembered texts are exactly what Intl writes, in every language and zone. */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../server/i18n/languages.js';
import { exactTime, exactTimeUtcAt, relativeTime } from '../../server/widget/time.js';

/** Times spread over decades, with seconds, so minutes repeat and cross day and year boundaries. */
function sampleTimes(count: number): string[] {
  let seed = 7;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  return Array.from({ length: count }, () => new Date(Date.UTC(1990, 0, 1) + Math.floor(random() * 40 * 365 * 86_400_000)).toISOString());
}

describe('comment times', () => {
  const times = sampleTimes(3000);
  for (const lang of LANGUAGES) {
    it(`writes the exact time as Intl does, the remembered UTC texts too (${lang})`, () => {
      for (const timeZone of ['UTC', 'Europe/Berlin', 'Asia/Kolkata', undefined]) {
        const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone });
        for (const iso of times) {
          expect(exactTime(iso, lang, timeZone)).toBe(intl.format(new Date(iso)));
          if (timeZone === 'UTC') {
            expect(exactTimeUtcAt(Date.parse(iso), lang)).toBe(intl.format(new Date(iso)));
            expect(exactTimeUtcAt(Date.parse(iso), lang)).toBe(intl.format(new Date(iso)));
          }
        }
      }
    });

    it(`writes relative times as Intl does (${lang})`, () => {
      const now = Date.parse('2026-12-02T12:00:00Z');
      const intl = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
      const expected = (seconds: number) => {
        for (const [unit, size] of [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60]] as const) {
          if (seconds >= size) return intl.format(-Math.round(seconds / size) || 0, unit);
        }
        return intl.format(0, 'second');
      };
      for (const seconds of [0, 30, 59, 60, 61, 3599, 3600, 7200, 86_399, 86_400, 200_000, 604_800, 2_592_000, 40_000_000, 400_000_000]) {
        expect(relativeTime(new Date(now - seconds * 1000).toISOString(), now, lang)).toBe(expected(seconds));
      }
    });
  }

  it('gives no text for a time that is not one', () => {
    expect(exactTime('not a date', 'en', 'UTC')).toBe('');
    expect(exactTimeUtcAt(Date.parse('not a date'), 'en')).toBe('');
  });
});
