/** English, the source catalogue: its keys are the keys every other language has. */
import type { Message } from '../message.js';

export const en = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'English',

  // ── widget. ── What the widget shows while it runs; downloaded by the browser with the `error.` section.
  /** Heading of the thread: no comments, one, several. */
  'widget.comments': { '=0': 'No comments yet', one: '{n} comment', other: '{n} comments' },
  /** The summary of a foldable block of replies. */
  'widget.replies': { one: '{n} reply', other: '{n} replies' },
  /** Under a shortened thread: loads (or, without JavaScript, links to) the rest. */
  'widget.more': { one: 'Show {n} more comment', other: 'Show {n} more comments' },
  'widget.anonymous': 'Anonymous',
  /** The badge on the blog author's own comments. */
  'widget.author': 'Author',
  'widget.edited': 'edited',
  'widget.deleted': 'This comment was deleted.',
  /** A reply shown flat below deep nesting: whom it answers ({name}). */
  'widget.inReplyTo': 'in reply to {name}',
  /** Stands for {name} in "in reply to" when the comment answered was deleted. */
  'widget.deletedComment': 'a deleted comment',
  'widget.reply': 'Reply',
  /** Above the form while it answers a comment. */
  'widget.replyingTo': 'Replying to {name}',
  'widget.cancel': 'Cancel',
  'widget.edit': 'Edit',
  'widget.delete': 'Delete',
  /** The delete button after a first click. */
  'widget.confirmDelete': 'Really delete?',
  'widget.save': 'Save',
  /** Label of the text field when editing one's own comment. */
  'widget.editBody': 'Edit your comment',
  'widget.sending': 'Sending…',
  'widget.published': 'Your comment is published.',
  'widget.pending': 'Thank you! Your comment is awaiting moderation.',
  'widget.updated': 'Your comment was updated.',
  'widget.editPending': 'Thank you! Your change is awaiting moderation; until then the comment shows its earlier text.',
  'widget.removed': 'Your comment was deleted.',
  'widget.notifyNeedsEmail': 'Enter your email to be told about replies.',
  /** The page is not set up for the comment server (the console names the fix); neutral, since readers cannot fix it. */
  'widget.unavailable': 'Comments are unavailable here.',
  'widget.loading': 'Loading comments…',
  /** A comment written elsewhere: where ({name} is one of the `widget.source.` names). */
  'widget.via': 'via {name}',
  /** Link to answer a comment written elsewhere at its original. */
  'widget.replyThere': 'Reply there',
  'widget.source.webmention': 'a blog',
  'widget.source.mastodon': 'Mastodon',
  'widget.source.bluesky': 'Bluesky',


  // ── error. ── One message per API error `code` (`error.<code>`), or per code and field (`error.<code>.<field>`).
  /** No answer from the comment server at all (the widget also carries this one message per language, for when it can load nothing). */
  'error.network': 'The comment server cannot be reached. Please try again.',
  /** Any code without a message of its own (a client that sent something the widget never sends). */
  'error.unknown': 'Something went wrong. Please try again.',
  'error.internal': 'Something went wrong on the server. Please try again later.',
  'error.required': 'Please fill this in.',
  'error.required.body': 'Please write your comment first.',
  'error.too_long': 'This is too long.',
  'error.too_long.body': 'Your comment is too long. Please shorten it.',
  'error.too_long.name': 'This name is too long.',
  'error.too_long.email': 'This email address is too long.',
  'error.too_long.url': 'This web address is too long.',
  'error.invalid_email': 'This is not a valid email address.',
  'error.invalid_url': 'Enter a web address that starts with http:// or https://.',
  'error.invalid_input': 'Something in the form is not valid. Please check it and try again.',
  'error.invalid_input.body': 'Your comment contains characters that cannot be posted (control characters).',
  'error.invalid_input.name': 'Your name contains characters that cannot be used.',
  'error.too_deeply_nested': 'Your comment nests lists or quotes too deeply. Please flatten them a little.',
  /** {n}: seconds until the next try is accepted. */
  'error.rate_limited': { one: 'You are writing faster than this site allows. Please try again in {n} second.', other: 'You are writing faster than this site allows. Please try again in {n} seconds.' },
  'error.forbidden_origin': 'Comments cannot be sent from this page. Only the site’s author can fix this.',
  'error.unknown_site': 'This page is not set up for comments.',
  /** The honeypot field (hidden from people) was filled in. */
  'error.spam_suspected': 'This form looks as if a robot filled it in: a field meant to stay empty was filled (perhaps by your browser). Please reload the page and send again.',
  /** The no-JS form came back sooner after it was shown than a person can write. */
  'error.too_fast': 'That was quick! Please wait a moment, then send again.',
  'error.invalid_form': 'The form could not be read. Please reload the page and try again.',
  'error.invalid_parent': 'The comment you are answering no longer exists.',
  'error.not_found': 'This comment no longer exists.',
  'error.invalid_token': 'This comment can only be changed in the browser it was written in.',
  'error.edit_window_closed': 'This comment can no longer be changed.',
  'error.not_editable': 'This comment was held as spam and cannot be changed.',
  'error.payload_too_large': 'Your comment is too long. Please shorten it.',


  // ── page. ── Server-rendered pages a reader sees: the comment form, the thread page, the no-JS landing and error pages.
  'page.form.label': 'Leave a comment',
  'page.form.body': 'Comment',
  'page.form.markdownHint': 'Markdown works: **bold**, _italic_, [link](https://…), `code`.',
  'page.form.name': 'Name',
  'page.form.email': 'Email',
  'page.form.url': 'Website',
  'page.form.optional': '(optional)',
  'page.form.emailNote': '(optional, never shown)',
  'page.form.notify': 'Email me when someone replies',
  'page.form.remember': 'Remember my name, email and website on this device',
  'page.form.preview': 'Preview',
  'page.form.submit': 'Post comment',
  /** Label of the hidden honeypot field (only robots and screen-reader-less parsers see it). */
  'page.form.honeypot': 'Leave this field empty',
  /** Heading and title of the server's own page of a thread. */
  'page.thread.title': 'Comments',
  'page.thread.back': '← Back to the post',
  'page.thread.published': 'Thank you — your comment is published.',
  'page.thread.pending': 'Thank you — your comment awaits moderation. It appears here once the author approves it.',
  'page.thread.seeOnPost': 'See it on the post',
  'page.thread.returnToPost': 'Back to the post',
  /** Before the pages elsewhere that mention the post (plain Webmention mentions). */
  'page.thread.mentionedBy': 'Mentioned by',
  /** A refused no-JavaScript form post; the reason (an `error.` message) follows. */
  'page.formError.title': 'Your comment was not posted',
  'page.formError.keepText': 'Use your browser’s Back button: your text is still in the form.',


  // ── email. ── Emails: confirmation, reply notification, author notices; subject, body and the unsubscribe text.


  // ── desk. ── The author's desk.


  // ── report. ── The dialogue report: measure names and meanings, shapes, the dialogue pages, the CLI report.

} satisfies Record<string, Message>;
