/** Spanish, addressing people informally ("tú"), as Spanish-language websites usually do. */
import type { Catalogue } from '../languages.js';

export const es: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Español',

  // ── widget. ──


  // ── error. ──


  // ── page. ──


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
