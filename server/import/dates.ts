/** Strict date parsing for imports: a date that does not exist is an error, never a silent shift. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Milliseconds since the epoch for "YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|±HH:MM]" (no
 * zone means UTC), or null when the text is not such a date or names a day or
 * time that does not exist (2021-02-30, 25:00).
 */
export function parseDateTime(text: string): number | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6])];
  const fraction = match[7];
  const zone = match[8];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (!zone || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMinutes * 60_000;
}
