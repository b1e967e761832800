/** Orders a thread's comments so parents come before their replies (depth-first, oldest first at each level). */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

/**
 * Depth-first pre-order, iterative so a chain thousands deep cannot overflow
 * the stack. Input must already be in creation order; that order is kept
 * among siblings. A comment whose parent is missing is treated as top-level.
 */
export function orderThread<T extends TreeNode>(comments: T[]): T[] {
  const ids = new Set(comments.map((comment) => comment.id));
  const children = new Map<number | null, T[]>();
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(comment);
    else children.set(parent, [comment]);
  }
  const ordered: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const comment = stack.pop()!;
    ordered.push(comment);
    const replies = children.get(comment.id);
    if (replies) for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
  }
  return ordered;
}

/** Keeps visible comments plus the hidden ones that still have a visible descendant (placeholders). */
export function keepPlaceholders<T extends TreeNode>(comments: T[], isVisible: (comment: T) => boolean): T[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const keep = new Set<number>();
  for (const comment of comments) {
    if (!isVisible(comment)) continue;
    let current: T | undefined = comment;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return comments.filter((comment) => keep.has(comment.id));
}
