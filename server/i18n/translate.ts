/**
 * A translator for one language: `t(key, vars)` for messages, plus the
 * platform's `Intl` for numbers, shares, dates and relative times, so every
 * surface (pages, emails, desk, CLI report) writes them the same way.
 */
import { type Catalogue, CATALOGUES, type Lang, type MessageKey } from './languages.js';
import { formatMessage, type Vars } from './message.js';

export interface Translator {
  readonly lang: Lang;
  /** The message `key` filled with `vars` (`n` picks the plural form). */
  t(key: MessageKey, vars?: Vars): string;
  /** A number as the language writes it ("1.428" in German). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A date (and time, if asked) as the language writes it. */
  date(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
}

const translators = new Map<Lang, Translator>();

/** The translator for `lang`; built once per language, since `Intl` formatters are costly to build and cheap to use. */
export function translator(lang: Lang): Translator {
  let translate = translators.get(lang);
  if (!translate) translators.set(lang, (translate = build(lang, CATALOGUES[lang])));
  return translate;
}

function build(lang: Lang, catalogue: Catalogue): Translator {
  const numbers = formatters<Intl.NumberFormatOptions, Intl.NumberFormat>((options) => new Intl.NumberFormat(lang, options));
  const dates = formatters<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>((options) => new Intl.DateTimeFormat(lang, options ?? { dateStyle: 'long' }));
  return {
    lang,
    t: (key, vars) => formatMessage(catalogue[key], lang, vars),
    number: (value, options) => numbers(options).format(value),
    date: (value, options) => dates(options).format(new Date(value)),
  };
}

/**
 * One formatter per set of options, found by the options object itself where a caller
 * keeps it (figures written tens of thousands of times in a build), else by its contents.
 */
function formatters<O extends object, F>(make: (options: O | undefined) => F): (options: O | undefined) => F {
  const byContents = new Map<string, F>();
  const byObject = new WeakMap<O, F>();
  return (options) => {
    const known = options && byObject.get(options);
    if (known) return known;
    const key = JSON.stringify(options ?? {});
    let format = byContents.get(key);
    if (!format) byContents.set(key, (format = make(options)));
    if (options) byObject.set(options, format);
    return format;
  };
}

/** The messages under `prefix` (e.g. `widget.`) in `lang`: what the widget downloads for its page's language. */
export function messagesUnder(lang: Lang, prefixes: readonly string[]): Record<string, Catalogue[MessageKey]> {
  const catalogue = CATALOGUES[lang];
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
}
