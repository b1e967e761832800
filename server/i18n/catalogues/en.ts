/** English, the source catalogue: its keys are the keys every other language has. */
import type { Message } from '../message.js';

export const en = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'English',

  // ── widget. ── What the widget shows while it runs; downloaded by the browser with the `error.` section.


  // ── error. ── One message per API error `code` (`error.<code>`), or per code and field (`error.<code>.<field>`).


  // ── page. ── Server-rendered pages a reader sees: the comment form, the thread page, the no-JS landing and error pages.


  // ── email. ── Emails: confirmation, reply notification, author notices; subject, body and the unsubscribe text.


  // ── desk. ── The author's desk.


  // ── report. ── The dialogue report: measure names and meanings, shapes, the dialogue pages, the CLI report.

} satisfies Record<string, Message>;
