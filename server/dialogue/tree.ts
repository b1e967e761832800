/**
 * The full comment tree of one post: parents, depths and roots, with every comment in it
 * whatever its status or date (non-counted comments are the placeholders that give
 * their descendants depth). Depth has one definition, the stored `depth` column the API
 * serves (parent's + 1, set when the comment is written); over the full tree it is the same
 * number, derived here only so that corrupt imported data (orphans, cycles) still gets one.
 */
import { compareTimeOrder } from './counting.js';
import type { MetricComment } from './types.js';

export interface CommentForest {
  /** Index (into the post's comment array) of the parent, or -1 for a root. */
  parent: Int32Array;
  /** The post is level 0; a root has depth 1; a reply its parent's depth + 1. */
  depth: Int32Array;
  /** Index of the root (depth-1 comment) of each comment's tree; a root is its own. */
  root: Int32Array;
  /** 1 where the parent id does not resolve: missing from the post, the comment itself, or a cycle. */
  unresolved: Uint8Array;
  /** All indices, parents before their replies (sorted by depth). */
  order: Int32Array;
  maxDepth: number;
}

/**
 * Builds the forest without recursion, so a chain 10,000 deep is fine. Orphans become
 * roots. Corrupt data with a parent cycle is cut at the cycle's earliest comment (time
 * order), which then counts as an orphan too: the result does not depend on input order.
 */
export function buildForest(comments: readonly MetricComment[]): CommentForest {
  const n = comments.length;
  const indexById = new Map<number, number>();
  for (let i = 0; i < n; i++) indexById.set(comments[i]!.id, i);

  const parent = new Int32Array(n).fill(-1);
  const unresolved = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const parentId = comments[i]!.parentId;
    if (parentId === null) continue;
    const p = indexById.get(parentId);
    if (p === undefined || p === i) unresolved[i] = 1;
    else parent[i] = p;
  }

  // Depth by walking up to the first comment whose depth is known, then filling in on the way back.
  const depth = new Int32Array(n); // 0 = not known yet
  const onPath = new Uint8Array(n);
  const path: number[] = [];
  let maxDepth = 0;
  for (let start = 0; start < n; start++) {
    while (depth[start] === 0) {
      path.length = 0;
      let x = start;
      while (x !== -1 && depth[x] === 0 && onPath[x] === 0) {
        onPath[x] = 1;
        path.push(x);
        x = parent[x]!;
      }
      if (x !== -1 && onPath[x] === 1) {
        breakCycle(comments, path, path.indexOf(x), parent, unresolved);
        for (const y of path) onPath[y] = 0;
        continue; // walk again from `start`, now that the cycle is cut
      }
      let d = x === -1 ? 0 : depth[x]!;
      for (let k = path.length - 1; k >= 0; k--) {
        const y = path[k]!;
        depth[y] = ++d;
        onPath[y] = 0;
      }
      if (d > maxDepth) maxDepth = d;
    }
  }

  const order = orderByDepth(depth, maxDepth);
  const root = new Int32Array(n);
  for (const i of order) {
    const p = parent[i]!;
    root[i] = p === -1 ? i : root[p]!;
  }
  return { parent, depth, root, unresolved, order, maxDepth };
}

/** Cuts the cycle path[from..] at its earliest comment, which becomes a root. */
function breakCycle(
  comments: readonly MetricComment[],
  path: readonly number[],
  from: number,
  parent: Int32Array,
  unresolved: Uint8Array,
): void {
  let first = path[from]!;
  for (let k = from + 1; k < path.length; k++) {
    const y = path[k]!;
    if (compareTimeOrder(comments[y]!, comments[first]!) < 0) first = y;
  }
  parent[first] = -1;
  unresolved[first] = 1;
}

/** Counting sort by depth: a parent is always exactly one level above its replies. */
function orderByDepth(depth: Int32Array, maxDepth: number): Int32Array {
  const start = new Int32Array(maxDepth + 2);
  for (const d of depth) start[d + 1]!++;
  for (let d = 1; d <= maxDepth + 1; d++) start[d]! += start[d - 1]!;
  const order = new Int32Array(depth.length);
  for (let i = 0; i < depth.length; i++) order[start[depth[i]!]!++] = i;
  return order;
}
