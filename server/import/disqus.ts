/**
 * Disqus XML export reader. `<thread>`s become threads (keyed by `dsq:id`,
 * uri from their link); `<post>`s become comments joined to them by the
 * `dsq:id` of their `<thread>` and `<parent>`. Posts whose thread id is empty
 * or unknown are left to the importer, which counts them as without a post.
 */
import type { CommentStatus } from '../db/comments.js';
import { parseDateTime } from './dates.js';
import { ImportInputError } from './errors.js';
import { threadUriFrom } from './thread-uri.js';
import type { ImportReader } from './types.js';
import { readXml } from './xml-reader.js';

const INTERNALS_NAMESPACE = 'http://disqus.com/disqus-internals';
const THREAD_FIELDS = new Set(['link', 'title', 'createdAt']);
const POST_FIELDS = new Set(['message', 'createdAt', 'isDeleted', 'isSpam']);
const AUTHOR_FIELDS = new Set(['email', 'name', 'username']);

interface Entry {
  kind: 'thread' | 'post';
  id: string;
  line: number;
  fields: Map<string, string>;
  threadId: string;
  parentId: string | null;
}

const optional = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function date(entry: Entry, what: string): number {
  const text = entry.fields.get('createdAt') ?? '';
  const value = parseDateTime(text);
  if (value === null) throw new ImportInputError(`line ${entry.line}`, `${what} ${entry.id} has an invalid <createdAt> "${text.trim()}"`);
  return value;
}

export const readDisqus: ImportReader = async (input, sink) => {
  let idAttribute = 'dsq:id';
  let entry: Entry | null = null;
  let inAuthor = false;

  const finishThread = (thread: Entry) => {
    if (!thread.id) {
      sink.skip('thread-without-id');
      return;
    }
    const at = `line ${thread.line}`;
    const link = optional(thread.fields.get('link'));
    if (!link) throw new ImportInputError(at, `thread ${thread.id} has no <link>`);
    sink.thread({ key: thread.id, uri: threadUriFrom(link, input.baseUrl, at), title: optional(thread.fields.get('title')), createdAt: date(thread, 'thread'), at });
  };

  const finishPost = (post: Entry) => {
    const at = `line ${post.line}`;
    if (!post.id) throw new ImportInputError(at, 'a <post> without dsq:id');
    const flag = (name: string) => post.fields.get(name)?.trim() === 'true';
    const status: CommentStatus = flag('isDeleted') ? 'deleted' : flag('isSpam') ? 'spam' : 'approved';
    const username = optional(post.fields.get('username'));
    sink.comment({
      sourceId: post.id,
      threadKey: post.threadId,
      parentSourceId: post.parentId,
      status,
      text: { kind: 'html', text: post.fields.get('message') ?? '' },
      name: optional(post.fields.get('name')),
      email: optional(post.fields.get('email')),
      url: null,
      isAuthor: false,
      account: username === null ? null : `disqus:${username}`,
      notify: false,
      preferredId: null,
      createdAt: date(post, 'post'),
      editedAt: null,
      at,
    });
  };

  await readXml(
    input.path,
    {
      open(name, attributes, depth, line) {
        if (depth === 1) {
          if (name !== 'disqus') throw new ImportInputError(`line ${line}`, `not a Disqus export: the root element is <${name}>, not <disqus>`);
          const prefix = Object.entries(attributes).find(([key, value]) => key.startsWith('xmlns:') && value === INTERNALS_NAMESPACE)?.[0];
          if (prefix) idAttribute = `${prefix.slice('xmlns:'.length)}:id`;
          return false;
        }
        if (depth === 2) {
          if (name === 'thread' || name === 'post') {
            entry = { kind: name, id: attributes[idAttribute]?.trim() ?? '', line, fields: new Map(), threadId: '', parentId: null };
          }
          return false;
        }
        if (!entry) return false;
        if (depth === 3) {
          if (entry.kind === 'post' && name === 'thread') entry.threadId = attributes[idAttribute]?.trim() ?? '';
          else if (entry.kind === 'post' && name === 'parent') entry.parentId = optional(attributes[idAttribute]);
          else if (entry.kind === 'post' && name === 'author') inAuthor = true;
          return (entry.kind === 'thread' ? THREAD_FIELDS : POST_FIELDS).has(name);
        }
        return depth === 4 && inAuthor && AUTHOR_FIELDS.has(name);
      },
      close(name, text, depth) {
        if (!entry) return;
        if (depth === 2) {
          if (entry.kind === 'thread') finishThread(entry);
          else finishPost(entry);
          entry = null;
        } else if (depth === 3) {
          if (name === 'author') inAuthor = false;
          else entry.fields.set(name, text);
        } else if (depth === 4 && inAuthor && AUTHOR_FIELDS.has(name)) {
          entry.fields.set(name, text);
        }
      },
      ready: () => sink.ready(),
    },
    (done, total) => sink.progress(done, total),
  );
};
