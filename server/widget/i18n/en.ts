/** English strings; `de.ts` has the same keys. */

/** What the widget shows and says while it runs (bundled into /widget.js). */
export const en = {
  /** Heading: no comments, one, several ({n}). */
  comments: ['No comments yet', '1 comment', '{n} comments'],
  replies: ['1 reply', '{n} replies'],
  more: ['Show 1 more comment', 'Show {n} more comments'],
  anonymous: 'Anonymous',
  author: 'Author',
  edited: 'edited',
  deleted: 'This comment was deleted.',
  inReplyTo: 'in reply to {name}',
  deletedComment: 'a deleted comment',
  reply: 'Reply',
  replyingTo: 'Replying to {name}',
  cancel: 'Cancel',
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Really delete?',
  editClosed: 'This comment can no longer be changed.',
  save: 'Save',
  editBody: 'Edit your comment',
  sending: 'Sending…',
  published: 'Your comment is published.',
  pending: 'Thank you! Your comment is awaiting moderation.',
  updated: 'Your comment was updated.',
  editPending: 'Thank you! Your change is awaiting moderation; until then the comment shows its earlier text.',
  removed: 'Your comment was deleted.',
  notifyNeedsEmail: 'Enter your email to be told about replies.',
  failed: 'The comment server cannot be reached. Please try again.',
  /** The page is not set up for the comment server (the console names the fix); neutral, since readers cannot fix it. */
  unavailable: 'Comments are unavailable here.',
  loading: 'Loading comments…',
  /** A comment written elsewhere: where ({name}), and a link to answer at the original. */
  via: 'via {name}',
  replyThere: 'Reply there',
  sources: { webmention: 'a blog', mastodon: 'Mastodon', bluesky: 'Bluesky' },
};

/** The form and the thread page, rendered as HTML by the server or a prerender (not needed in the bundle). */
export const enPage = {
  formLabel: 'Leave a comment',
  body: 'Comment',
  markdownHint: 'Markdown works: **bold**, _italic_, [link](https://…), `code`.',
  name: 'Name',
  email: 'Email',
  url: 'Website',
  optional: '(optional)',
  emailNote: '(optional, never shown)',
  notify: 'Email me when someone replies',
  remember: 'Remember my name, email and website on this device',
  preview: 'Preview',
  submit: 'Post comment',
  honeypot: 'Leave this field empty',
  backToPost: '← Back to the post',
  thanksPublished: 'Thank you — your comment is published.',
  thanksPending: 'Thank you — your comment awaits moderation. It appears here once the author approves it.',
  seeOnPost: 'See it on the post',
  returnToPost: 'Back to the post',
  pageTitle: 'Comments',
  /** Before the pages elsewhere that mention the post (plain Webmention mentions). */
  mentionedBy: 'Mentioned by',
};

/** The shapes every language file has. */
export type Strings = typeof en;
export type PageStrings = typeof enPage;
