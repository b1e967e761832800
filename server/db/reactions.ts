/**
 * Storage for reactions from elsewhere: likes, reposts, bookmarks and plain
 * mentions, one row per source item and kind (a re-sent Webmention or a
 * re-fetched post replaces its row, never adds one). Every query on the
 * reactions table lives here.
 */
import type { Db } from './connection.js';
import { upsertThreadStatement } from './threads.js';

/** Applause counts of one thread, as the report reads them. */
export interface Reactions {
  likes: number;
  reposts: number;
}

export type ReactionKind = 'like' | 'repost' | 'bookmark' | 'mention';
export type ReactionSource = 'webmention' | 'mastodon' | 'bluesky';

export interface ReactionInput {
  site: string;
  uri: string;
  source: ReactionSource;
  /** The item that reacted: a Webmention's source page, or the syndicated copy (with its counts). */
  itemUrl: string;
  kind: ReactionKind;
  /** 1 for one Webmention; the platform's count for a syndicated copy. */
  count: number;
  authorName: string | null;
  authorUrl: string | null;
}

/** A reaction of one thread (by its uri) as stored, with when it last changed: what the export writes and an import brings back. */
export type ThreadReaction = Omit<ReactionInput, 'site'> & { updatedAt: number };

/** A mention shown as "mentioned by": who, and where. */
export interface Mention {
  itemUrl: string;
  authorName: string | null;
  authorUrl: string | null;
}

export async function upsertReaction(db: Db, reaction: ReactionInput, now: number): Promise<void> {
  await db.batch(
    [
      upsertThreadStatement(reaction.site, reaction.uri, null, now),
      {
        sql: `INSERT INTO reactions (thread_id, source, item_url, kind, count, author_name, author_url, updated_at)
              VALUES ((SELECT id FROM threads WHERE site = ? AND uri = ?), ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (thread_id, item_url, kind) DO UPDATE SET count = excluded.count,
                author_name = excluded.author_name, author_url = excluded.author_url, updated_at = excluded.updated_at`,
        args: [reaction.site, reaction.uri, reaction.source, reaction.itemUrl, reaction.kind, reaction.count, reaction.authorName, reaction.authorUrl, now],
      },
    ],
    'write',
  );
}

/** Removes every reaction of one item on a thread (its Webmention was deleted or turned into a reply). */
export async function deleteReactionsOf(db: Db, site: string, uri: string, itemUrl: string): Promise<void> {
  await db.execute({
    sql: 'DELETE FROM reactions WHERE item_url = ? AND thread_id = (SELECT id FROM threads WHERE site = ? AND uri = ?)',
    args: [itemUrl, site, uri],
  });
}

/** Likes and reposts per thread, for the threads asked (threads with none are absent). */
export async function reactionsOfThreads(db: Db, threadIds: number[]): Promise<Map<number, Reactions>> {
  const byThread = new Map<number, Reactions>();
  if (threadIds.length === 0) return byThread;
  const result = await db.execute({
    sql: `SELECT thread_id, kind, sum(count) AS n FROM reactions
          WHERE kind IN ('like', 'repost') AND thread_id IN (${threadIds.map(() => '?').join(', ')}) GROUP BY thread_id, kind`,
    args: threadIds,
  });
  for (const row of result.rows) {
    const id = Number(row.thread_id);
    const counts = byThread.get(id) ?? { likes: 0, reposts: 0 };
    if (row.kind === 'like') counts.likes = Number(row.n);
    else counts.reposts = Number(row.n);
    byThread.set(id, counts);
  }
  return byThread;
}

/** The plain mentions of a thread, oldest first. */
export async function listMentions(db: Db, site: string, uri: string): Promise<Mention[]> {
  const result = await db.execute({
    sql: `SELECT r.item_url, r.author_name, r.author_url FROM reactions r JOIN threads t ON t.id = r.thread_id
          WHERE t.site = ? AND t.uri = ? AND r.kind = 'mention' ORDER BY r.id`,
    args: [site, uri],
  });
  return result.rows.map((row) => ({
    itemUrl: String(row.item_url),
    authorName: row.author_name === null ? null : String(row.author_name),
    authorUrl: row.author_url === null ? null : String(row.author_url),
  }));
}
