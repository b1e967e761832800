/**
 * Property tests on random forests: random parents among earlier comments (sometimes in
 * another post or missing: orphans), random statuses, readers, anonymous and author
 * comments, random windows. A naive O(n²) oracle written straight from the spec's wording
 * checks the fast implementation; the rest are invariances the spec implies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computePostContribution,
  computePostMetrics,
  computeReport,
  reportWindow,
  SiteAccumulator,
  type ContributionWithIds,
  type CommentStatus,
  type DialogueReport,
  type MetricComment,
  type MetricPost,
  type PostReport,
  type ReportOptions,
} from '../../server/dialogue/index.js';
import { DAY, HOUR, T0 } from './helpers.js';

const KEYS = ['k1', 'k2', 'k3', 'k4', 'k5'];
const AUTHOR = '@author';
const POSTS: MetricPost[] = [0, 1, 2].map((k) => ({ uri: `/p${k}/`, title: `Post ${k}` }));
const RUNS = { numRuns: 150 };

type ParentChoice = { kind: 'none' | 'latest' | 'missing' } | { kind: 'same' | 'any'; pick: number };

const rawComment = fc.record({
  post: fc.noBias(fc.integer({ min: 0, max: 2 })),
  parent: fc.oneof(
    { weight: 3, arbitrary: fc.constant<ParentChoice>({ kind: 'none' }) },
    { weight: 6, arbitrary: fc.constant<ParentChoice>({ kind: 'latest' }) },
    { weight: 5, arbitrary: fc.nat().map((pick): ParentChoice => ({ kind: 'same', pick })) },
    { weight: 1, arbitrary: fc.nat().map((pick): ParentChoice => ({ kind: 'any', pick })) },
    { weight: 1, arbitrary: fc.constant<ParentChoice>({ kind: 'missing' }) },
  ),
  /** Index into the forest's cast (the author, some readers, anonymous). */
  by: fc.noBias(fc.nat({ max: 59 })),
  /** Author comments may carry any key or none. */
  authorKey: fc.constantFrom<string | null>(null, ...KEYS),
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant<CommentStatus>('approved') },
    { weight: 1, arbitrary: fc.constantFrom<CommentStatus>('pending', 'spam', 'deleted') },
  ),
  /** Mostly hours apart, sometimes at the same instant, sometimes weeks apart (to span months). */
  step: fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.noBias(fc.integer({ min: 0, max: 12 * HOUR })) },
    { weight: 1, arbitrary: fc.noBias(fc.integer({ min: 0, max: 40 * DAY })) },
  ),
  name: fc.constantFrom<string | null>(null, 'Ann', 'Bob'),
});

/**
 * Ids are 1…n in creation order; parents are earlier comments, so there is no cycle. A small
 * cast (the author, the first `readers` keys, anonymous) makes replies between the same
 * people, and so exchanges and long back-and-forths, common.
 */
type RawComment = typeof rawComment extends fc.Arbitrary<infer T> ? T : never;

function buildComments(raws: readonly RawComment[], readers: number): MetricComment[] {
  const cast: Array<string | null> = [AUTHOR, ...KEYS.slice(0, readers), null];
  const out: MetricComment[] = [];
  let t = T0;
  raws.forEach((raw, i) => {
    t += raw.step;
    const postUri = POSTS[raw.post]!.uri;
    let parentId: number | null = null;
    if (raw.parent.kind === 'latest') {
      const latest = out.findLast((c) => c.postUri === postUri);
      if (latest !== undefined) parentId = latest.id;
    } else if (raw.parent.kind === 'same') {
      const earlier = out.filter((c) => c.postUri === postUri);
      if (earlier.length > 0) parentId = earlier[raw.parent.pick % earlier.length]!.id;
    } else if (raw.parent.kind === 'any') {
      if (out.length > 0) parentId = out[raw.parent.pick % out.length]!.id;
    } else if (raw.parent.kind === 'missing') {
      parentId = 1_000_000 + i;
    }
    const by = cast[raw.by % cast.length]!;
    const isAuthor = by === AUTHOR;
    out.push({
      id: i + 1,
      postUri,
      parentId,
      status: raw.status,
      createdAt: t,
      participant: isAuthor ? raw.authorKey : by,
      isAuthor,
      name: raw.name,
    });
  });
  return out;
}

/** An explicit length: fast-check's default sizes would give mostly tiny, silent posts. */
const forest = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: KEYS.length }))
  .chain(([n, readers]) => fc.array(rawComment, { minLength: n, maxLength: n }).map((raws) => buildComments(raws, readers)));

