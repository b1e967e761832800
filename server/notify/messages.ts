/**
 * The emails Kommentar sends, as plain text plus minimal HTML. Every value in
 * the HTML goes through escapeHtml (the `h` tag does it for each one), so a
 * name or comment can never become markup in someone's mail client.
 */
import { escapeHtml } from '../render/escape.js';
import type { EmailMessage } from './mailer.js';

/** HTML template tag: escapes every interpolated value. */
function h(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]!) : ''), '');
}

const wrap = (body: string) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem">${body}</body></html>`;

/** A comment's text quoted for plain-text mail. */
const quote = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

const quoteHtml = (text: string) => h`<blockquote style="white-space:pre-wrap;border-left:3px solid #ccc;margin:1em 0;padding-left:1em">${text}</blockquote>`;

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
export function replyNotice(notice: ReplyNotice): EmailMessage {
  const replier = notice.replierName ?? 'Someone';
  const hello = notice.recipientName ? `Hello ${notice.recipientName},` : 'Hello,';
  return {
    to: notice.to,
    subject: `${replier} replied to your comment on “${notice.postTitle}”`,
    text: [
      hello,
      '',
      `${replier} replied to your comment on “${notice.postTitle}” (${notice.siteName}):`,
      '',
      quote(notice.replyText),
      '',
      `Read and answer: ${notice.link}`,
      '',
      '--',
      `You get this because you asked to hear about replies on ${notice.siteName}.`,
      `Stop all reply emails: ${notice.unsubscribeUrl}`,
    ].join('\n'),
    html: wrap(
      h`<p>${hello}</p><p><strong>${replier}</strong> replied to your comment on “${notice.postTitle}” (${notice.siteName}):</p>` +
        quoteHtml(notice.replyText) +
        h`<p><a href="${notice.link}">Read and answer</a></p>` +
        h`<hr><p style="font-size:small;color:#555">You get this because you asked to hear about replies on ${notice.siteName}. <a href="${notice.unsubscribeUrl}">Stop all reply emails</a>.</p>`,
    ),
    headers: { 'List-Unsubscribe': `<${notice.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** The double opt-in: nothing but this goes to an address until its owner follows the link. */
export function confirmationRequest(request: { to: string; siteName: string; confirmUrl: string }): EmailMessage {
  return {
    to: request.to,
    subject: `Confirm reply emails from ${request.siteName}`,
    text: [
      'Hello,',
      '',
      `Someone, hopefully you, left a comment on ${request.siteName} with this address and asked to be emailed when people reply.`,
      '',
      `To get those emails, confirm here: ${request.confirmUrl}`,
      '',
      'If it was not you, ignore this email: nothing else will be sent to you.',
    ].join('\n'),
    html: wrap(
      h`<p>Hello,</p><p>Someone, hopefully you, left a comment on ${request.siteName} with this address and asked to be emailed when people reply.</p>` +
        h`<p><a href="${request.confirmUrl}">Confirm reply emails</a></p><p>If it was not you, ignore this email: nothing else will be sent to you.</p>`,
    ),
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
export function authorNotice(notice: AuthorNotice): EmailMessage {
  const who = notice.commenterName ?? 'Anonymous';
  const what = notice.pending ? 'awaits moderation' : 'was published';
  return {
    to: notice.to,
    subject: notice.pending
      ? `[${notice.siteName}] To moderate: ${who} on “${notice.postTitle}”`
      : `[${notice.siteName}] New comment: ${who} on “${notice.postTitle}”`,
    text: [`A comment by ${who} on “${notice.postTitle}” ${what}:`, '', quote(notice.text), '', `On the page: ${notice.link}`, `Your desk: ${notice.deskUrl}`].join('\n'),
    html: wrap(
      h`<p>A comment by <strong>${who}</strong> on “${notice.postTitle}” ${what}:</p>` +
        quoteHtml(notice.text) +
        h`<p><a href="${notice.link}">On the page</a> · <a href="${notice.deskUrl}">Your desk</a></p>`,
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
export function publishRequest(request: PublishRequest): EmailMessage {
  return {
    to: request.to,
    subject: `Publish your comment on “${request.postTitle}”?`,
    text: [
      'Hello,',
      '',
      `A comment with your address was written on “${request.postTitle}” (${request.siteName}) from a browser the site does not know yet:`,
      '',
      quote(request.commentText),
      '',
      `If you wrote it, publish it: ${request.publishUrl}`,
      '',
      'If you did not, ignore this email: the comment stays unpublished until the author looks at it.',
    ].join('\n'),
    html: wrap(
      h`<p>Hello,</p><p>A comment with your address was written on “${request.postTitle}” (${request.siteName}) from a browser the site does not know yet:</p>` +
        quoteHtml(request.commentText) +
        h`<p><a href="${request.publishUrl}">I wrote it: publish it</a></p>` +
        h`<p style="font-size:small;color:#555">If you did not, ignore this email: the comment stays unpublished until the author looks at it.</p>`,
    ),
  };
}
