/** UTC months by calendar arithmetic agree with the platform's Date on every month boundary. */
import { describe, expect, it } from 'vitest';
import { monthLabel, UtcMonths } from '../../server/dialogue/time.js';

describe('UTC months', () => {
  it('match Date on both sides of every month start from year -400 to 2400, leap years included', () => {
    const months = new UtcMonths();
    const wrong: string[] = [];
    for (let year = -400; year <= 2400; year++) {
      for (let month = 0; month < 12; month++) {
        const start = new Date(0).setUTCFullYear(year, month, 1);
        for (const at of [start - 1, start, start + 12 * 3_600_000]) {
          const date = new Date(at);
          const expected = date.getUTCFullYear() * 12 + date.getUTCMonth();
          if (months.of(at) !== expected) wrong.push(date.toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('label 29 February 2024 as 2024-02 and 1 March as 2024-03', () => {
    const months = new UtcMonths();
    expect(monthLabel(months.of(Date.UTC(2024, 1, 29, 23, 59)))).toBe('2024-02');
    expect(monthLabel(months.of(Date.UTC(2024, 2, 1)))).toBe('2024-03');
  });
});
