/** UTC calendar helpers: months and days as plain integers so they can key Maps and compare cheaply. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Days since the epoch, UTC. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * UTC months as integers, year * 12 + month (0-based): consecutive months are
 * consecutive integers. Remembers the last month looked up and its bounds,
 * because the comments of one post mostly share a month; each report owns one,
 * so no state outlives it.
 */
export class UtcMonths {
  #month = 0;
  #start = 0;
  #end = -1; // empty range: nothing remembered yet

  of(ms: number): number {
    if (ms >= this.#start && ms < this.#end) return this.#month;
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    this.#month = year * 12 + month;
    // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
    this.#start = new Date(0).setUTCFullYear(year, month, 1);
    this.#end = new Date(0).setUTCFullYear(year, month + 1, 1);
    return this.#month;
  }
}

/** `YYYY-MM` of a month index from `UtcMonths`. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
