/** The widget's languages and how one is picked from a page's language tag. */
import { de, dePage } from './de.js';
import { en, enPage, type PageStrings, type Strings } from './en.js';

export type { PageStrings, Strings };
export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];
export const STRINGS: Record<Lang, Strings> = { en, de };
export const PAGE_STRINGS: Record<Lang, PageStrings> = { en: enPage, de: dePage };

/** German for any `de` tag (`de`, `de-AT`, …), English for everything else. */
export function pickLang(tag: string | null | undefined): Lang {
  return /^de\b/i.test((tag ?? '').trim()) ? 'de' : 'en';
}

/** Fills `{name}` / `{n}` in a string; a function replacer, so `$&` in a visitor's name stays literal. */
export function fill(template: string, value: string | number): string {
  return template.replace(/\{(name|n)\}/, () => String(value));
}

/** Picks the singular or plural form (and the zero form, when the list has three). */
export function plural(forms: string[], n: number): string {
  const form = forms.length === 3 ? forms[Math.min(n, 2)] : forms[n === 1 ? 0 : 1];
  return fill(form ?? '', n);
}
