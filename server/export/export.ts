/**
 * `kommentar export`: a site's threads and comments as one JSON document
 * (format.ts), produced line by line in a fixed order so a site of any size
 * streams out in bounded memory and the same data always gives the same bytes.
 * Emails and notification wishes appear only when asked for.
 */
import type { AppContext } from '../context.js';
import { listExportComments, listExportCopies, listExportReactions, listExportThreads, type ExportCommentRow } from '../db/exports.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportComment, type ExportReaction } from './format.js';

const PAGE = 1000;

function toExportComment(row: ExportCommentRow, includePrivate: boolean): ExportComment {
  const comment: ExportComment = {
    id: row.id,
    uri: row.uri,
    parentId: row.parentId,
    status: row.status,
    body: row.body,
    name: row.name,
    url: row.url,
    isAuthor: row.isAuthor,
    commenterKey: row.commenterKey,
    createdAt: new Date(row.createdAt).toISOString(),
    editedAt: row.editedAt === null ? null : new Date(row.editedAt).toISOString(),
    ...(row.source === 'site' ? {} : { source: row.source, sourceUrl: row.sourceUrl }),
    ...(row.acknowledgedAt === null ? {} : { acknowledgedAt: new Date(row.acknowledgedAt).toISOString() }),
  };
  return includePrivate ? { ...comment, email: row.email, notify: row.notify } : comment;
}

/** The export document as text pieces, one thread or comment per line. */
export async function* exportSite(ctx: AppContext, site: string, options: { includePrivate: boolean }): AsyncGenerator<string> {
  yield `{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "version": ${EXPORT_VERSION},\n  "site": ${JSON.stringify(site)},\n  "threads": [`;
  const threads = await listExportThreads(ctx.db, site);
  yield threads.map((thread, i) => `${i === 0 ? '' : ','}\n    ${JSON.stringify({ uri: thread.uri, title: thread.title, lang: thread.lang })}`).join('');
  yield `${threads.length ? '\n  ' : ''}],\n  "comments": [`;
  let afterId = 0;
  let first = true;
  for (;;) {
    const rows = await listExportComments(ctx.db, site, afterId, PAGE);
    if (rows.length === 0) break;
    yield rows.map((row) => `${first && row === rows[0] ? '' : ','}\n    ${JSON.stringify(toExportComment(row, options.includePrivate))}`).join('');
    first = false;
    afterId = rows.at(-1)!.id;
  }
  yield `${first ? '' : '\n  '}],\n  "reactions": [`;
  yield lines((await listExportReactions(ctx.db, site)).map((row): ExportReaction => ({ ...row, updatedAt: new Date(row.updatedAt).toISOString() })));
  yield `],\n  "syndication": [`;
  yield lines(await listExportCopies(ctx.db, site));
  yield ']\n}\n';
}

/** Records one per line inside a JSON array, the closing bracket's indentation included. */
function lines(records: object[]): string {
  return records.length === 0 ? '' : `${records.map((record) => `\n    ${JSON.stringify(record)}`).join(',')}\n  `;
}
