/** German. Readers and the author are addressed informally ("du"), as WordPress's default German and most personal blogs do. Terms: see CONTRIBUTING.md. */
import type { Catalogue } from '../languages.js';

export const de: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Deutsch',

  // ── widget. ──


  // ── error. ──


  // ── page. ──


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
