/**
 * The message format every catalogue uses, and the one function that fills a
 * message in. Pure and dependency-free, because the widget's browser bundle
 * formats with it too.
 *
 * A message is text with `{placeholders}`, or plural forms picked by the
 * platform's `Intl.PluralRules` on the variable `n` (`'=0'` is an exact-zero
 * form, as in ICU: "No comments yet"). Numbers are written by
 * `Intl.NumberFormat`, so German readers see "1.428", not "1428".
 */
import { onceByValue } from './by-value.js';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule | '=0', string>> & { other: string };
export type Message = string | PluralForms;
export type Vars = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
// A build fills the same few messages with the same small counts thousands of times: each
// message is split at its placeholders once, and each count's plural category and text is
// found once per language.
const pieces = new Map<string, string[]>();
const categories = new Map<string, Map<number, Intl.LDMLPluralRule>>();
const numberTexts = new Map<string, Map<number, string>>();
const PLACEHOLDER = /\{(\w+)\}/;

function cached<F>(cache: Map<string, F>, lang: string, make: () => F): F {
  let format = cache.get(lang);
  if (!format) cache.set(lang, (format = make()));
  return format;
}

/** The form of `message` for `n` in `lang`: the exact-zero form first, then the language's plural category, then `other`. */
function pickForm(message: PluralForms, n: number, lang: string): string {
  if (n === 0 && message['=0'] !== undefined) return message['=0'];
  const category = onceByValue(cached(categories, lang, () => new Map<number, Intl.LDMLPluralRule>()), n, () => cached(pluralRules, lang, () => new Intl.PluralRules(lang)).select(n));
  return message[category] ?? message.other;
}

/** Fills `message` in `lang`: picks the plural form on `vars.n`, writes numbers the language's way, leaves unknown placeholders visible. */
export function formatMessage(message: Message, lang: string, vars?: Vars): string {
  const n = vars?.n;
  const text = typeof message === 'string' ? message : pickForm(message, typeof n === 'number' ? n : 0, lang);
  if (!vars) return text;
  // Literals at even places, placeholder names at odd ones. Values are put in as they are, so `$&` in a visitor's name stays literal.
  let parts = pieces.get(text);
  if (parts === undefined) pieces.set(text, (parts = text.split(PLACEHOLDER)));
  let filled = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = vars[name];
    filled +=
      (value === undefined
        ? `{${name}}`
        : typeof value === 'number'
          ? onceByValue(cached(numberTexts, lang, () => new Map<number, string>()), value, () => cached(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value))
          : value) + parts[i + 1];
  }
  return filled;
}

/** The `{placeholders}` a message (all its forms) uses, sorted; the catalogue test compares them across languages. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
  return [...names].sort();
}
