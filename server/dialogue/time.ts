/** UTC calendar helpers: months and days as plain integers so they can key Maps and compare cheaply. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Days since the epoch, UTC. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The last month looked up and its bounds: comments of one post mostly share a month. */
let cachedMonth = 0;
let cachedStart = 0;
let cachedEnd = -1; // empty range: nothing cached yet

/** year * 12 + month (0-based), UTC: consecutive months are consecutive integers. */
export function utcMonth(ms: number): number {
  if (ms >= cachedStart && ms < cachedEnd) return cachedMonth;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  cachedMonth = year * 12 + month;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  cachedStart = new Date(0).setUTCFullYear(year, month, 1);
  cachedEnd = new Date(0).setUTCFullYear(year, month + 1, 1);
  return cachedMonth;
}

/** `YYYY-MM` of a month index from `utcMonth`. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
