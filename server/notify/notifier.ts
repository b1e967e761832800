/**
 * Turns comment events into outbox items: reply emails to subscribed
 * commenters, the double opt-in confirmation, notices to the author, and
 * webhook calls. Only enqueues; the outbox worker sends.
 */
import type { AppContext } from '../context.js';
import { findSite } from '../config.js';
import { getComment, type CommentRow } from '../db/comments.js';
import { enqueue, type NewOutboxItem } from '../db/outbox.js';
import { errorText } from '../log.js';
import { commentPermalink } from '../urls.js';
import type { EmailMessage } from './mailer.js';
import { authorNotice, confirmationRequest, replyNotice } from './messages.js';
import { claimConfirmation, mayReceiveReplies, subscriptionLink } from './subscriptions.js';
import { webhookBody, type WebhookEvent } from './webhook.js';

const email = (topic: string, message: EmailMessage): NewOutboxItem => ({ kind: 'email', topic, payload: JSON.stringify(message) });

/** What a new or newly approved comment should set off; each item is enqueued by the caller. */
async function itemsFor(ctx: AppContext, event: 'created' | 'approved', row: CommentRow): Promise<NewOutboxItem[]> {
  const site = findSite(ctx.config, row.site);
  if (!site) return [];
  const items: NewOutboxItem[] = [];
  const { smtp, webhook } = ctx.config;
  const siteName = site.title ?? site.id;
  const postTitle = row.threadTitle ?? row.uri;
  const link = commentPermalink(ctx.config, row.site, row.uri, row.id);

  if (webhook) {
    const webhookEvent: WebhookEvent = event === 'created' ? 'comment.created' : 'comment.approved';
    items.push({ kind: 'webhook', topic: webhookEvent, payload: webhookBody(ctx, webhookEvent, row) });
  }
  if (!smtp) return items;

  if (event === 'created' && !row.isAuthor && smtp.authorAddress) {
    const deskUrl = `${ctx.config.publicUrl}/admin${row.status === 'approved' ? '' : '/moderation'}?site=${encodeURIComponent(row.site)}`;
    const pending = row.status !== 'approved';
    items.push(email('author', authorNotice({ to: smtp.authorAddress, siteName, postTitle, link, deskUrl, commenterName: row.name, text: row.body, pending })));
  }
  if (row.status !== 'approved') return items;

  // The double opt-in starts only once the comment is public: a spammer's pending comment mails nobody.
  if (row.notify && row.email && (await claimConfirmation(ctx, row.email))) {
    items.push(email('confirm', confirmationRequest({ to: row.email, siteName, confirmUrl: subscriptionLink(ctx, 'confirm', row.email) })));
  }
  const parent = row.parentId === null ? undefined : await getComment(ctx.db, row.parentId);
  const selfReply = parent?.commenterKey != null && parent.commenterKey === row.commenterKey;
  if (parent?.status === 'approved' && parent.notify && parent.email && !selfReply && (await mayReceiveReplies(ctx, parent.email))) {
    items.push(
      email(
        'reply',
        replyNotice({
          to: parent.email,
          siteName,
          postTitle,
          link,
          recipientName: parent.name,
          replierName: row.name,
          replyText: row.body,
          unsubscribeUrl: subscriptionLink(ctx, 'unsubscribe', parent.email),
        }),
      ),
    );
  }
  return items;
}

/**
 * Listens to ctx.events and enqueues through `enqueued` (which wakes the
 * worker). `track` receives each handler's promise so shutdown can wait for
 * it. Returns the function that stops listening.
 */
export function listenForComments(ctx: AppContext, track: (work: Promise<void>) => void, enqueued: () => void): () => void {
  const handle = (event: 'created' | 'approved') => (row: CommentRow) => {
    track(
      (async () => {
        const items = await itemsFor(ctx, event, row);
        await enqueue(ctx.db, items, ctx.now());
        if (items.length > 0) enqueued();
      })().catch((error: unknown) => ctx.log.error('notifications', { comment: row.id, error: errorText(error) })),
    );
  };
  const onCreated = handle('created');
  const onApproved = handle('approved');
  ctx.events.on('created', onCreated);
  ctx.events.on('approved', onApproved);
  return () => {
    ctx.events.off('created', onCreated);
    ctx.events.off('approved', onApproved);
  };
}