const reportOptions = fc
  .record({
    // Comments span about 0–150 days after T0; most reports have no window at all.
    from: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, fc.noBias(fc.integer({ min: 0, max: 60 * DAY }))),
    to: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, fc.noBias(fc.integer({ min: 0, max: 200 * DAY }))),
    partnerMinExchanges: fc.integer({ min: 1, max: 3 }),
    hideNames: fc.boolean(),
  })
  .map(
    (o): ReportOptions => ({
      site: 'prop',
      generatedAt: new Date(T0 + 500 * DAY),
      from: o.from === null ? null : new Date(T0 + o.from),
      to: o.to === null ? null : new Date(T0 + o.to),
      partnerMinExchanges: o.partnerMinExchanges,
      hideNames: o.hideNames,
    }),
  );

function report(comments: readonly MetricComment[], options: ReportOptions): DialogueReport {
  return computeReport(POSTS, comments, options);
}

// ---------------------------------------------------------------- the naive oracle

function naivePost(all: readonly MetricComment[], options: ReportOptions) {
  const { from, cutoff } = reportWindow(options);
  const byId = new Map(all.map((c) => [c.id, c]));
  const counted = (c: MetricComment) =>
    c.status === 'approved' && c.createdAt <= cutoff && (from === null || c.createdAt >= from);
  const who = (c: MetricComment) => (c.isAuthor ? AUTHOR : c.participant);
  const parentOf = (c: MetricComment) => (c.parentId === null ? undefined : byId.get(c.parentId));
  const countedParent = (c: MetricComment) => {
    const p = parentOf(c);
    return p !== undefined && counted(p) ? p : undefined;
  };
  const depth = (c: MetricComment) => {
    let d = 1;
    for (let p = parentOf(c); p !== undefined; p = parentOf(p)) d++;
    return d;
  };
  const inSubtree = (d: MetricComment, c: MetricComment) => {
    for (let p = parentOf(d); p !== undefined; p = parentOf(p)) if (p === c) return true;
    return false;
  };
  const isEdge = (c: MetricComment) => {
    const p = countedParent(c);
    return p !== undefined && who(c) !== null && who(p) !== null && who(c) !== who(p);
  };
  const before = (a: MetricComment, b: MetricComment) => a.createdAt - b.createdAt || a.id - b.id;

  const cs = all.filter(counted).sort(before);
  const depthCount = new Map<number, number>();
  for (const c of cs) depthCount.set(depth(c), (depthCount.get(depth(c)) ?? 0) + 1);
  let hIndex = 0;
  for (const [d, k] of depthCount) if (k >= d && d > hIndex) hIndex = d;

  const answered = cs.filter((c) =>
    cs.some((d) => d.parentId === c.id && !(who(d) !== null && who(d) === who(c))),
  ).length;

  const edges = cs.filter(isEdge);
  const exchanges = edges.filter((c) => {
    const g = countedParent(countedParent(c)!);
    return g !== undefined && who(g) === who(c);
  });
  const pairKey = (a: string, b: string) => JSON.stringify([a, b]);
  const directed = new Set(edges.map((c) => pairKey(who(c)!, who(countedParent(c)!)!)));
  const reciprocalPairs = new Set(
    edges
      .map((c) => [who(c)!, who(countedParent(c)!)!].sort())
      .filter(([a, b]) => directed.has(pairKey(a!, b!)) && directed.has(pairKey(b!, a!)))
      .map(([a, b]) => pairKey(a!, b!)),
  ).size;

  let longest = 0;
  for (const c of cs) {
    const chain = [c];
    for (let cur = c; isEdge(cur); ) {
      const p = countedParent(cur)!;
      if (chain.length >= 2 && who(p) !== who(chain[chain.length - 2]!)) break;
      chain.push(p);
      cur = p;
    }
    if (chain.length >= 2) longest = Math.max(longest, chain.length);
  }

  const people = [...new Set(cs.map(who).filter((w): w is string => w !== null))];
  const reentrants = people.filter((w) => {
    const mine = cs.flatMap((c, k) => (who(c) === w ? [k] : []));
    return mine.some((i, x) => mine.slice(x + 1).some((j) => cs.slice(i + 1, j).some((c) => who(c) !== w)));
  }).length;

  const topReaders = cs.filter((c) => !c.isAuthor && depth(c) === 1);
  const firstAuthor = (c: MetricComment) =>
    cs.find((d) => d.isAuthor && inSubtree(d, c)); // cs is in time order
  const delays = topReaders.flatMap((c) => {
    const a = firstAuthor(c);
    return a === undefined ? [] : [(a.createdAt - c.createdAt) / HOUR];
  });
  delays.sort((x, y) => x - y);
  const mid = delays.length >> 1;
  const old = topReaders.filter((c) => cutoff - c.createdAt >= 72 * HOUR);
  const within = old.filter((c) => {
    const a = firstAuthor(c);
    return a !== undefined && a.createdAt - c.createdAt <= 72 * HOUR;
  });

  const waiting = cs.filter((c) => {
    if (c.isAuthor) return false;
    const p = countedParent(c);
    const addresses = depth(c) === 1 || p?.isAuthor === true;
    return addresses && !cs.some((d) => d.isAuthor && d.parentId === c.id);
  });

  const readerEdge = edges.some((c) => !c.isAuthor && !countedParent(c)!.isAuthor);
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const row = {
    comments: cs.length,
    topLevel: cs.filter((c) => depth(c) === 1).length,
    orphans: cs.filter((c) => c.parentId !== null && !byId.has(c.parentId)).length,
    maxDepth: Math.max(0, ...cs.map(depth)),
    meanDepth: ratio(
      cs.reduce((s, c) => s + depth(c), 0),
      cs.length,
    ),
    hIndex,
    answeredShare: ratio(answered, cs.length),
    participants: people.length,
    readers: people.filter((w) => w !== AUTHOR).length,
    anonymousShare: ratio(cs.filter((c) => who(c) === null).length, cs.length),
    reentrants,
    reciprocalPairs,
    exchanges: exchanges.length,
    longestBackAndForth: longest,
    authorThreadShare: ratio(delays.length, topReaders.length),
    authorFirstReplyMedianHours:
      delays.length === 0 ? null : delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2,
    authorAnsweredWithin72hShare: ratio(within.length, old.length),
    waitingForAuthorIds: waiting.map((c) => c.id),
    pending: all.filter((c) => c.status === 'pending' && c.createdAt <= cutoff && (from === null || c.createdAt >= from))
      .length,
    shape:
      cs.length === 0
        ? 'silence'
        : edges.length === 0
          ? 'applause'
          : exchanges.length > 0 || readerEdge
            ? 'conversation'
            : 'q-and-a',
  };
  return { row, exchangeTimes: exchanges.map((c) => c.createdAt) };
}

