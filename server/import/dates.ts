/** Strict date parsing for imports: a date that does not exist is an error, never a silent shift. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Where the digits of "YYYY-MM-DD HH:MM:SS" are: that form (WordPress's, every comment of an export) is read without the regex. */
const PLAIN_LENGTH = 19;
const ZERO = 0x30;

/** The number written by the ASCII digits of `text` in [start, end), or -1 if any is no digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The UTC time of these fields, or null when they name a day or time that does not exist. */
function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | null {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return utc;
}

/** "YYYY-MM-DD[T ]HH:MM:SS" exactly, read digit by digit; undefined for any other text (the regex decides). */
function plainDateTime(text: string): number | null | undefined {
  if (text.length !== PLAIN_LENGTH) return undefined;
  const separator = text.charCodeAt(10);
  if (text[4] !== '-' || text[7] !== '-' || (separator !== 0x20 && separator !== 0x54) || text[13] !== ':' || text[16] !== ':') return undefined;
  const fields = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)] as const;
  if (fields.includes(-1)) return undefined;
  return utcTime(...fields, 0);
}

/**
 * Milliseconds since the epoch for "YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|±HH:MM]" (no
 * zone means UTC), or null when the text is not such a date or names a day or
 * time that does not exist (2021-02-30, 25:00).
 */
export function parseDateTime(text: string): number | null {
  const plain = plainDateTime(text);
  if (plain !== undefined) return plain;
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6])];
  const fraction = match[7];
  const zone = match[8];
  const utc = utcTime(year, month, day, hour, minute, second, fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0);
  if (utc === null) return null;
  if (!zone || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMinutes * 60_000;
}
