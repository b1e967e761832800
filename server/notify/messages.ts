/**
 * The emails Kommentar sends, as plain text plus minimal HTML, in the
 * language of the thread they are about (the `email.` catalogue section).
 * Every value in the HTML goes through escapeHtml (the `h` tag does it for
 * each one), so a name or comment can never become markup in someone's mail
 * client.
 */
import type { Translator } from '../i18n/translate.js';
import { escapeHtml } from '../render/escape.js';
import type { EmailMessage } from './mailer.js';

/** HTML template tag: escapes every interpolated value. */
function h(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]!) : ''), '');
}

const wrap = (lang: string, body: string) =>
  `<!doctype html><html lang="${escapeHtml(lang)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem">${body}</body></html>`;

/** A comment's text quoted for plain-text mail. */
const quote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

const quoteHtml = (text: string) => h`<blockquote style="white-space:pre-wrap;border-left:3px solid #ccc;margin:1em 0;padding-left:1em">${text}</blockquote>`;

const small = (text: string, link?: { href: string; label: string }) =>
  h`<hr><p style="font-size:small;color:#555">${text}` + (link ? h` <a href="${link.href}">${link.label}</a>` : '') + '</p>';

export interface ReplyNotice {
  to: string;
  siteName: string;
  postTitle: string;
  /** The reply on the blog page. */
  link: string;
  recipientName: string | null;
  replierName: string | null;
  replyText: string;
  unsubscribeUrl: string;
}

/** "Someone answered you": carries RFC 8058 one-click unsubscribe headers. */
export function replyNotice({ t, lang }: Translator, notice: ReplyNotice): EmailMessage {
  const replier = notice.replierName ?? t('email.reply.someone');
  const hello = notice.recipientName ? t('email.hello.named', { name: notice.recipientName }) : t('email.hello');
  const intro = t('email.reply.intro', { replier, post: notice.postTitle, site: notice.siteName });
  const why = t('email.reply.why', { site: notice.siteName });
  return {
    to: notice.to,
    subject: t('email.reply.subject', { replier, post: notice.postTitle }),
    text: [
      hello,
      '',
      intro,
      '',
      quote(notice.replyText),
      '',
      t('email.reply.read.link', { link: notice.link }),
      '',
      '--',
      why,
      t('email.unsubscribe.link', { link: notice.unsubscribeUrl }),
    ].join('\n'),
    html: wrap(
      lang,
      h`<p>${hello}</p><p>${intro}</p>` +
        quoteHtml(notice.replyText) +
        h`<p><a href="${notice.link}">${t('email.reply.read')}</a></p>` +
        small(why, { href: notice.unsubscribeUrl, label: t('email.unsubscribe') }),
    ),
    headers: { 'List-Unsubscribe': `<${notice.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The double opt-in: nothing but this goes to an address until its owner follows the link. */
export function confirmationRequest({ t, lang }: Translator, request: { to: string; siteName: string; confirmUrl: string }): EmailMessage {
  const why = t('email.confirm.why', { site: request.siteName });
  const ignore = t('email.confirm.ignore');
  return {
    to: request.to,
    subject: t('email.confirm.subject', { site: request.siteName }),
    text: [t('email.hello'), '', why, '', t('email.confirm.link', { link: request.confirmUrl }), '', ignore].join('\n'),
    html: wrap(lang, h`<p>${t('email.hello')}</p><p>${why}</p><p><a href="${request.confirmUrl}">${t('email.confirm.button')}</a></p><p>${ignore}</p>`),
  };
}

export interface AuthorNotice {
  to: string;
  siteName: string;
  postTitle: string;
  link: string;
  deskUrl: string;
  commenterName: string | null;
  text: string;
  pending: boolean;
}

/** Tells the author about a new comment, or one waiting in the moderation queue. */
export function authorNotice({ t, lang }: Translator, notice: AuthorNotice): EmailMessage {
  const vars = { name: notice.commenterName ?? t('email.author.anonymous'), post: notice.postTitle, site: notice.siteName };
  const intro = notice.pending ? t('email.author.pending.intro', vars) : t('email.author.published.intro', vars);
  return {
    to: notice.to,
    subject: notice.pending ? t('email.author.pending.subject', vars) : t('email.author.published.subject', vars),
    text: [intro, '', quote(notice.text), '', t('email.author.page.link', { link: notice.link }), t('email.author.desk.link', { link: notice.deskUrl })].join('\n'),
    html: wrap(
      lang,
      h`<p>${intro}</p>` +
        quoteHtml(notice.text) +
        h`<p><a href="${notice.link}">${t('email.author.page')}</a> · <a href="${notice.deskUrl}">${t('email.author.desk')}</a></p>`,
    ),
  };
}

export interface PublishRequest {
  to: string;
  siteName: string;
  postTitle: string;
  /** The signed link that publishes the comment. */
  publishUrl: string;
  commentText: string;
}

/**
 * "Was this you?": a comment with an address the author trusts, sent from a
 * browser the site does not know. Only the owner of the address can follow
 * the link that publishes it; anyone else typing the address gets nothing.
 */
export function publishRequest({ t, lang }: Translator, request: PublishRequest): EmailMessage {
  const intro = t('email.publish.intro', { post: request.postTitle, site: request.siteName });
  const ignore = t('email.publish.ignore');
  return {
    to: request.to,
    subject: t('email.publish.subject', { post: request.postTitle }),
    text: [t('email.hello'), '', intro, '', quote(request.commentText), '', t('email.publish.link', { link: request.publishUrl }), '', ignore].join('\n'),
    html: wrap(
      lang,
      h`<p>${t('email.hello')}</p><p>${intro}</p>` +
        quoteHtml(request.commentText) +
        h`<p><a href="${request.publishUrl}">${t('email.publish.button')}</a></p>` +
        small(ignore),
    ),
  };
}
