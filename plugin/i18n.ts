/**
 * The plugin's languages: every catalogue language (server/i18n), and the
 * report's words in one of them (server/report/glossary.ts, shared with the
 * desk and the CLI), plus the three counts the badge shows.
 */
import { onceByValue } from '../server/i18n/by-value.js';
import { DEFAULT_LANG, langOf as catalogueLang, LANGUAGES, type Lang } from '../server/i18n/languages.js';
import { reportWords, type ReportWords, type Term } from '../server/report/glossary.js';
import { type DayTimeAt, memoisedDays } from './day-texts.js';

export type { Lang };

export interface Strings extends ReportWords {
  countComments(n: number): string;
  countPeople(n: number): string;
  /** "3 deep": the deepest reply's level, for the badge. */
  depth(n: number): string;
  dayTimeAt: DayTimeAt;
}

/** The catalogue language `lang` names ("de-AT" → "de"), else `fallback`. */
export function langOf(lang: string | undefined, fallback: Lang): Lang {
  return catalogueLang(lang) ?? fallback;
}

const cache = new Map<Lang, Strings>();

/** The texts for `lang`; a language Kommentar does not speak gets `fallback`'s. */
export function stringsFor(lang: string | undefined, fallback: Lang): Strings {
  const chosen = langOf(lang, fallback);
  let strings = cache.get(chosen);
  if (!strings) {
    const words = reportWords(chosen);
    // A dialogue page asks for the same labels and meanings hundreds of times, and a build writes a thousand pages.
    const texts = new Map<string, string>();
    const terms = new Map<string, Term>();
    // Counts and shares repeat across a build's pages, each field of each page formatted by Intl otherwise.
    const shares = new Map<number | null, string>();
    const decimals = new Map<number | null, string>();
    strings = {
      ...words,
      ...memoisedDays(words),
      t: (key, vars) => {
        if (vars) return words.t(key, vars);
        let text = texts.get(key);
        if (text === undefined) texts.set(key, (text = words.t(key)));
        return text;
      },
      post: (term) => {
        let named = terms.get(term);
        if (!named) terms.set(term, (named = words.post(term)));
        return named;
      },
      share: (value) => onceByValue(shares, value, () => words.share(value)),
      decimal: (value, digits) => (digits === undefined ? onceByValue(decimals, value, () => words.decimal(value)) : words.decimal(value, digits)),
      countComments: (n) => words.t('report.count.comments', { n }),
      countPeople: (n) => words.t('report.count.people', { n }),
      depth: (n) => words.t('report.count.depth', { n }),
    };
    cache.set(chosen, strings);
  }
  return strings;
}

/**
 * The build's language: the `lang` option when Kommentar speaks it, else the
 * site's `lang` that the server's report carries, else English. An option
 * Kommentar does not speak comes back with a warning to print, never as
 * placeholder text.
 */
export function buildLanguage(option: string | undefined, siteLang: string | undefined): { lang: Lang; warning?: string } {
  const fallback = catalogueLang(siteLang) ?? DEFAULT_LANG;
  if (option === undefined) return { lang: fallback };
  const lang = catalogueLang(option);
  if (lang) return { lang };
  const source = catalogueLang(siteLang) ? `the site's language on the server, "${fallback}"` : `"${fallback}"`;
  return { lang: fallback, warning: `[kommentar] option "lang": ${JSON.stringify(option)} is not a language Kommentar speaks (${LANGUAGES.join(', ')}); the pages use ${source}` };
}