function naiveSite(all: readonly MetricComment[], options: ReportOptions) {
  const { from, cutoff } = reportWindow(options);
  const cs = all.filter(
    (c) => c.status === 'approved' && c.createdAt <= cutoff && (from === null || c.createdAt >= from),
  );
  const readerComments = cs.filter((c) => !c.isAuthor && c.participant !== null);
  const readers = [...new Set(readerComments.map((c) => c.participant!))];
  const returning = readers.filter((r) => new Set(readerComments.filter((c) => c.participant === r).map((c) => c.postUri)).size >= 2);
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  const day = (t: number) => Math.floor(t / DAY);
  const cohorts = new Map<string, { newcomers: number; returnedWithin90d: number }>();
  for (const r of readers) {
    const times = readerComments.filter((c) => c.participant === r).map((c) => c.createdAt);
    const first = Math.min(...times);
    const row = cohorts.get(month(first)) ?? { newcomers: 0, returnedWithin90d: 0 };
    row.newcomers++;
    if (times.some((t) => day(t) > day(first) && t - first <= 90 * DAY)) row.returnedWithin90d++;
    cohorts.set(month(first), row);
  }

  const exchangeTimes = POSTS.flatMap((p) => naivePost(all.filter((c) => c.postUri === p.uri), options).exchangeTimes);
  const firstMonth = (r: string) => month(Math.min(...readerComments.filter((c) => c.participant === r).map((c) => c.createdAt)));
  const monthly = [];
  if (cs.length > 0) {
    const last = month(Math.max(...cs.map((c) => c.createdAt)));
    const cursor = new Date(Math.min(...cs.map((c) => c.createdAt)));
    cursor.setUTCDate(1);
    for (let m = month(cursor.getTime()); m <= last; cursor.setUTCMonth(cursor.getUTCMonth() + 1), m = month(cursor.getTime())) {
      const inMonth = cs.filter((c) => month(c.createdAt) === m);
      const active = [...new Set(inMonth.filter((c) => !c.isAuthor && c.participant !== null).map((c) => c.participant!))];
      monthly.push({
        month: m,
        comments: inMonth.length,
        participants: active.length + (inMonth.some((c) => c.isAuthor) ? 1 : 0),
        newcomers: readers.filter((r) => firstMonth(r) === m).length,
        returning: active.filter((r) => firstMonth(r) < m).length,
        exchanges: exchangeTimes.filter((t) => month(t) === m).length,
      });
    }
  }
  return {
    participants: readers.length + (cs.some((c) => c.isAuthor) ? 1 : 0),
    returningCommenters: returning.length,
    cohorts: [...cohorts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, row]) => ({ month: m, ...row })),
    monthly,
  };
}

