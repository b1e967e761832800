/**
 * Messages are filled from parts remembered per message and per count
 * (server/i18n/message.ts). A reader must not be able to tell: every message
 * of every catalogue, filled again and again, reads as a plain placeholder
 * replacement with Intl's plural category and number text would write it.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '../../server/i18n/languages.js';
import { formatMessage, type Message, type Vars } from '../../server/i18n/message.js';

/** The message as written without any remembering: the form for `n`, each known placeholder replaced. */
function plainly(message: Message, lang: string, vars: Vars): string {
  const n = typeof vars.n === 'number' ? vars.n : 0;
  const text = typeof message === 'string' ? message : n === 0 && message['=0'] !== undefined ? message['=0'] : (message[new Intl.PluralRules(lang).select(n)] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}

const NAMES = ['name', 'title', 'people', 'anonymous', 'from', 'to', 'layer', 'replies', 'shown', 'total', 'hours', 'deepest', 'byAuthor', 'topLevel', 'maxDepth'];
const COUNTS = [0, -0, 1, 2, 3, 5, 11, 21, 101, 1428, 2.5, 1e6];

describe('filling messages', () => {
  for (const lang of LANGUAGES) {
    it(`writes every ${lang} message as a plain replacement would, however often`, () => {
      for (const message of Object.values(CATALOGUES[lang]) as Message[]) {
        for (const n of COUNTS) {
          // Numbers and texts in turn, a text that looks like a replacement pattern or a placeholder among them.
          const vars = Object.fromEntries(NAMES.map((name, i) => [name, i % 2 ? n * i : `$& {n} ${name}`]));
          const withN = { ...vars, n };
          expect(formatMessage(message, lang, withN)).toBe(plainly(message, lang, withN));
          expect(formatMessage(message, lang, withN)).toBe(plainly(message, lang, withN));
        }
        expect(formatMessage(message, lang, {})).toBe(plainly(message, lang, {}));
      }
    });
  }
});
