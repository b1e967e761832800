/**
 * Reader for Kommentar's own export (server/export/format.ts): the way back
 * from `kommentar export`, e.g. when moving to a new server. Ids, keys, times
 * and bodies come back exactly as exported.
 */
import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION, type KommentarExport } from '../export/format.js';
import { type Lang, langOf } from '../i18n/languages.js';
import { parseDateTime } from './dates.js';
import { ImportInputError } from './errors.js';
import { jsonErrorOffset } from './json-position.js';
import { readTextChunks } from './text-file.js';
import { threadUriFrom } from './thread-uri.js';
import type { ImportReader } from './types.js';

const isoDate = z.string().refine((value) => parseDateTime(value) !== null, 'is not an ISO 8601 date');

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  site: z.string(),
  threads: z.array(z.object({ uri: z.string(), title: z.string().nullable(), lang: z.string().max(35).nullable().optional() })),
  comments: z.array(
    z.object({
      id: z.number().int().positive(),
      uri: z.string(),
      parentId: z.number().int().positive().nullable(),
      status: z.enum(['approved', 'pending', 'spam', 'deleted']),
      body: z.string(),
      name: z.string().nullable(),
      url: z.string().nullable(),
      isAuthor: z.boolean(),
      commenterKey: z.string().regex(/^[0-9a-f]{64}$/, 'is not a commenter key').nullable(),
      createdAt: isoDate,
      editedAt: isoDate.nullable(),
      email: z.string().nullable().optional(),
      notify: z.boolean().optional(),
      source: z.enum(['webmention', 'mastodon', 'bluesky']).optional(),
      sourceUrl: z.string().url().max(2000).nullable().optional(),
      acknowledgedAt: isoDate.optional(),
    }),
  ),
  reactions: z
    .array(
      z.object({
        uri: z.string(),
        source: z.enum(['webmention', 'mastodon', 'bluesky']),
        itemUrl: z.string().max(2000),
        kind: z.enum(['like', 'repost', 'bookmark', 'mention']),
        count: z.number().int().min(0),
        authorName: z.string().nullable(),
        authorUrl: z.string().max(2000).nullable(),
        updatedAt: isoDate,
      }),
    )
    .optional(),
  syndication: z.array(z.object({ uri: z.string(), url: z.string().max(2000), platform: z.enum(['mastodon', 'bluesky']) })).optional(),
});

/** "line L, column C" of a character offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    if (offset >= text.length) throw new ImportInputError(`end of file (${lineAndColumn(text, text.length)})`, 'not valid JSON: the file ends too early');
    throw new ImportInputError(lineAndColumn(text, offset), `not valid JSON: unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!))}`);
  }
}

/** Reads Kommentar's own JSON export format (what `kommentar export` writes). */
export const readKommentarJson: ImportReader = async (input, sink) => {
  const parts: string[] = [];
  for await (const chunk of readTextChunks(input.path, (done, total) => sink.progress(done, total))) parts.push(chunk);
  const raw = parseJson(parts.join(''));
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportInputError('', `not a Kommentar export: "format" must be "${EXPORT_FORMAT}"`);
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) throw new ImportInputError('version', `export version ${JSON.stringify(version)} is not one this Kommentar reads (${EXPORT_VERSION})`);
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [section, index, field] = issue.path;
    const at = typeof index === 'number' ? `${String(section)}[${index}]` : issue.path.map(String).join('.');
    throw new ImportInputError(at, `${field === undefined ? '' : `${String(field)}: `}${issue.message}`);
  }
  const data: KommentarExport = parsed.data;
  // Threads are keyed by uri.
  const threads = new Map<string, { title: string | null; lang: Lang | null; at: string }>();
  data.threads.forEach((thread, i) => {
    const at = `threads[${i}]`;
    const uri = threadUriFrom(thread.uri, input.baseUrl, at);
    // Only a language Kommentar speaks is kept, as for a live comment's `lang`.
    if (!threads.has(uri)) threads.set(uri, { title: thread.title, lang: langOf(thread.lang) ?? null, at });
  });
  // A comment's, reaction's or copy's uri that the list lacks still gets its thread.
  const threadOf = (raw: string, at: string) => {
    const uri = threadUriFrom(raw, input.baseUrl, at);
    if (!threads.has(uri)) threads.set(uri, { title: null, lang: null, at });
    return uri;
  };
  const commentUris = data.comments.map((comment, i) => threadOf(comment.uri, `comments[${i}]`));
  const reactionUris = (data.reactions ?? []).map((reaction, i) => threadOf(reaction.uri, `reactions[${i}]`));
  const copyUris = (data.syndication ?? []).map((copy, i) => threadOf(copy.uri, `syndication[${i}]`));
  for (const [uri, { title, lang, at }] of threads) sink.thread({ key: uri, uri, title, lang, createdAt: null, at });

  data.comments.forEach((comment, i) => {
    sink.comment({
      sourceId: String(comment.id),
      threadKey: commentUris[i]!,
      parentSourceId: comment.parentId === null ? null : String(comment.parentId),
      status: comment.status,
      text: { kind: 'markdown', text: comment.body },
      name: comment.name,
      email: comment.email ?? null,
      url: comment.url,
      isAuthor: comment.isAuthor,
      account: null,
      commenterKey: comment.commenterKey,
      notify: comment.notify ?? false,
      preferredId: comment.id,
      createdAt: parseDateTime(comment.createdAt)!,
      editedAt: comment.editedAt === null ? null : parseDateTime(comment.editedAt),
      source: comment.source,
      sourceUrl: comment.sourceUrl,
      acknowledgedAt: comment.acknowledgedAt === undefined ? null : parseDateTime(comment.acknowledgedAt),
      at: `comments[${i}]`,
    });
  });
  (data.reactions ?? []).forEach(({ uri: _uri, updatedAt, ...reaction }, i) => {
    sink.reaction({ ...reaction, threadKey: reactionUris[i]!, updatedAt: parseDateTime(updatedAt)! });
  });
  (data.syndication ?? []).forEach(({ url, platform }, i) => {
    sink.copy({ threadKey: copyUris[i]!, url, platform });
  });
};
