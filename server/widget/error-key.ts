/**
 * Which message a reader sees for an API error. Errors keep their stable
 * `code` (and `field`); the widget and the no-JavaScript form error page show
 * their own text for it in the reader's language, sharper per field where the
 * catalogue has one (`error.too_long.body`), never the server's English `message`.
 */
import type { MessageKey } from '../i18n/languages.js';

/** `error.<code>.<field>` if the messages have it, else `error.<code>`, else `error.unknown`. */
export function errorKey(messages: object, code?: string, field?: string): MessageKey {
  return ([`error.${code}.${field}`, `error.${code}`].find((key) => key in messages) ?? 'error.unknown') as MessageKey;
}
