/**
 * Decides what an import writes, without touching storage: one thread per
 * uri; which comments are new, already there unchanged, or changed since the
 * last import (conflicts, never overwritten); each new comment's parent and
 * depth; and an order that puts parents before replies and otherwise follows time.
 */
import type { PreviouslyImported } from '../db/imports.js';
import type { Lang } from '../i18n/languages.js';
import type { CollectedComment } from './collect.js';
import { ImportInputError } from './errors.js';
import type { ImportedCopy, ImportedReaction, ImportedThread } from './types.js';

export interface PlannedComment {
  comment: CollectedComment;
  uri: string;
  /** Another new comment, one an earlier import stored, or none (top level). */
  parent: PlannedComment | PreviouslyImported | null;
  /** From 1; 0 until resolved. */
  depth: number;
  /** The comment id, once the writer assigns it (0 before). */
  id: number;
}

/** Whether a parent is a comment of this import (rather than a stored one). */
export function isPlanned(parent: PlannedComment | PreviouslyImported): parent is PlannedComment {
  return 'comment' in parent;
}

/** A comment the source changed after it was imported: reported, left as stored. */
export interface ImportConflict {
  sourceId: string;
  at: string;
  commentId: number;
  /** Which of status, body, name, url differ from what is stored. */
  changed: string[];
}

export interface PlannedThread {
  uri: string;
  title: string | null;
  lang: Lang | null;
  createdAt: number;
}

export interface ImportPlan {
  threads: PlannedThread[];
  /** New comments in write order. */
  comments: PlannedComment[];
  unchanged: number;
  conflicts: ImportConflict[];
  /** New comments whose parent is missing (or in another thread): kept as top-level. */
  orphans: number;
  /** Comments naming a thread the source does not have: not imported. */
  withoutThread: number;
  /** Reactions and syndicated copies from elsewhere, by the uri of their thread (those naming no thread of the file are left out). */
  reactions: (Omit<ImportedReaction, 'threadKey'> & { uri: string })[];
  copies: (Omit<ImportedCopy, 'threadKey'> & { uri: string })[];
}

/** What a source holds besides threads and comments (only Kommentar's own export). */
export interface ElsewhereRecords {
  reactions: ImportedReaction[];
  copies: ImportedCopy[];
}

/** Each record with its thread's uri instead of its key, or left out when the file has no such thread. */
function byUri<T extends { threadKey: string }>(records: T[], threadByKey: Map<string, ImportedThread>): (Omit<T, 'threadKey'> & { uri: string })[] {
  return records.flatMap(({ threadKey, ...record }) => {
    const uri = threadByKey.get(threadKey)?.uri;
    return uri === undefined ? [] : [{ ...record, uri }];
  });
}

/** What differs between a stored comment and the same comment read again (the body by its source hash). */
function differences(stored: PreviouslyImported, comment: CollectedComment): string[] {
  const changed: string[] = [];
  if (stored.status !== comment.status) changed.push('status');
  if (stored.importHash !== comment.hash) changed.push('body');
  if (stored.name !== comment.name) changed.push('name');
  if (stored.url !== comment.url) changed.push('url');
  return changed;
}

function indexThreads(threads: ImportedThread[]): Map<string, ImportedThread> {
  const byKey = new Map<string, ImportedThread>();
  for (const thread of threads) {
    const first = byKey.get(thread.key);
    if (first) throw new ImportInputError(thread.at, `post ${thread.key} appears twice (first at ${first.at})`);
    byKey.set(thread.key, thread);
  }
  return byKey;
}

function checkUniqueIds(comments: CollectedComment[]): void {
  const seen = new Map<string, CollectedComment>();
  for (const comment of comments) {
    const first = seen.get(comment.sourceId);
    if (first) throw new ImportInputError(comment.at, `comment id ${comment.sourceId} appears twice (first at ${first.at})`);
    seen.set(comment.sourceId, comment);
  }
}

/** Fills in depths, walking each chain up to a known depth; a chain that loops is refused. */
function resolveDepths(planned: PlannedComment[]): void {
  for (const start of planned) {
    if (start.depth !== 0) continue;
    const chain: PlannedComment[] = [];
    const onChain = new Set<PlannedComment>();
    let base = 0;
    for (let node: PlannedComment | null = start; node !== null; ) {
      if (node.depth !== 0) {
        base = node.depth;
        break;
      }
      if (onChain.has(node)) throw new ImportInputError(node.comment.at, `comment ${node.comment.sourceId} is its own ancestor (its parent links form a loop)`);
      onChain.add(node);
      chain.push(node);
      const parent: PlannedComment | PreviouslyImported | null = node.parent;
      if (parent !== null && !isPlanned(parent)) base = parent.depth;
      node = parent !== null && isPlanned(parent) ? parent : null;
    }
    for (let i = chain.length - 1; i >= 0; i--) chain[i]!.depth = ++base;
  }
}

