/**
 * What a new or newly approved comment sets off, as outbox items: reply
 * emails to subscribed commenters, the double opt-in confirmation, notices to
 * the author, and webhook calls. They are statements for the batch that
 * stores the comment or its approval, so a crash cannot keep one without the
 * other; the outbox worker sends.
 */
import type { Statement } from '../db/connection.js';
import type { AppContext } from '../context.js';
import { findSite } from '../config.js';
import { getComment, type CommentRow } from '../db/comments.js';
import { enqueueIfChangedStatement, enqueueStatement, type NewOutboxItem } from '../db/outbox.js';
import { langOf } from '../i18n/languages.js';
import { translator } from '../i18n/translate.js';
import { commentPermalink } from '../urls.js';
import type { EmailMessage } from './mailer.js';
import { authorNotice, confirmationRequest, publishRequest, replyNotice } from './messages.js';
import { claimConfirmationStatement, mayReceiveReplies, publishLink, subscriptionLink } from './subscriptions.js';
import { webhookBody, type WebhookEvent } from './webhook.js';

const email = (topic: string, message: EmailMessage): NewOutboxItem => ({ kind: 'email', topic, payload: JSON.stringify(message) });

export type CommentEvent = 'created' | 'approved';

interface Items {
  items: NewOutboxItem[];
  /** The double opt-in email, queued only if the address claims a confirmation now. */
  confirmation?: { email: string; item: NewOutboxItem };
}

export interface NotificationOptions {
  /** For a pending comment: ask this address (one the author trusts) whether its owner wrote it, with a link that publishes it. */
  askToPublish?: string;
}

async function itemsFor(ctx: AppContext, event: CommentEvent, row: CommentRow, options: NotificationOptions): Promise<Items> {
  const site = findSite(ctx.config, row.site);
  if (!site) return { items: [] };
  const items: NewOutboxItem[] = [];
  let confirmation: Items['confirmation'];
  const { smtp, webhook } = ctx.config;
  const siteName = site.title ?? site.id;
  const postTitle = row.threadTitle ?? row.uri;
  const link = commentPermalink(ctx.config, row.site, row.uri, row.id);
  // Every email about this comment speaks its thread's language, else the site's.
  const language = translator(langOf(row.threadLang) ?? site.lang);

  if (webhook) {
    const webhookEvent: WebhookEvent = event === 'created' ? 'comment.created' : 'comment.approved';
    items.push({ kind: 'webhook', topic: webhookEvent, payload: webhookBody(ctx, webhookEvent, row) });
  }
  if (!smtp) return { items };

  if (event === 'created' && !row.isAuthor && smtp.authorAddress) {
    const deskUrl = `${ctx.config.publicUrl}/admin${row.status === 'approved' ? '' : '/moderation'}?site=${encodeURIComponent(row.site)}`;
    const pending = row.status !== 'approved';
    items.push(email('author', authorNotice(language, { to: smtp.authorAddress, siteName, postTitle, link, deskUrl, commenterName: row.name, text: row.body, pending })));
  }
  if (options.askToPublish && row.status === 'pending' && row.editTokenHash) {
    const publishUrl = publishLink(ctx, row.id, row.editTokenHash, language.lang);
    items.push(email('publish', publishRequest(language, { to: options.askToPublish, siteName, postTitle, publishUrl, commentText: row.body })));
  }
  if (row.status !== 'approved') return { items };

  // The double opt-in starts only once the comment is public: a spammer's pending comment mails nobody.
  if (row.notify && row.email) {
    confirmation = { email: row.email, item: email('confirm', confirmationRequest(language, { to: row.email, siteName, confirmUrl: subscriptionLink(ctx, 'confirm', row.email, language.lang) })) };
  }
  const parent = row.parentId === null ? undefined : await getComment(ctx.db, row.parentId);
  const selfReply = parent?.commenterKey != null && parent.commenterKey === row.commenterKey;
  if (parent?.status === 'approved' && parent.notify && parent.email && !selfReply && (await mayReceiveReplies(ctx, parent.email))) {
    items.push(
      email(
        'reply',
        replyNotice(language, {
          to: parent.email,
          siteName,
          postTitle,
          link,
          recipientName: parent.name,
          replierName: row.name,
          replyText: row.body,
          unsubscribeUrl: subscriptionLink(ctx, 'unsubscribe', parent.email, language.lang),
        }),
      ),
    );
  }
  return { items, confirmation };
}

/**
 * The statements that queue what `event` on `row` sets off, for the batch
 * that makes the change. For a comment not stored yet, `row.id` is the
 * storage's id marker, and `commentIdMarker` says so.
 */
export async function notificationStatements(
  ctx: AppContext,
  event: CommentEvent,
  row: CommentRow,
  commentIdMarker?: number,
  options: NotificationOptions = {},
): Promise<Statement[]> {
  const { items, confirmation } = await itemsFor(ctx, event, row, options);
  const now = ctx.now();
  const statements = items.length > 0 ? [enqueueStatement(items, now, commentIdMarker)] : [];
  if (confirmation) statements.push(claimConfirmationStatement(ctx, confirmation.email), enqueueIfChangedStatement(confirmation.item, now, commentIdMarker));
  return statements;
}
