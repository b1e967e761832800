/**
 * Writing CSV (RFC 4180) that is safe to open in a spreadsheet: every CSV the
 * project writes goes through here. Text that a spreadsheet would run as a
 * formula (it starts with =, +, -, @, tab or carriage return; thread titles
 * and names come from outside) gets a leading apostrophe, the OWASP advice,
 * so it shows as the text it is. Numbers stay numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty, arrays are joined with spaces. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const raw = Array.isArray(value) ? value.join(' ') : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as a CSV document with CRLF line ends. */
export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
