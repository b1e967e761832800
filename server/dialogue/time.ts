/** UTC calendar helpers: months and days as plain integers so they can key Maps and compare cheaply. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Days since the epoch, UTC. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * UTC months as integers, year * 12 + month (0-based): consecutive months are
 * consecutive integers. Remembers the last day looked up, because the comments
 * of one post mostly share one; each report owns one, so no state outlives it.
 */
export class UtcMonths {
  #month = 0;
  #start = 0;
  #end = -1; // empty range: nothing remembered yet

  of(ms: number): number {
    if (ms >= this.#start && ms < this.#end) return this.#month;
    const day = utcDay(ms);
    this.#month = monthOfDay(day);
    this.#start = day * DAY_MS;
    this.#end = this.#start + DAY_MS;
    return this.#month;
  }
}

/**
 * The month index of a day since the epoch, by the civil calendar's arithmetic (H. Hinnant's
 * civil_from_days) rather than a Date: the site's readers' first comments fall on days all
 * over, and a Date per reader was most of the cohort count.
 */
function monthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months counted from March: 0 = March … 11 = February (of the next civil year).
  const fromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const year = yearOfEra + era * 400 + (fromMarch >= 10 ? 1 : 0);
  return year * 12 + ((fromMarch + 2) % 12);
}

/** `YYYY-MM` of a month index from `UtcMonths`. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