// ---------------------------------------------------------------- properties

describe('dialogue metrics on random forests', () => {
  it('agree with a naive implementation of the spec', () => {
    fc.assert(
      fc.property(forest, reportOptions, (comments, options) => {
        const r = report(comments, options);
        for (const post of r.posts) {
          const expected = naivePost(
            comments.filter((c) => c.postUri === post.uri),
            options,
          ).row;
          expect(post).toMatchObject(expected);
        }
        const site = naiveSite(comments, options);
        expect(r.summary).toMatchObject({
          participants: site.participants,
          returningCommenters: site.returningCommenters,
          cohorts: site.cohorts,
          monthly: site.monthly,
        });
      }),
      RUNS,
    );
  });

  it('keep shares in [0, 1], hIndex ≤ maxDepth, one shape, back-and-forth 0 or ≥ 2', () => {
    const inUnit = (x: number | null) => x === null || (x >= 0 && x <= 1);
    fc.assert(
      fc.property(forest, reportOptions, (comments, options) => {
        const r = report(comments, options);
        for (const p of r.posts) {
          for (const s of [p.replyShare, p.answeredShare, p.anonymousShare, p.authorThreadShare, p.authorAnsweredWithin72hShare]) {
            expect(inUnit(s)).toBe(true);
          }
          expect(p.hIndex).toBeLessThanOrEqual(p.maxDepth);
          expect(['silence', 'applause', 'q-and-a', 'conversation']).toContain(p.shape);
          expect(p.longestBackAndForth === 0 || p.longestBackAndForth >= 2).toBe(true);
          // No edge ⇔ no chain; an exchange makes a chain of at least 3.
          expect(p.longestBackAndForth === 0).toBe(p.shape === 'silence' || p.shape === 'applause');
          if (p.exchanges > 0) expect(p.longestBackAndForth).toBeGreaterThanOrEqual(3);
        }
        const s = r.summary;
        for (const x of [s.conversationShare, s.returningCommentShare]) expect(inUnit(x)).toBe(true);
        const shapes = s.shapes.silence + s.shapes.applause + s.shapes['q-and-a'] + s.shapes.conversation;
        expect(shapes).toBe(s.posts);
        for (const c of s.cohorts) expect(c.returnedWithin90d).toBeLessThanOrEqual(c.newcomers);
        for (const m of s.monthly) expect(m.newcomers + m.returning).toBeLessThanOrEqual(m.participants);
      }),
      RUNS,
    );
  });

  it('change nothing but `pending` when a pending or spam leaf is added', () => {
    const leaf = fc.record({
      post: fc.integer({ min: 0, max: 2 }),
      parentPick: fc.option(fc.nat(), { nil: null }),
      status: fc.constantFrom<CommentStatus>('pending', 'spam'),
      at: fc.integer({ min: 0, max: 500 * DAY }),
      by: fc.constantFrom<string | null>(AUTHOR, null, ...KEYS),
    });
    fc.assert(
      fc.property(forest, reportOptions, leaf, (comments, options, l) => {
        const uri = POSTS[l.post]!.uri;
        const siblings = comments.filter((c) => c.postUri === uri);
        const parent = l.parentPick === null || siblings.length === 0 ? null : siblings[l.parentPick % siblings.length]!;
        const added: MetricComment = {
          id: comments.length + 1,
          postUri: uri,
          parentId: parent === null ? null : parent.id,
          status: l.status,
          createdAt: T0 + l.at,
          participant: l.by === AUTHOR ? null : l.by,
          isAuthor: l.by === AUTHOR,
          name: 'Leaf',
        };
        const before = report(comments, options);
        const after = report([...comments, added], options);
        const { from, cutoff } = reportWindow(options);
        const inWindow = added.createdAt <= cutoff && (from === null || added.createdAt >= from);
        const extra = l.status === 'pending' && inWindow ? 1 : 0;
        const expected = structuredClone(before);
        expected.summary.pending += extra;
        expected.posts[l.post]!.pending += extra;
        expect(after).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('do not depend on participant keys (bijective rename)', () => {
    fc.assert(
      fc.property(forest, reportOptions, fc.shuffledSubarray(KEYS, { minLength: KEYS.length }), (comments, options, perm) => {
        const rename = new Map(KEYS.map((k, i) => [k, `renamed-${perm[i]!}`]));
        const renamed = comments.map((c) => ({
          ...c,
          participant: c.participant === null ? null : rename.get(c.participant)!,
        }));
        expect(report(renamed, options)).toEqual(report(comments, options));
      }),
      RUNS,
    );
  });

  it('compute a post from its own comments only, in any input order', () => {
    fc.assert(
      fc.property(forest, reportOptions, fc.integer({ min: 0, max: 2 }), fc.nat(), (comments, options, k, seed) => {
        const post = POSTS[k]!;
        const own = comments.filter((c) => c.postUri === post.uri);
        const inSite: PostReport = report(comments, options).posts[k]!;
        const alone = computePostMetrics(post, own, reportWindow(options)).report;
        expect(alone).toEqual(inSite);
        expect(computeReport([post], own, options).posts).toEqual([inSite]);
        // Any order of the post's comments gives the same row.
        const shuffled = [...own].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(computePostMetrics(post, shuffled, reportWindow(options)).report).toEqual(inSite);
      }),
      RUNS,
    );
  });

  it('give the report of a new fold when one post\'s part is replaced in a kept fold (always, when the post only gained comments)', () => {
    // Reader ids shared by every fold, as the lasting ids of the snapshots are.
    const ids = new Map<string, number>();
    const part = (post: MetricPost, comments: readonly MetricComment[], options: ReportOptions): ContributionWithIds => {
      const { contribution, readerKeys } = computePostContribution(post, comments, reportWindow(options));
      const readerIds = Int32Array.from(readerKeys, (key) => {
        if (!ids.has(key)) ids.set(key, ids.size);
        return ids.get(key)!;
      });
      return { contribution, readerIds };
    };
    const parts = (comments: readonly MetricComment[], options: ReportOptions) =>
      POSTS.map((post) => part(post, comments.filter((c) => c.postUri === post.uri), options));
    const change = fc.record({ other: forest, post: fc.nat({ max: 2 }), how: fc.constantFrom('appended', 'replaced', 'dropped'), pick: fc.nat() });
    fc.assert(
      fc.property(forest, fc.array(change, { minLength: 1, maxLength: 4 }), reportOptions, (first, changes, options) => {
        const kept = new SiteAccumulator(options);
        for (const [key, { contribution, readerIds }] of parts(first, options).entries()) kept.addContribution(contribution, readerIds, key);
        // Through its plain form, as it is stored.
        let site = SiteAccumulator.fromFold(options, kept.fold());
        let before = first;
        let offset = 1000;
        for (const { other, post, how, pick } of changes) {
          const uri = POSTS[post]!.uri;
          const appended = how === 'appended';
          // The other forest's comments of that post, with ids of their own: after the comments so far in time (a post that
          // only gained comments), or instead of that post's comments so far; or one comment of the post gone.
          const own = before.filter((c) => c.postUri === uri);
          const gone = how === 'dropped' && own.length > 0 ? own[pick % own.length] : undefined;
          const last = Math.max(T0, ...before.map((c) => c.createdAt));
          const moved = other
            .filter((c) => c.postUri === uri)
            .map((c) => ({
              ...c,
              id: c.id + offset,
              parentId: c.parentId === null ? null : c.parentId + offset,
              createdAt: appended ? last + (c.createdAt - T0) + 1 : c.createdAt,
            }));
          offset += 1000;
          const after =
            how === 'dropped' ? before.filter((c) => c !== gone) : [...before.filter((c) => appended || c.postUri !== uri), ...moved];
          const replaced = site.replaceContribution(post, parts(before, options)[post]!, parts(after, options)[post]!);
          if (appended) expect(replaced).toBe(true);
          if (!replaced) return;
          expect(JSON.stringify(site.finish())).toBe(JSON.stringify(computeReport(POSTS, after, options)));
          site = SiteAccumulator.fromFold(options, site.fold());
          before = after;
        }
      }),
      RUNS,
    );
  });

  it('give the same summary whatever order the posts are added in', () => {
    fc.assert(
      fc.property(forest, reportOptions, fc.shuffledSubarray(POSTS, { minLength: POSTS.length }), (comments, options, order) => {
        expect(computeReport(order, comments, options).summary).toEqual(report(comments, options).summary);
      }),
      RUNS,
    );
  });
});