/** Time order (ties: source order; the sort is stable), except that a reply never precedes its parent. */
function writeOrder(planned: PlannedComment[]): PlannedComment[] {
  const sorted = [...planned].sort((a, b) => a.comment.createdAt - b.comment.createdAt);
  const written = new Set<PlannedComment>();
  const waiting = new Map<PlannedComment, PlannedComment[]>();
  const order: PlannedComment[] = [];
  for (const p of sorted) {
    const parent = p.parent !== null && isPlanned(p.parent) ? p.parent : null;
    if (parent && !written.has(parent)) {
      const list = waiting.get(parent);
      if (list) list.push(p);
      else waiting.set(parent, [p]);
      continue;
    }
    const stack = [p];
    while (stack.length > 0) {
      const next = stack.pop()!;
      order.push(next);
      written.add(next);
      const replies = waiting.get(next);
      if (replies) for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
    }
  }
  return order;
}

function planThreads(threads: ImportedThread[], comments: CollectedComment[], threadByKey: Map<string, ImportedThread>, now: number): PlannedThread[] {
  const firstComment = new Map<string, number>();
  for (const comment of comments) {
    const uri = threadByKey.get(comment.threadKey)?.uri;
    if (uri !== undefined) firstComment.set(uri, Math.min(firstComment.get(uri) ?? Infinity, comment.createdAt));
  }
  const byUri = new Map<string, PlannedThread>();
  for (const thread of threads) {
    const known = byUri.get(thread.uri);
    if (known) {
      known.title ??= thread.title;
      known.lang ??= thread.lang ?? null;
    } else byUri.set(thread.uri, { uri: thread.uri, title: thread.title, lang: thread.lang ?? null, createdAt: thread.createdAt ?? firstComment.get(thread.uri) ?? now });
  }
  return [...byUri.values()];
}

/**
 * The plan for `comments` read from a source, given what earlier imports from
 * the same source stored. Throws `ImportInputError` for duplicate ids and loops.
 */
export function planImport(
  threads: ImportedThread[],
  comments: CollectedComment[],
  stored: PreviouslyImported[],
  now: number,
  elsewhere: ElsewhereRecords = { reactions: [], copies: [] },
): ImportPlan {
  const threadByKey = indexThreads(threads);
  checkUniqueIds(comments);
  const storedById = new Map(stored.map((row) => [row.importId, row]));
  // Where each source id ended up: a comment this import writes, or one stored before.
  const placements = new Map<string, PlannedComment | PreviouslyImported>();
  const planned: PlannedComment[] = [];
  const conflicts: ImportConflict[] = [];
  let unchanged = 0;
  let withoutThread = 0;

  for (const comment of comments) {
    const thread = threadByKey.get(comment.threadKey);
    if (!thread) {
      withoutThread++;
      continue;
    }
    const before = storedById.get(comment.sourceId);
    if (before) {
      const changed = differences(before, comment);
      if (changed.length === 0) unchanged++;
      else conflicts.push({ sourceId: comment.sourceId, at: comment.at, commentId: before.id, changed });
      placements.set(comment.sourceId, before);
      continue;
    }
    const entry: PlannedComment = { comment, uri: thread.uri, parent: null, depth: 0, id: 0 };
    planned.push(entry);
    placements.set(comment.sourceId, entry);
  }

  let orphans = 0;
  for (const entry of planned) {
    const parentId = entry.comment.parentSourceId;
    if (parentId === null) continue;
    const parent = placements.get(parentId) ?? storedById.get(parentId);
    if (parent?.uri !== entry.uri) {
      orphans++;
      continue;
    }
    entry.parent = parent;
  }
  resolveDepths(planned);

  return {
    threads: planThreads(threads, comments, threadByKey, now),
    comments: writeOrder(planned),
    unchanged,
    conflicts,
    orphans,
    withoutThread,
    reactions: byUri(elsewhere.reactions, threadByKey),
    copies: byUri(elsewhere.copies, threadByKey),
  };
}
