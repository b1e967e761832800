/**
 * The site's fold of every post's part as bytes (layout: packed-bytes.ts), with what each
 * post's part was computed from, so a later report can tell which posts changed since and
 * read exactly the snapshot that went in, to take it out again. The readers' table is the
 * floats, ints and names; everything else is JSON.
 */
import type { SiteFold } from '../dialogue/index.js';
import type { SnapshotIdentity } from '../db/report-snapshots.js';
import { decodePacked, encodePacked } from './packed-bytes.js';

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
  fold: SiteFold;
  /** By thread id (the fold's post keys). */
  threads: Map<number, FoldedThread>;
}

/** Thread id, changes, comment count, cut-off, valid until (null: for good), counted (0 or 1). */
type PackedThread = [number, number, number, number, number | null, number];
type Head = Omit<SiteFold, 'readers'> & { cutoff: number; threads: PackedThread[] };

export function encodeFold({ cutoff, fold, threads }: StoredFold): Uint8Array {
  const { readers, ...rest } = fold;
  const packed: PackedThread[] = [];
  for (const [id, { identity, counted }] of threads) {
    packed.push([id, identity.changes, identity.commentCount, identity.cutoff, Number.isFinite(identity.validUntil) ? identity.validUntil : null, counted ? 1 : 0]);
  }
  // Hours and times are finite numbers, which JSON gives back exactly.
  return encodePacked<Head>({ head: { ...rest, cutoff, threads: packed }, floats: readers.floats, ints: readers.ints, names: readers.names, count: readers.floats.length / 5 });
}

export function decodeFold(data: Uint8Array): StoredFold {
  const { head, floats, ints, names } = decodePacked<Head>(data);
  const { cutoff, threads, ...fold } = head;
  return {
    cutoff,
    fold: { ...fold, readers: { ints, floats, names } },
    threads: new Map(
      threads.map(([id, changes, commentCount, from, validUntil, counted]) => [
        id,
        { identity: { changes, commentCount, cutoff: from, validUntil: validUntil ?? Infinity }, counted: counted === 1 },
      ]),
    ),
  };
}
