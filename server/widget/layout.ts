/**
 * How a thread is laid out on screen. Storage keeps any depth; the display
 * nests replies only so far, then lists deeper replies flat under their
 * deepest nested ancestor with an "in reply to" link, so a long back-and-forth
 * never squeezes the text into a thin column.
 */
import type { PublicComment } from '../comments/public.js';

/** Indentation levels below a top-level comment. */
export const MAX_NESTING = 5;

export interface DisplayNode {
  comment: PublicComment;
  /** The parent, when the comment is not shown nested directly under it. */
  replyTo: PublicComment | null;
  /** Comments shown nested under this one, in thread order. */
  children: DisplayNode[];
  /** Visible (not deleted) comments anywhere below this one. */
  replies: number;
  /** 0 for a top-level comment, at most MAX_NESTING. */
  level: number;
}

/** Builds the display tree from a thread in parents-first order (as the API lists it). */
export function layoutThread(comments: readonly PublicComment[]): DisplayNode[] {
  const nodes = new Map<number, DisplayNode>();
  const holders = new Map<DisplayNode, DisplayNode>();
  const roots: DisplayNode[] = [];
  for (const comment of comments) {
    const node: DisplayNode = { comment, replyTo: null, children: [], replies: 0, level: 0 };
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    // An orphan (parent not in the list) is shown as top-level, as the server orders it.
    const holder = parent && parent.level >= MAX_NESTING ? holders.get(parent) : parent;
    if (holder) {
      node.level = holder.level + 1;
      if (holder !== parent) node.replyTo = parent!.comment;
      holder.children.push(node);
      holders.set(node, holder);
    } else {
      roots.push(node);
    }
    nodes.set(comment.id, node);
  }
  // Replies come after their ancestors, so walking backwards finishes every count before it is added upwards.
  for (const comment of [...comments].reverse()) {
    const node = nodes.get(comment.id)!;
    const holder = holders.get(node);
    if (holder) holder.replies += node.replies + (comment.deleted ? 0 : 1);
  }
  return roots;
}

/** Comments a reader can read: placeholders of deleted ones do not count. */
export function visibleCount(comments: readonly PublicComment[]): number {
  return comments.filter((comment) => !comment.deleted).length;
}
