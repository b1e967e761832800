/**
 * Which language a person reads: the page's own language first (the `lang`
 * the widget or the plugin sends, or the thread's), then the browser's
 * `Accept-Language` with its weights, then the site's default. An unknown or
 * malformed tag never wins and never yields placeholder text.
 */
import Negotiator from 'negotiator';
import { LANGUAGES, type Lang, langOf } from './languages.js';

export interface LanguageSources {
  /** The page's or thread's own language tag, e.g. `de-AT`; strongest. */
  page?: string | null;
  /** The whole `Accept-Language` header. */
  acceptLanguage?: string | null;
  /** The site's `lang` from the config. */
  siteDefault: Lang;
}

export function chooseLanguage({ page, acceptLanguage, siteDefault }: LanguageSources): Lang {
  return langOf(page) ?? preferredOf(acceptLanguage) ?? siteDefault;
}

/** The best catalogue language the header asks for by weight (`de-AT` counts for `de`); `*` is no preference, so the site default wins over it. */
export function preferredOf(acceptLanguage: string | null | undefined): Lang | undefined {
  if (!acceptLanguage) return undefined;
  const named = acceptLanguage
    .split(',')
    .filter((range) => range.split(';')[0]!.trim() !== '*')
    .join(',');
  const [best] = new Negotiator({ headers: { 'accept-language': named } }).languages(LANGUAGES);
  return langOf(best);
}
