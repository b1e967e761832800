/**
 * Date-and-time texts in UTC for many times. Intl takes microseconds a call, and a
 * thread or a dialogue page writes one for nearly every comment. CLDR writes a date
 * with a time as the date's part joined to the time's, so the texts are made in two
 * parts, each once: the part before the clock per UTC day, the clock per minute of
 * the day. A day whose text does not end in its clock alone keeps the formatter's
 * own answer for every time of that day.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Days remembered at most; a long-running server meets ever new ones. */
const MAX_DAYS = 20_000;

/** `full(ms)` as it would write it, with each part made once; `clock(ms)` writes the time alone. Both in UTC, to the minute. */
export function dayAndClock(full: (ms: number) => string, clock: (ms: number) => string): (ms: number) => string {
  const prefixes = new Map<number, string | null>();
  const clocks = new Map<number, string>();
  return (ms) => {
    const day = Math.floor(ms / DAY);
    const minute = Math.floor((ms - day * DAY) / MINUTE);
    let time = clocks.get(minute);
    if (time === undefined) clocks.set(minute, (time = clock(day * DAY + minute * MINUTE)));
    const prefix = prefixes.get(day);
    if (prefix !== undefined) return prefix === null ? full(ms) : prefix + time;
    const text = full(ms);
    if (prefixes.size >= MAX_DAYS) prefixes.clear();
    prefixes.set(day, text.endsWith(time) ? text.slice(0, text.length - time.length) : null);
    return text;
  };
}
