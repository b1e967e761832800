/**
 * A post's comments as the conversation map and the timeline see them: each
 * comment with its writer's number from the report's `people` (numbers by
 * commenter key, per post: never by display name), and each number with the
 * name its first comment here was written under, for the legend.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { PublicComment } from '../../server/comments/public.js';
import type { PostReport } from '../../server/dialogue/types.js';
import type { KommentarBuild } from '../build-data.js';
import { byCreation } from '../charts/time-order.js';
import { treeChart } from '../charts/tree.js';
import type { Strings } from '../i18n.js';
import { shapePill } from './blocks.js';

/** Thumbnails on the overview; every post's full map is on its own page. */
const GALLERY_SIZE = 24;

/** What the map, the timeline and the legend read of a comment (not its text), with its writer's number. */
export type MappedComment = Pick<PublicComment, 'id' | 'parentId' | 'depth' | 'isAuthor' | 'deleted' | 'createdAt' | 'name'> & { person: number | null };

/** The thread's comments with their writer numbers (null: anonymous, or a report without `people`), in the thread's order. */
export function withPeople(comments: readonly PublicComment[], post: PostReport | undefined): MappedComment[] {
  const people = post?.people;
  // A literal of the fields read, not a spread of the whole comment: a build maps every comment of the site.
  return comments.map(({ id, parentId, depth, isAuthor, deleted, createdAt, name }) => ({
    id, parentId, depth, isAuthor, deleted, createdAt, name, person: isAuthor ? 0 : (people?.[String(id)] ?? null),
  }));
}

/** Person number → the name of their first comment in the thread (comments come oldest first within each level). */
export function personNames(comments: readonly MappedComment[], strings: Strings): Map<number, string> {
  const names = new Map<number, string>();
  const inTime = [...comments].sort(byCreation);
  for (const comment of inTime) {
    if (comment.person === null || comment.deleted || names.has(comment.person)) continue;
    names.set(comment.person, comment.person === 0 ? strings.t('report.chart.tree.author') : (comment.name ?? strings.t('report.page.anonymous')));
  }
  return new Map([...names].sort(([a], [b]) => a - b));
}

/** The overview's gallery: the posts with the most comments, each a small map linking to its page. */
export function conversationGallery(build: KommentarBuild, strings: Strings): string {
  const items = [...build.postPages]
    .sort((a, b) => b.report.comments - a.report.comments)
    .slice(0, GALLERY_SIZE)
    .map((page, i) => {
      const comments = withPeople(build.thread(page.uri)?.comments ?? [], page.report);
      const tree = treeChart(comments, { id: `kommentar-tree-${i + 1}`, strings, small: true, maxNodes: 250 });
      return `<li><a href="${escapeHtml(page.path)}">${escapeHtml(page.title)}</a> ${shapePill(page.report.shape, strings)}${tree}</li>`;
    })
    .join('');
  return items ? `<h3>${escapeHtml(strings.t('report.page.conversationsHeading'))}</h3><ul class="kommentar-gallery">${items}</ul>` : '';
}
