/**
 * WordPress export (WXR 1.0–1.2) reader. Each published post or page becomes a
 * thread keyed by its permalink's path; `<wp:comment>`s keep their parent
 * links, status and author. Drafts, attachments, menu items and other entries
 * are counted in the summary, not imported, and so are their comments,
 * pingbacks and trackbacks. The blog's users (`<wp:author>`) are the author,
 * by user id or by email.
 */
import type { CommentStatus } from '../db/comments.js';
import { parseDateTime } from './dates.js';
import { ImportInputError } from './errors.js';
import { threadUriFrom } from './thread-uri.js';
import type { ImportedComment, ImportReader, SkipReason } from './types.js';
import { readXml } from './xml-reader.js';

/** Any WXR namespace, http or https (WordPress.com writes https), as WordPress's own importer accepts. */
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/?$/;

// The fields read of each element, by position: `Fields` holds an element's collected texts in this order.
const ITEM_FIELDS = ['title', 'link', 'post_id', 'post_type', 'status', 'post_date_gmt'] as const;
const COMMENT_FIELDS = [
  'comment_id', 'comment_author', 'comment_author_email', 'comment_author_url', 'comment_date', 'comment_date_gmt',
  'comment_content', 'comment_approved', 'comment_type', 'comment_parent', 'comment_user_id',
] as const;
const AUTHOR_FIELDS = ['author_id', 'author_email'] as const;

/** Each field's position in its list. */
function positions<F extends string>(fields: readonly F[]): Record<F, number> {
  return Object.fromEntries(fields.map((field, i) => [field, i])) as Record<F, number>;
}
const I = positions(ITEM_FIELDS);
const C = positions(COMMENT_FIELDS);
const A = positions(AUTHOR_FIELDS);

/**
 * Each field's position by element name as the file writes it: with the file's
 * WordPress prefix, or with none (as WordPress's own importer accepts).
 */
function byElementName(fields: readonly string[], wp: string): Map<string, number> {
  return new Map(fields.flatMap((field, i): [string, number][] => [[`${wp}${field}`, i], [field, i]]));
}

const STATUSES: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  approved: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'deleted',
  'post-trashed': 'deleted',
};

/** Post types whose published entries are threads, with or without comments (the report lists those as silence). */
const THREAD_TYPES = new Set(['post', 'page']);

/** What the summary calls an entry that is no thread. */
function skippedEntry(postType: string): SkipReason {
  if (THREAD_TYPES.has(postType)) return 'unpublished';
  if (postType === 'attachment') return 'attachment';
  if (postType === 'nav_menu_item') return 'menu-item';
  return 'other-post-type';
}

/** An element's collected texts, by field position; undefined where the file has no such element. */
type Fields = (string | undefined)[];

interface ItemState {
  line: number;
  fields: Fields;
  comments: { line: number; fields: Fields }[];
}

const optional = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** WordPress dates are "YYYY-MM-DD HH:MM:SS"; "0000-00-00 00:00:00" means unset. */
function wordpressDate(gmt: string | undefined, local: string | undefined): string | undefined {
  const usable = (value: string | undefined) => (value && value.trim() !== '' && !value.startsWith('0000-00-00') ? value : undefined);
  return usable(gmt) ?? usable(local);
}

