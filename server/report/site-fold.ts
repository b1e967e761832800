/**
 * The site's fold of every post's part as bytes (layout: packed-bytes.ts), with what each
 * post's part was computed from, so a later report can tell which posts changed since and
 * read exactly the snapshot that went in, to take it out again. The readers' table is the
 * ints, names and most floats; the post rows are columns (record-columns.ts: their numbers
 * are the first floats), as JSON they took a third of a warm report to parse; the rest is JSON.
 */
import type { PostReport, SiteFold } from '../dialogue/index.js';
import type { CommentsMark, SnapshotIdentity } from '../db/report-snapshots.js';
import { decodePacked, encodePacked } from './packed-bytes.js';
import { fromColumns, toColumns, type RecordColumns } from './record-columns.js';

/** Bump when the layout or what a fold holds changes: older folds are then ignored. */
export const FOLD_FORMAT = 1;

/** What went into the fold for one thread: its snapshot's name, and whether it was counted (the public report leaves out threads without an approved comment). */
export interface FoldedThread {
  identity: SnapshotIdentity;
  counted: boolean;
}

export interface StoredFold {
  /** The cut-off of the report it was made for: a later report may use it, an earlier one not. */
  cutoff: number;
  /** Where the comments stood when the threads' counts it holds were read: comments added since are above its id. */
  mark: CommentsMark;
  fold: SiteFold;
  /** By thread id (the fold's post keys). */
  threads: Map<number, FoldedThread>;
}

/** The author's reply delays per month, as record columns: one list of hours per month. */
const REPLY_SPEC = { keys: ['hours'], columns: ['l' as const] };

/** Thread id, changes, comment count, cut-off, valid until (null: for good), counted (0 or 1). */
type PackedThread = [number, number, number, number, number | null, number];
type Head = Omit<SiteFold, 'readers' | 'posts' | 'monthReplyHours'> & {
  mark: CommentsMark;
  /** Months, then the hours of each, after the post rows' floats. */
  replyMonths: number[];
  replyFloats: number;
  cutoff: number;
  threads: PackedThread[];
  postKeys: number[];
  /** The post rows as columns (their floats first of all), or as they are where they do not share one shape (no posts). */
  posts: Omit<RecordColumns, 'floats'> | PostReport[];
  postFloats: number;
};

export function encodeFold({ cutoff, mark, fold, threads }: StoredFold): Uint8Array {
  const { readers, posts, monthReplyHours, ...rest } = fold;
  const reports = posts.map(([, report]) => report);
  const columns = toColumns(reports);
  const postFloats = columns?.floats ?? new Float64Array(0);
  const replies = toColumns(monthReplyHours.map(([, hours]) => ({ hours })))?.floats ?? new Float64Array(0);
  const floats = new Float64Array(postFloats.length + replies.length + readers.floats.length);
  floats.set(postFloats);
  floats.set(replies, postFloats.length);
  floats.set(readers.floats, postFloats.length + replies.length);
  const packed: PackedThread[] = [];
  for (const [id, { identity, counted }] of threads) {
    packed.push([id, identity.changes, identity.commentCount, identity.cutoff, Number.isFinite(identity.validUntil) ? identity.validUntil : null, counted ? 1 : 0]);
  }
  // Hours and times are finite numbers, which JSON gives back exactly.
  const head: Head = {
    ...rest,
    cutoff,
    mark,
    threads: packed,
    postKeys: posts.map(([key]) => key),
    posts: columns === null ? reports : { count: columns.count, spec: columns.spec, lists: columns.lists },
    postFloats: postFloats.length,
    replyMonths: monthReplyHours.map(([month]) => month),
    replyFloats: replies.length,
  };
  return encodePacked<Head>({ head, floats, ints: readers.ints, names: readers.names, count: readers.floats.length / 5 });
}

export function decodeFold(data: Uint8Array): StoredFold {
  const { head, floats, ints, names } = decodePacked<Head>(data);
  const { cutoff, mark, threads, postKeys, posts, postFloats, replyMonths, replyFloats, ...fold } = head;
  const reports = Array.isArray(posts) ? posts : fromColumns<PostReport>({ ...posts, floats: floats.subarray(0, postFloats) });
  const replies = fromColumns<{ hours: number[] }>({ count: replyMonths.length, spec: REPLY_SPEC, lists: [], floats: floats.subarray(postFloats, postFloats + replyFloats) });
  return {
    cutoff,
    mark,
    fold: {
      ...fold,
      posts: postKeys.map((key, i) => [key, reports[i]!]),
      monthReplyHours: replyMonths.map((month, i) => [month, replies[i]!.hours]),
      readers: { ints, floats: floats.subarray(postFloats + replyFloats), names },
    },
    threads: new Map(
      threads.map(([id, changes, commentCount, from, validUntil, counted]) => [
        id,
        { identity: { changes, commentCount, cutoff: from, validUntil: validUntil ?? Infinity }, counted: counted === 1 },
      ]),
    ),
  };
}
