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
export type PluralForms = Partial<Record<Intl.LDMLPluralRule | '=0', string>> & { other: string };
export type Message = string | PluralForms;
export type Vars = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<F>(cache: Map<string, F>, lang: string, make: () => F): F {
  let format = cache.get(lang);
  if (!format) cache.set(lang, (format = make()));
  return format;
}

/** The form of `message` for `n` in `lang`: the exact-zero form first, then the language's plural category, then `other`. */
function pickForm(message: PluralForms, n: number, lang: string): string {
  if (n === 0 && message['=0'] !== undefined) return message['=0'];
  const category = cached(pluralRules, lang, () => new Intl.PluralRules(lang)).select(n);
  return message[category] ?? message.other;
}

/** Fills `message` in `lang`: picks the plural form on `vars.n`, writes numbers the language's way, leaves unknown placeholders visible. */
export function formatMessage(message: Message, lang: string, vars?: Vars): string {
  const n = vars?.n;
  const text = typeof message === 'string' ? message : pickForm(message, typeof n === 'number' ? n : 0, lang);
  if (!vars) return text;
  // A function replacer, so `$&` in a visitor's name stays literal.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? cached(numberFormats, lang, () => new Intl.NumberFormat(lang)).format(value) : value;
  });
}

/** The `{placeholders}` a message (all its forms) uses, sorted; the catalogue test compares them across languages. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)));
  return [...names].sort();
}
