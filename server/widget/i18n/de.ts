/** German strings (informal "du", as most German blogs write); same keys as `en.ts`. */
import type { PageStrings, Strings } from './en.js';

export const de: Strings = {
  comments: ['Noch keine Kommentare', '1 Kommentar', '{n} Kommentare'],
  replies: ['1 Antwort', '{n} Antworten'],
  anonymous: 'Anonym',
  author: 'Autor',
  edited: 'bearbeitet',
  deleted: 'Dieser Kommentar wurde gelöscht.',
  inReplyTo: 'Antwort auf {name}',
  deletedComment: 'einen gelöschten Kommentar',
  reply: 'Antworten',
  replyingTo: 'Antwort an {name}',
  cancel: 'Abbrechen',
  edit: 'Bearbeiten',
  delete: 'Löschen',
  confirmDelete: 'Wirklich löschen?',
  editClosed: 'Dieser Kommentar kann nicht mehr geändert werden.',
  save: 'Speichern',
  editBody: 'Kommentar bearbeiten',
  sending: 'Wird gesendet …',
  published: 'Dein Kommentar ist veröffentlicht.',
  pending: 'Danke! Dein Kommentar wartet auf Freischaltung.',
  updated: 'Dein Kommentar wurde geändert.',
  removed: 'Dein Kommentar wurde gelöscht.',
  notifyNeedsEmail: 'Gib deine E-Mail-Adresse an, um über Antworten benachrichtigt zu werden.',
  failed: 'Der Kommentar-Server ist nicht erreichbar. Bitte versuch es noch einmal.',
  loading: 'Kommentare werden geladen …',
  /** A comment written elsewhere: where ({name}), and a link to answer at the original. */
  via: 'über {name}',
  replyThere: 'Dort antworten',
  sources: { webmention: 'ein Blog', mastodon: 'Mastodon', bluesky: 'Bluesky' },
};

export const dePage: PageStrings = {
  formLabel: 'Kommentar schreiben',
  body: 'Kommentar',
  markdownHint: 'Markdown geht: **fett**, _kursiv_, [Link](https://…), `Code`.',
  name: 'Name',
  email: 'E-Mail',
  url: 'Website',
  optional: '(freiwillig)',
  emailNote: '(freiwillig, wird nie angezeigt)',
  notify: 'Per E-Mail über Antworten benachrichtigen',
  remember: 'Name, E-Mail und Website auf diesem Gerät merken',
  preview: 'Vorschau',
  submit: 'Kommentar senden',
  honeypot: 'Dieses Feld leer lassen',
  backToPost: '← Zurück zum Beitrag',
  pageTitle: 'Kommentare',
  /** Before the pages elsewhere that mention the post (plain Webmention mentions). */
  mentionedBy: 'Erwähnt von',
};
