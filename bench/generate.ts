/**
 * Realistic comment data for benchmarks, written straight into a Kommentar
 * database: power-law comments per post and per person, deep back-and-forth
 * chains, author replies, returning commenters, an anonymous share, and a few
 * pending, spam and deleted comments. Deterministic for a given seed.
 *
 * Rows go in through server/db/raw-rows.ts in large batches: the domain path
 * renders Markdown and checks each comment, which would take minutes for a
 * million rows and is not what these benchmarks measure.
 */
import type { Db } from '../server/db/connection.js';
import { writeRawRows, type RawComment, type RawThread } from '../server/db/raw-rows.js';

export interface GenerateOptions {
  site: string;
  posts: number;
  comments: number;
  participants: number;
  seed?: number;
  /** Called after each batch with the number of comments written so far. */
  progress?: (written: number) => void;
}

/** mulberry32: small, fast and good enough for shaping test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pareto-distributed positive weights, normalised to sum to `total` (whole numbers, at least 0). */
function powerLawCounts(n: number, total: number, rand: () => number, alpha = 1.3): number[] {
  const weights = Array.from({ length: n }, () => 1 / (1 - rand()) ** (1 / alpha));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % n, missing--) counts[i]!++;
  return counts;
}

const BATCH = 5000;
const YEAR_MS = 365 * 86_400_000;

export async function generateSite(db: Db, options: GenerateOptions): Promise<void> {
  const rand = random(options.seed ?? 42);
  const start = Date.UTC(2023, 0, 1);
  const perPost = powerLawCounts(options.posts, options.comments, rand);
  // Who comments follows a power law too: a few regulars, a long tail of one-timers.
  const pickParticipant = () => Math.floor(options.participants * rand() ** 2.2);
  const keyOf = (p: number) => `reader-${p.toString(36).padStart(6, '0')}`;

  let nextId = 1;
  let written = 0;
  let threads: RawThread[] = [];
  let comments: RawComment[] = [];
  const flush = async () => {
    if (threads.length + comments.length === 0) return;
    await writeRawRows(db, threads, comments);
    threads = [];
    comments = [];
    options.progress?.(written);
  };

  for (let post = 0; post < options.posts; post++) {
    const threadId = post + 1;
    const published = start + Math.floor(rand() * 2.5 * YEAR_MS);
    threads.push({ id: threadId, site: options.site, uri: `/posts/${post}/`, title: `Post number ${post}`, createdAt: published });
    const ids: number[] = [];
    const depths: number[] = [];
    const parents: number[] = []; // index of each comment's parent, -1 for top-level
    const authors: number[] = []; // -1 author, -2 anonymous, else participant
    let time = published;
    for (let i = 0; i < perPost[post]!; i++) {
      time += Math.floor(rand() * rand() * 3 * 86_400_000);
      let parentIndex = -1;
      const roll = rand();
      if (i > 0 && roll < 0.55) {
        // Replies favour recent comments, which grows deep chains.
        parentIndex = Math.max(0, i - 1 - Math.floor(rand() ** 3 * i));
      }
      let who: number;
      const grandIndex = parentIndex >= 0 ? parents[parentIndex]! : -1;
      if (parentIndex >= 0 && authors[parentIndex] !== -1 && rand() < 0.25) who = -1; // the author answers
      else if (grandIndex >= 0 && rand() < 0.4) who = authors[grandIndex]!; // back and forth
      else who = rand() < 0.1 ? -2 : pickParticipant();
      const id = nextId++;
      const depth = parentIndex >= 0 ? depths[parentIndex]! + 1 : 1;
      const statusRoll = rand();
      const status = statusRoll < 0.03 ? 'pending' : statusRoll < 0.04 ? 'spam' : statusRoll < 0.05 ? 'deleted' : 'approved';
      ids.push(id);
      parents.push(parentIndex);
      depths.push(depth);
      authors.push(who);
      comments.push({
        id,
        threadId,
        parentId: parentIndex >= 0 ? ids[parentIndex]! : null,
        depth,
        status,
        body: 'A generated comment.',
        html: '<p>A generated comment.</p>',
        name: who === -1 ? 'Author' : who === -2 ? null : `Reader ${who}`,
        commenterKey: who === -1 ? 'author' : who === -2 ? null : keyOf(who),
        isAuthor: who === -1,
        createdAt: time,
      });
      written++;
      if (threads.length + comments.length >= BATCH) await flush();
    }
  }
  await flush();
}
