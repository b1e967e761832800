/**
 * The Kommentar export format (`kommentar export`, `kommentar import json`):
 *
 *   { "format": "kommentar-export", "version": 1, "site": "blog",
 *     "threads":  [ { "uri", "title", "lang" } ],               by uri
 *     "comments": [ { "id", "uri", "parentId", "status", "body", "name", "url",
 *                     "isAuthor", "commenterKey", "createdAt", "editedAt",
 *                     "source"?, "sourceUrl"?, "acknowledgedAt"? } ],             by id
 *     "reactions": [ { "uri", "source", "itemUrl", "kind", "count", "authorName",
 *                      "authorUrl", "updatedAt" } ],                 by uri, itemUrl, kind
 *     "syndication": [ { "uri", "url", "platform" } ] }              by uri, url
 *
 * A thread's `lang` is the language its emails are written in (null: the
 * site's); exports from before threads had one lack it and still import.
 * A reply written elsewhere (a Webmention, Mastodon, Bluesky) carries `source`
 * and the reply's own `sourceUrl`, so after a move it stays what it was and the
 * poller does not fetch it again as new; a comment written on the site has neither.
 * `acknowledgedAt`: when the author marked the comment "no answer needed" (only
 * then present). `reactions` (likes, reposts, bookmarks, mentions from
 * elsewhere) and `syndication` (the post's copies on Mastodon or Bluesky, whose
 * replies the server fetches) are absent from older exports, which still import.
 * `body` is the Markdown source (the HTML is rendered again on import);
 * `createdAt`/`editedAt` are ISO 8601 UTC; `commenterKey` is the pseudonymous
 * HMAC (meaningful only under the same KOMMENTAR_SECRET). Only with
 * `--include-private` does each comment also carry `email` and `notify`.
 * Importing an export into an empty database and exporting again gives the same bytes.
 */
import type { CommentSource, CommentStatus } from '../db/comments.js';
import type { ThreadReaction } from '../db/reactions.js';
import type { Platform } from '../db/syndication.js';

export const EXPORT_FORMAT = 'kommentar-export';
export const EXPORT_VERSION = 1;

export interface ExportThread {
  uri: string;
  title: string | null;
  lang?: string | null;
}

export interface ExportComment {
  id: number;
  uri: string;
  parentId: number | null;
  status: CommentStatus;
  body: string;
  name: string | null;
  url: string | null;
  isAuthor: boolean;
  commenterKey: string | null;
  createdAt: string;
  editedAt: string | null;
  /** Only for a comment written elsewhere. */
  source?: Exclude<CommentSource, 'site'>;
  /** Only for a comment written elsewhere: the reply's own address. */
  sourceUrl?: string | null;
  /** Only when the author marked it "no answer needed". */
  acknowledgedAt?: string;
  /** Only with `--include-private`. */
  email?: string | null;
  /** Only with `--include-private`. */
  notify?: boolean;
}

/** Times as ISO 8601 text, as everywhere in the export. */
export type ExportReaction = Omit<ThreadReaction, 'updatedAt'> & { updatedAt: string };

export interface ExportCopy {
  uri: string;
  url: string;
  platform: Platform;
}

export interface KommentarExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  site: string;
  threads: ExportThread[];
  comments: ExportComment[];
  reactions?: ExportReaction[];
  syndication?: ExportCopy[];
}