export const readWordpress: ImportReader = async (input, sink) => {
  let wp = '';
  // The blog's users (`wp:author`, WXR 1.1+): their comments are the author's, by user id or, where an
  // export's comment_user_id does not resolve (WordPress.com), by their email address.
  const authorIds = new Set<string>();
  const authorEmails = new Set<string>();
  let author: Fields | null = null;
  let item: ItemState | null = null;
  let comment: { line: number; fields: Fields } | null = null;

  // The two container elements' names and the fields' as the file writes them, once its WordPress prefix is known.
  let wpComment = '';
  let wpAuthor = '';
  let itemField = new Map<string, number>();
  let commentField = new Map<string, number>();
  let authorField = new Map<string, number>();

  const toComment = (threadKey: string, { line, fields }: { line: number; fields: Fields }): ImportedComment | null => {
    const at = `line ${line}`;
    const type = fields[C.comment_type]?.trim() ?? '';
    if (type === 'pingback' || type === 'trackback') {
      sink.skip(type);
      return null;
    }
    const id = optional(fields[C.comment_id]);
    if (!id) throw new ImportInputError(at, 'a comment without <wp:comment_id>');
    const approved = fields[C.comment_approved]?.trim() ?? '';
    const status = STATUSES[approved];
    if (!status) throw new ImportInputError(at, `comment ${id} has an unknown status "${approved}" (expected 1, 0, spam or trash)`);
    const dateText = wordpressDate(fields[C.comment_date_gmt], fields[C.comment_date]);
    const createdAt = dateText === undefined ? null : parseDateTime(dateText);
    if (createdAt === null) throw new ImportInputError(at, `comment ${id} has an invalid date "${dateText ?? ''}"`);
    const parent = optional(fields[C.comment_parent]);
    const userId = optional(fields[C.comment_user_id]);
    const email = optional(fields[C.comment_author_email]);
    return {
      sourceId: id,
      threadKey,
      parentSourceId: parent === null || parent === '0' ? null : parent,
      status,
      text: { kind: 'wordpress', text: fields[C.comment_content] ?? '' },
      name: optional(fields[C.comment_author]),
      email,
      url: optional(fields[C.comment_author_url]),
      isAuthor: (userId !== null && userId !== '0' && authorIds.has(userId)) || (email !== null && authorEmails.has(email.toLowerCase())),
      account: null,
      notify: false,
      preferredId: null,
      createdAt,
      editedAt: null,
      at,
    };
  };

  const finishItem = (state: ItemState) => {
    const threadKey = optional(state.fields[I.post_id]) ?? `line ${state.line}`;
    const postType = state.fields[I.post_type]?.trim() || 'post';
    if (!THREAD_TYPES.has(postType) || state.fields[I.status]?.trim() !== 'publish') {
      sink.skip(skippedEntry(postType));
      for (const _ of state.comments) sink.skip('comment-on-skipped-entry');
      return;
    }
    const comments = state.comments.map((c) => toComment(threadKey, c)).filter((c): c is ImportedComment => c !== null);
    const at = `line ${state.line}`;
    const link = optional(state.fields[I.link]);
    if (!link) throw new ImportInputError(at, 'a published post without <link>');
    const postDate = wordpressDate(state.fields[I.post_date_gmt], undefined);
    sink.thread({
      key: threadKey,
      uri: threadUriFrom(link, input.baseUrl, at),
      title: optional(state.fields[I.title]),
      createdAt: postDate === undefined ? null : parseDateTime(postDate),
      at,
    });
    for (const c of comments) sink.comment(c);
  };

  await readXml(
    input.path,
    {
      open(name, attributes, depth, line) {
        if (depth === 1) {
          const wpPrefix = Object.entries(attributes)
            .find(([key, value]) => key.startsWith('xmlns:') && WXR_NAMESPACE.test(value))?.[0]
            .slice('xmlns:'.length);
          if (name !== 'rss' || wpPrefix === undefined) {
            throw new ImportInputError(`line ${line}`, `not a WordPress export (WXR 1.0–1.2): the root element is <${name}> without the WXR namespace`);
          }
          wp = `${wpPrefix}:`;
          wpComment = `${wp}comment`;
          wpAuthor = `${wp}author`;
          itemField = byElementName(ITEM_FIELDS, wp);
          commentField = byElementName(COMMENT_FIELDS, wp);
          authorField = byElementName(AUTHOR_FIELDS, wp);
          return false;
        }
        if (depth === 3) {
          if (name === 'item') item = { line, fields: [], comments: [] };
          else if (name === wpAuthor) author = [];
          return false;
        }
        if (depth === 4 && item) {
          if (name === wpComment) {
            comment = { line, fields: [] };
            return false;
          }
          return itemField.has(name);
        }
        if (depth === 4 && author) return authorField.has(name);
        if (depth === 5 && comment) return commentField.has(name);
        return false;
      },
      close(name, text, depth) {
        if (depth === 5 && comment) {
          const field = commentField.get(name);
          if (field !== undefined) comment.fields[field] = text;
        } else if (depth === 4 && item) {
          if (comment && name === wpComment) {
            item.comments.push(comment);
            comment = null;
          } else {
            const field = itemField.get(name);
            if (field !== undefined) item.fields[field] = text;
          }
        } else if (depth === 4 && author) {
          const field = authorField.get(name);
          if (field !== undefined) author[field] = text;
        } else if (depth === 3) {
          if (item && name === 'item') finishItem(item);
          if (author && name === wpAuthor) {
            const id = optional(author[A.author_id]);
            const email = optional(author[A.author_email]);
            if (id) authorIds.add(id);
            if (email) authorEmails.add(email.toLowerCase());
          }
          item = null;
          author = null;
        }
      },
      ready: () => sink.ready(),
    },
    (done, total) => sink.progress(done, total),
  );
};
