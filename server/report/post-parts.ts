/**
 * Each post's part of a site report, with its readers' ids: from its snapshot where
 * one is valid, else computed from its comments (and stored as a snapshot for the next
 * report); or, for a window no snapshot serves, computed with ids for that report alone.
 */
import type { Db } from '../db/connection.js';
import { streamSiteThreads, streamThreads, type ReportThreadComments } from '../db/report.js';
import { readerIdsOf, snapshotData, writeSnapshots, type SnapshotIdentity, type SnapshotKind, type SnapshotRow, type ThreadWithSnapshot } from '../db/report-snapshots.js';
import { computePostContribution, unchangedUntil, type PostContribution, type ReportWindow } from '../dialogue/index.js';
import { decodeContribution, encodeContribution } from './post-snapshot.js';

/** Posts computed in one run: their readers are looked up and their snapshots written in one batch. */
const RUN_POSTS = 500;

/** A post's contribution with its readers' ids (the same reader, the same id, in every post of one report). */
export interface PostPart {
  contribution: PostContribution;
  readerIds: Int32Array;
  anyApproved: boolean;
}

/** A thread's part from a snapshot or just computed: what it was computed from, and whether that is stored as a snapshot under that name. */
export interface ThreadPart extends PostPart {
  thread: ThreadWithSnapshot;
  identity: SnapshotIdentity;
  stored: boolean;
}

/** Reader ids that were not stored (the database refused): above every stored id. */
const UNSTORED_IDS = 2 ** 30;

/** Each post's contribution for a window no snapshot serves, with reader ids for this report only. */
export async function* reportOnlyContributions(db: Db, siteId: string, post: string | undefined, window: ReportWindow, people: boolean): AsyncGenerator<PostPart> {
  const ids = new Map<string, number>();
  for await (const { thread, comments, reactions } of streamSiteThreads(db, siteId, post)) {
    const { contribution, readerKeys } = computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people);
    const readerIds = Int32Array.from(readerKeys, (key) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
    yield { contribution, readerIds, anyApproved: comments.some((comment) => comment.status === 'approved') };
  }
}

/**
 * The contributions of `threads` in their order: from the snapshot of `kind` where one is
 * valid, else computed from the thread's comments (and stored as a snapshot of `kind` for the
 * next report). Storing is best effort: a database that refuses writes (read-only, a remote
 * replica) only means the next report computes again.
 */
export async function* postContributions(db: Db, threads: ThreadWithSnapshot[], window: ReportWindow, people: boolean, kind: SnapshotKind): AsyncGenerator<ThreadPart> {
  const compute = ({ thread, comments, reactions }: ReportThreadComments) => ({
    ...computePostContribution({ uri: thread.uri, title: thread.title, reactions }, comments, window, people),
    anyApproved: comments.some((comment) => comment.status === 'approved'),
  });
  const snapshots = await snapshotData(
    db,
    kind,
    threads.flatMap((thread) => (thread.snapshot === null ? [] : [{ threadId: thread.id, identity: thread.snapshot.identity }])),
  );
  // A snapshot replaced since the thread list was read is computed like a missing one.
  const fromSnapshot = (thread: ThreadWithSnapshot) => (thread.snapshot !== null && snapshots.has(thread.id) ? thread.snapshot : null);
  const computed = streamThreads(
    db,
    threads.filter((thread) => fromSnapshot(thread) === null),
  );
  let writable = true;
  const known = new Map<string, number>();
  let unstored = UNSTORED_IDS;
  /** Lasting ids for the keys (assigned where new), or ids for this report alone where the database refuses. */
  const resolve = async (keys: Set<string>) => {
    const unknown = [...keys].filter((key) => !known.has(key));
    if (unknown.length === 0) return;
    // Read first: after one new comment every reader but a newcomer has an id, and a write costs a commit.
    const found = await readerIdsOf(db, unknown, false);
    const missing = unknown.filter((key) => !found.has(key));
    if (missing.length > 0 && writable) {
      try {
        for (const [key, id] of await readerIdsOf(db, missing, true)) found.set(key, id);
      } catch {
        writable = false;
      }
    }
    for (const key of unknown) known.set(key, found.get(key) ?? unstored++);
  };

  // Posts are taken in runs, so the new readers of a run are looked up (or given ids) at once.
  type Pending = { thread: ThreadWithSnapshot } & ({ fresh: false } | { fresh: true; part: ReturnType<typeof compute>; validUntil: number });
  let run: Pending[] = [];
  const finishRun = async function* (): AsyncGenerator<ThreadPart> {
    const keys = new Set<string>();
    for (const item of run) if (item.fresh) for (const key of item.part.readerKeys) keys.add(key);
    await resolve(keys);
    const writes: SnapshotRow[] = [];
    const parts: ThreadPart[] = [];
    for (const item of run) {
      const { thread } = item;
      if (!item.fresh) {
        const snapshot = fromSnapshot(thread)!;
        parts.push({ thread, ...decodeContribution(snapshots.get(thread.id)!), anyApproved: snapshot.anyApproved, identity: snapshot.identity, stored: true });
        continue;
      }
      const { contribution, readerKeys, anyApproved } = item.part;
      const readerIds = Int32Array.from(readerKeys, (key) => known.get(key)!);
      const identity = { changes: thread.changes, commentCount: thread.count, cutoff: window.cutoff, validUntil: item.validUntil };
      // Ids given for this report alone must not be stored.
      const storable = writable && readerIds.every((id) => id < UNSTORED_IDS);
      parts.push({ thread, contribution, readerIds, anyApproved, identity, stored: storable });
      if (storable) writes.push({ threadId: thread.id, ...identity, anyApproved, data: encodeContribution(contribution, readerIds) });
    }
    if (writes.length > 0) {
      await writeSnapshots(db, kind, writes).catch(() => {
        writable = false;
        for (const part of parts) part.stored &&= !writes.some((write) => write.threadId === part.thread.id);
      });
    }
    run = [];
    yield* parts;
  };
  let fresh = 0;
  for (const thread of threads) {
    if (fromSnapshot(thread) !== null) {
      run.push({ thread, fresh: false });
      continue;
    }
    // The stream yields the threads without a snapshot in the same order.
    const next = await computed.next();
    if (next.done) throw new Error(`report: thread ${thread.id} was not read`);
    run.push({ thread, fresh: true, part: compute(next.value), validUntil: unchangedUntil(next.value.comments, window.cutoff) });
    if (++fresh % RUN_POSTS === 0) yield* finishRun();
  }
  yield* finishRun();
}
