/**
 * What the widget downloads instead of carrying every language: the `widget.`
 * and `error.` messages of one language, as the answer of
 * `GET /widget/messages.json`, built once per language. The version is a hash
 * of all of them; the widget's build puts it into the URL it asks for, so the
 * answer can be cached for a year and still never be stale.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CATALOGUES, LANGUAGES, type Lang } from '../i18n/languages.js';
import { formatMessage } from '../i18n/message.js';
import { messagesUnder } from '../i18n/translate.js';

/** The catalogue sections the widget needs in the browser. */
const WIDGET_SECTIONS = ['widget.', 'error.'] as const;

export interface MessagesAnswer {
  /** `{ "lang", "messages" }` as JSON. */
  body: string;
  gzip: Buffer;
  /** Strong validator of the body, without quotes. */
  hash: string;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

const answers = new Map<Lang, MessagesAnswer>(
  LANGUAGES.map((lang) => {
    const body = JSON.stringify({ lang, messages: messagesUnder(lang, WIDGET_SECTIONS) });
    return [lang, { body, gzip: gzipSync(body, { level: 9 }), hash: hashOf(body) }];
  }),
);

/** The widget's messages in `lang`. */
export function widgetMessages(lang: Lang): MessagesAnswer {
  return answers.get(lang)!;
}

/** Changes whenever any widget message in any language does. */
export const MESSAGES_VERSION = hashOf(LANGUAGES.map((lang) => answers.get(lang)!.hash).join());

/**
 * "The comment server cannot be reached" in every language: the one text the
 * widget must be able to show when it can download nothing, so its build
 * carries this message (and only this one) per language.
 */
export function offlineMessages(): Record<Lang, string> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, formatMessage(CATALOGUES[lang]['error.network'], lang)])) as Record<Lang, string>;
}
