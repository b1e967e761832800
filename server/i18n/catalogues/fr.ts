/** French, addressing people formally ("vous"), as French websites usually do. */
import type { Catalogue } from '../languages.js';

export const fr: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Français',

  // ── widget. ──


  // ── error. ──


  // ── page. ──


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
