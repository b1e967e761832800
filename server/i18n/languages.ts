/**
 * The languages Kommentar speaks. Adding one is a catalogue file in
 * `catalogues/` (a copy of `en.ts`, translated) and one line in `CATALOGUES`
 * (see CONTRIBUTING.md). English is the source: its keys are the keys.
 */
import { de } from './catalogues/de.js';
import { en } from './catalogues/en.js';
import { es } from './catalogues/es.js';
import { fr } from './catalogues/fr.js';
import type { Message } from './message.js';

export type MessageKey = keyof typeof en;
/** A translation: every English key, each a message with the same placeholders. */
export type Catalogue = Readonly<Record<MessageKey, Message>>;

export const CATALOGUES = {
  en,
  de,
  fr,
  es,
} as const satisfies Record<string, Catalogue>;

export type Lang = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Lang[];
export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(CATALOGUES, value);
}

/** The catalogue language of a BCP 47 tag (`de-AT` → `de`), or undefined when Kommentar does not speak it. */
export function langOf(tag: string | null | undefined): Lang | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}
