/** The surroundings of a comment the desk shows: its parent and the post it is on. */
import type { AppContext } from '../context.js';
import { getComment, type CommentRow } from '../db/comments.js';
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

/** Loads each comment with its parent, keeping the order given; unknown ids are skipped. */
export async function withContext(ctx: AppContext, rows: CommentRow[]): Promise<CommentInContext[]> {
  return Promise.all(
    rows.map(async (comment) => ({
      comment,
      parent: comment.parentId === null ? undefined : await getComment(ctx.db, comment.parentId),
      // A pending comment's proposed title is shown to the author only; the thread takes it on approval.
      postTitle: comment.threadTitle ?? comment.pageTitle ?? comment.uri,
      postUrl: pageUrl(ctx.config, comment.site, comment.uri),
      permalink: commentPermalink(ctx.config, comment.site, comment.uri, comment.id),
    })),
  );
}

/** The comments with these ids, in the order of the ids, skipping any that no longer exist. */
export async function loadComments(ctx: AppContext, ids: number[]): Promise<CommentRow[]> {
  const rows = await Promise.all(ids.map((id) => getComment(ctx.db, id)));
  return rows.filter((row): row is CommentRow => row !== undefined);
}
