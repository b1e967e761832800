/** Storage read for whole-site builds: every thread of a site and its comments in two queries. */
import { listSiteComments, type CommentRow, type CommentStatus } from './comments.js';
import type { Db } from './connection.js';
import { listThreads, type ThreadRow } from './threads.js';

export interface SiteThreadRows {
  /** Sorted by uri. */
  threads: ThreadRow[];
  /** Oldest first; each belongs to one of `threads`. */
  comments: CommentRow[];
}

/**
 * Comments are read before threads: threads are never removed, so every comment
 * read finds its thread even while new threads and comments are being written.
 */
export async function listSiteThreadRows(db: Db, site: string, statuses: CommentStatus[]): Promise<SiteThreadRows> {
  const comments = await listSiteComments(db, site, statuses);
  const threads = await listThreads(db, site);
  return { threads, comments };
}
