/** The surroundings of a comment the desk shows: its parent and the post it is on. */
import type { AppContext } from '../context.js';
import { getComments, type CommentRow } from '../db/comments.js';
import { commentPermalink, pageUrl } from '../urls.js';

export interface CommentInContext {
  comment: CommentRow;
  /** The comment it replies to; undefined for a top-level comment. */
  parent: CommentRow | undefined;
  postTitle: string;
  postUrl: string;
  /** The comment on the blog page. */
  permalink: string;
}

/** Each comment with its parent and post, keeping the order given; the parents come in one read. */
export async function withContext(ctx: AppContext, rows: CommentRow[]): Promise<CommentInContext[]> {
  const parentIds = rows.flatMap((row) => (row.parentId === null ? [] : [row.parentId]));
  const parents = new Map((await getComments(ctx.db, parentIds)).map((row) => [row.id, row]));
  return rows.map((comment) => ({
    comment,
    parent: comment.parentId === null ? undefined : parents.get(comment.parentId),
    // A pending comment's proposed title is shown to the author only; the thread takes it on approval.
    postTitle: comment.threadTitle ?? comment.pageTitle ?? comment.uri,
    postUrl: pageUrl(ctx.config, comment.site, comment.uri),
    permalink: commentPermalink(ctx.config, comment.site, comment.uri, comment.id),
  }));
}

/** The comments with these ids, in the order of the ids, skipping any that no longer exist; one read. */
export async function loadComments(ctx: AppContext, ids: number[]): Promise<CommentRow[]> {
  const byId = new Map((await getComments(ctx.db, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
