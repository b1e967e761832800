/** The characters that mean something in HTML text or a quoted attribute, as numeric references. */
const REFERENCES: Record<string, string> = { '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** Escapes text for HTML element content and quoted attribute values. Most texts (names, dates) need nothing, and are returned as they are. */
export function escapeHtml(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (char) => REFERENCES[char]!) : value;
}
