/**
 * WordPress export (WXR 1.0–1.2) reader. Each `<item>` with comments, and each
 * published post or page, becomes a thread keyed by its permalink's path;
 * `<wp:comment>`s keep their parent links, status and author. Pingbacks and
 * trackbacks are counted, not imported.
 */
import type { CommentStatus } from '../db/comments.js';
import { parseDateTime } from './dates.js';
import { ImportInputError } from './errors.js';
import { threadUriFrom } from './thread-uri.js';
import type { ImportedComment, ImportReader } from './types.js';
import { readXml } from './xml-reader.js';

const WXR_NAMESPACE = /^http:\/\/wordpress\.org\/export\/1\.[012]\/?$/;

const ITEM_FIELDS = new Set(['title', 'link', 'post_id', 'post_type', 'status', 'post_date_gmt']);
const COMMENT_FIELDS = new Set([
  'comment_id', 'comment_author', 'comment_author_email', 'comment_author_url', 'comment_date', 'comment_date_gmt',
  'comment_content', 'comment_approved', 'comment_type', 'comment_parent', 'comment_user_id',
]);
const AUTHOR_FIELDS = new Set(['author_id']);

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

/** Post types whose published entries are threads even without comments (the report lists them as silence). */
const THREAD_TYPES = new Set(['post', 'page']);

type Fields = Map<string, string>;

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
  // WordPress user ids of the blog's post authors (`wp:author`, WXR 1.1+); their comments are the author's.
  const authorIds = new Set<string>();
  let author: Fields | null = null;
  let item: ItemState | null = null;
  let comment: { line: number; fields: Fields } | null = null;

  /** The local name of a WordPress or un-prefixed element, or null for any other namespace. */
  const local = (name: string): string | null => {
    if (name.startsWith(wp)) return name.slice(wp.length);
    return name.includes(':') ? null : name;
  };

  const toComment = (threadKey: string, { line, fields }: { line: number; fields: Fields }): ImportedComment | null => {
    const at = `line ${line}`;
    const type = fields.get('comment_type')?.trim() ?? '';
    if (type === 'pingback' || type === 'trackback') {
      sink.skip(type);
      return null;
    }
    const id = optional(fields.get('comment_id'));
    if (!id) throw new ImportInputError(at, 'a comment without <wp:comment_id>');
    const approved = fields.get('comment_approved')?.trim() ?? '';
    const status = STATUSES[approved];
    if (!status) throw new ImportInputError(at, `comment ${id} has an unknown status "${approved}" (expected 1, 0, spam or trash)`);
    const dateText = wordpressDate(fields.get('comment_date_gmt'), fields.get('comment_date'));
    const createdAt = dateText === undefined ? null : parseDateTime(dateText);
    if (createdAt === null) throw new ImportInputError(at, `comment ${id} has an invalid date "${dateText ?? ''}"`);
    const parent = optional(fields.get('comment_parent'));
    const userId = optional(fields.get('comment_user_id'));
    return {
      sourceId: id,
      threadKey,
      parentSourceId: parent === null || parent === '0' ? null : parent,
      status,
      text: { kind: 'wordpress', text: fields.get('comment_content') ?? '' },
      name: optional(fields.get('comment_author')),
      email: optional(fields.get('comment_author_email')),
      url: optional(fields.get('comment_author_url')),
      isAuthor: userId !== null && userId !== '0' && authorIds.has(userId),
      account: null,
      notify: false,
      preferredId: null,
      createdAt,
      editedAt: null,
      at,
    };
  };

  const finishItem = (state: ItemState) => {
    const threadKey = optional(state.fields.get('post_id')) ?? `line ${state.line}`;
    const comments = state.comments.map((c) => toComment(threadKey, c)).filter((c): c is ImportedComment => c !== null);
    const published = THREAD_TYPES.has(state.fields.get('post_type')?.trim() ?? 'post') && state.fields.get('status')?.trim() === 'publish';
    if (comments.length === 0 && !published) return;
    const at = `line ${state.line}`;
    const link = optional(state.fields.get('link'));
    if (!link) throw new ImportInputError(at, 'a post with comments but no <link>');
    const postDate = wordpressDate(state.fields.get('post_date_gmt'), undefined);
    sink.thread({
      key: threadKey,
      uri: threadUriFrom(link, input.baseUrl, at),
      title: optional(state.fields.get('title')),
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
          return false;
        }
        if (depth === 3) {
          if (name === 'item') item = { line, fields: new Map(), comments: [] };
          else if (name === `${wp}author`) author = new Map();
          return false;
        }
        const field = local(name);
        if (field === null) return false;
        if (depth === 4 && item) {
          if (name === `${wp}comment`) {
            comment = { line, fields: new Map() };
            return false;
          }
          return ITEM_FIELDS.has(field);
        }
        if (depth === 4 && author) return AUTHOR_FIELDS.has(field);
        if (depth === 5 && comment) return COMMENT_FIELDS.has(field);
        return false;
      },
      close(name, text, depth) {
        if (depth === 5 && comment) {
          const field = local(name);
          if (field !== null && COMMENT_FIELDS.has(field)) comment.fields.set(field, text);
        } else if (depth === 4 && item) {
          if (comment && name === `${wp}comment`) {
            item.comments.push(comment);
            comment = null;
          } else {
            const field = local(name);
            if (field !== null && ITEM_FIELDS.has(field)) item.fields.set(field, text);
          }
        } else if (depth === 4 && author) {
          const field = local(name);
          if (field !== null) author.set(field, text);
        } else if (depth === 3) {
          if (item && name === 'item') finishItem(item);
          if (author && name === `${wp}author`) {
            const id = optional(author.get('author_id'));
            if (id) authorIds.add(id);
          }
          item = null;
          author = null;
        }
      },
    },
    (done, total) => sink.progress(done, total),
  );
};
