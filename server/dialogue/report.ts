/** The whole report from in-memory arrays: groups comments by post and feeds the accumulator. */
import { SiteAccumulator } from './site-accumulator.js';
import type { DialogueReport, MetricComment, MetricPost, ReportOptions } from './types.js';

/**
 * Posts come out in the order of `posts` (a repeated uri keeps its first title and reactions), then the
 * posts that only the comments name, in order of first appearance, with title null.
 * Posts without a counted comment appear only when listed in `posts` or named by a
 * (non-counted) comment, with shape `silence`.
 */
export function computeReport(
  posts: readonly MetricPost[],
  comments: readonly MetricComment[],
  options: ReportOptions,
): DialogueReport {
  const byPost = new Map<string, MetricComment[]>();
  for (const post of posts) if (!byPost.has(post.uri)) byPost.set(post.uri, []);
  for (const comment of comments) {
    const list = byPost.get(comment.postUri);
    if (list) list.push(comment);
    else byPost.set(comment.postUri, [comment]);
  }
  const listed = new Map<string, MetricPost>();
  for (const post of posts) if (!listed.has(post.uri)) listed.set(post.uri, post);

  const site = new SiteAccumulator(options);
  for (const [uri, list] of byPost) site.addPost(listed.get(uri) ?? { uri, title: null }, list);
  return site.finish();
}
