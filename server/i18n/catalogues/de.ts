/** German. Readers and the author are addressed informally ("du"), as WordPress's default German and most personal blogs do. Terms: see CONTRIBUTING.md. */
import type { Catalogue } from '../languages.js';

export const de: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Deutsch',

  // ── widget. ──
  'widget.comments': { '=0': 'Noch keine Kommentare', one: '{n} Kommentar', other: '{n} Kommentare' },
  'widget.replies': { one: '{n} Antwort', other: '{n} Antworten' },
  'widget.more': { one: '{n} weiteren Kommentar zeigen', other: '{n} weitere Kommentare zeigen' },
  'widget.anonymous': 'Anonym',
  'widget.author': 'Autor',
  'widget.edited': 'bearbeitet',
  'widget.deleted': 'Dieser Kommentar wurde gelöscht.',
  'widget.inReplyTo': 'Antwort auf {name}',
  'widget.deletedComment': 'einen gelöschten Kommentar',
  'widget.reply': 'Antworten',
  'widget.replyingTo': 'Antwort an {name}',
  'widget.cancel': 'Abbrechen',
  'widget.edit': 'Bearbeiten',
  'widget.delete': 'Löschen',
  'widget.confirmDelete': 'Wirklich löschen?',
  'widget.save': 'Speichern',
  'widget.editBody': 'Kommentar bearbeiten',
  'widget.sending': 'Wird gesendet …',
  'widget.published': 'Dein Kommentar ist veröffentlicht.',
  'widget.pending': 'Danke! Dein Kommentar wartet auf Freischaltung.',
  'widget.updated': 'Dein Kommentar wurde geändert.',
  'widget.editPending': 'Danke! Deine Änderung wartet auf Freischaltung; bis dahin zeigt der Kommentar den bisherigen Text.',
  'widget.removed': 'Dein Kommentar wurde gelöscht.',
  'widget.notifyNeedsEmail': 'Gib deine E-Mail-Adresse an, um über Antworten benachrichtigt zu werden.',
  'widget.unavailable': 'Kommentare sind hier nicht verfügbar.',
  'widget.loading': 'Kommentare werden geladen …',
  'widget.via': 'über {name}',
  'widget.replyThere': 'Dort antworten',
  'widget.source.webmention': 'ein Blog',
  'widget.source.mastodon': 'Mastodon',
  'widget.source.bluesky': 'Bluesky',


  // ── error. ──
  'error.network': 'Der Kommentar-Server ist nicht erreichbar. Bitte versuch es noch einmal.',
  'error.unknown': 'Etwas ist schiefgegangen. Bitte versuch es noch einmal.',
  'error.internal': 'Auf dem Server ist etwas schiefgegangen. Bitte versuch es später noch einmal.',
  'error.required': 'Bitte füll dieses Feld aus.',
  'error.required.body': 'Schreib zuerst deinen Kommentar.',
  'error.too_long': 'Das ist zu lang.',
  'error.too_long.body': 'Dein Kommentar ist zu lang. Bitte kürze ihn.',
  'error.too_long.name': 'Der Name ist zu lang.',
  'error.too_long.email': 'Die E-Mail-Adresse ist zu lang.',
  'error.too_long.url': 'Die Adresse der Website ist zu lang.',
  'error.invalid_email': 'Das ist keine gültige E-Mail-Adresse.',
  'error.invalid_url': 'Gib die Adresse der Website mit http:// oder https:// am Anfang an.',
  'error.invalid_input': 'Etwas im Formular stimmt nicht. Bitte prüf deine Angaben und versuch es noch einmal.',
  'error.invalid_input.body': 'Dein Kommentar enthält Zeichen, die nicht erlaubt sind (Steuerzeichen).',
  'error.invalid_input.name': 'Dein Name enthält Zeichen, die nicht erlaubt sind.',
  'error.too_deeply_nested': 'Dein Kommentar verschachtelt Listen oder Zitate zu tief. Bitte vereinfache sie etwas.',
  'error.rate_limited': { one: 'Du schreibst schneller, als diese Website erlaubt. Bitte versuch es in {n} Sekunde noch einmal.', other: 'Du schreibst schneller, als diese Website erlaubt. Bitte versuch es in {n} Sekunden noch einmal.' },
  'error.forbidden_origin': 'Von dieser Seite aus können keine Kommentare gesendet werden. Das kann nur der Autor der Website beheben.',
  'error.unknown_site': 'Diese Seite ist nicht für Kommentare eingerichtet.',
  'error.spam_suspected': 'Das Formular sieht aus, als hätte ein Roboter es ausgefüllt: Ein Feld, das leer bleiben soll, enthält etwas (vielleicht hat es dein Browser eingetragen). Bitte lade die Seite neu und sende noch einmal.',
  'error.too_fast': 'Das ging schnell! Warte bitte einen Moment und sende dann noch einmal.',
  'error.invalid_form': 'Das Formular konnte nicht gelesen werden. Bitte lade die Seite neu und versuch es noch einmal.',
  'error.invalid_parent': 'Den Kommentar, auf den du antwortest, gibt es nicht mehr.',
  'error.not_found': 'Diesen Kommentar gibt es nicht mehr.',
  'error.invalid_token': 'Diesen Kommentar kannst du nur in dem Browser ändern, in dem du ihn geschrieben hast.',
  'error.edit_window_closed': 'Dieser Kommentar kann nicht mehr geändert werden.',
  'error.not_editable': 'Dieser Kommentar wurde als Spam zurückgehalten und kann nicht geändert werden.',
  'error.payload_too_large': 'Dein Kommentar ist zu lang. Bitte kürze ihn.',


  // ── page. ──
  'page.form.label': 'Kommentar schreiben',
  'page.form.body': 'Kommentar',
  'page.form.markdownHint': 'Markdown geht: **fett**, _kursiv_, [Link](https://…), `Code`.',
  'page.form.name': 'Name',
  'page.form.email': 'E-Mail',
  'page.form.url': 'Website',
  'page.form.optional': '(freiwillig)',
  'page.form.emailNote': '(freiwillig, wird nie angezeigt)',
  'page.form.notify': 'Per E-Mail über Antworten benachrichtigen',
  'page.form.remember': 'Name, E-Mail und Website auf diesem Gerät merken',
  'page.form.preview': 'Vorschau',
  'page.form.submit': 'Kommentar senden',
  'page.form.honeypot': 'Dieses Feld leer lassen',
  'page.thread.title': 'Kommentare',
  'page.thread.back': '← Zurück zum Beitrag',
  'page.thread.published': 'Danke — dein Kommentar ist veröffentlicht.',
  'page.thread.pending': 'Danke — dein Kommentar wartet auf Freischaltung. Er erscheint hier, sobald der Autor ihn freischaltet.',
  'page.thread.seeOnPost': 'Im Beitrag ansehen',
  'page.thread.returnToPost': 'Zurück zum Beitrag',
  'page.thread.mentionedBy': 'Erwähnt von',
  'page.formError.title': 'Dein Kommentar wurde nicht gesendet',
  'page.formError.keepText': 'Mit „Zurück“ im Browser kommst du zum Formular: Dein Text steht noch darin.',


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
