/**
 * Hand-built trees with their numbers worked out by hand (the spec's must-have fixtures
 * first). Ids are in time order unless a fixture says otherwise: comment n is at T0 + n h.
 */
import { describe, expect, it } from 'vitest';
import { computePostMetrics, reportWindow } from '../../server/dialogue/index.js';
import { comments, HOUR, options, postOf, T0 } from './helpers.js';

describe('must-have fixtures', () => {
  it('h-index: a deep level qualifies although a shallower one has fewer comments', () => {
    // depth 1: {1}; depth 2: {2}; depth 3: {3, 4, 5}.
    // h = 3 because depth 3 holds 3 ≥ 3, even though depth 2 holds only 1 < 2.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b' },
      { id: 3, parent: 2, by: 'c' },
      { id: 4, parent: 2, by: 'd' },
      { id: 5, parent: 2, by: 'e' },
    ]);
    expect(post).toMatchObject({
      comments: 5,
      topLevel: 1,
      replyShare: 4 / 5,
      maxDepth: 3,
      meanDepth: (1 + 2 + 3 * 3) / 5,
      hIndex: 3,
    });
  });

  it('self-reply chains count for volume and depth, never as edges or answers', () => {
    // a: 1 ← 2 ← 3 (each replying to themselves); b: 4 ← 5. No edge → applause.
    // Depths 1,2,3,1,2: h = 2 (two comments at depth 2); a's and b's comments are contiguous → no re-entry.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'a' },
      { id: 3, parent: 2, by: 'a' },
      { id: 4, by: 'b' },
      { id: 5, parent: 4, by: 'b' },
    ]);
    expect(post).toMatchObject({
      comments: 5,
      topLevel: 2,
      maxDepth: 3,
      meanDepth: 9 / 5,
      hIndex: 2,
      answeredShare: 0,
      participants: 2,
      reentrants: 0,
      reciprocalPairs: 0,
      exchanges: 0,
      longestBackAndForth: 0,
      shape: 'applause',
      waitingForAuthor: 2,
      waitingForAuthorIds: [1, 4],
    });
  });

  it("the author replying to themselves is a self-reply too, and no reply to the reader's comment", () => {
    // Reader 1; author 2 top-level, author 3 under 2. No edge; 1 still waits.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, by: 'author' },
      { id: 3, parent: 2, by: 'author' },
    ]);
    expect(post).toMatchObject({ answeredShare: 0, participants: 2, readers: 1, shape: 'applause', waitingForAuthorIds: [1] });
  });

  it('a deleted placeholder between A and C keeps C at depth 3 but breaks the edge', () => {
    // a:1 ← (deleted b:2) ← c:3. Counted: 1 (depth 1), 3 (depth 3). 3's parent is a placeholder:
    // no edge c→a, no answer for 1 → applause, answeredShare 0/2. Only 1 addresses the author.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b', status: 'deleted' },
      { id: 3, parent: 2, by: 'c' },
    ]);
    expect(post).toMatchObject({
      comments: 2,
      topLevel: 1,
      replyShare: 1 / 2,
      maxDepth: 3,
      meanDepth: 2,
      hIndex: 1,
      answeredShare: 0,
      participants: 2,
      exchanges: 0,
      longestBackAndForth: 0,
      shape: 'applause',
      waitingForAuthorIds: [1],
      orphans: 0,
    });
  });

  it('a placeholder also breaks an exchange and a back-and-forth chain', () => {
    // a:1 ← b:2 (pending) ← a:3 ← b:4. Only the edge 4→3 survives: chain 2, no exchange.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b', status: 'pending' },
      { id: 3, parent: 2, by: 'a' },
      { id: 4, parent: 3, by: 'b' },
    ]);
    expect(post).toMatchObject({ comments: 3, exchanges: 0, longestBackAndForth: 2, reciprocalPairs: 0, pending: 1, maxDepth: 4 });
  });

  it('an anonymous parent: its reply is an answer but no edge', () => {
    // anon:1 ← a:2 ← anon:3. Neither 2→1 nor 3→2 is an edge (one end anonymous) → applause.
    // Answered: 1 (child 2) and 2 (child 3, anonymous is no self-reply) → 2/3.
    const post = postOf([
      { id: 1, by: null },
      { id: 2, parent: 1, by: 'a' },
      { id: 3, parent: 2, by: null },
    ]);
    expect(post).toMatchObject({
      comments: 3,
      participants: 1,
      readers: 1,
      anonymousShare: 2 / 3,
      answeredShare: 2 / 3,
      reentrants: 0,
      shape: 'applause',
      waitingForAuthorIds: [1],
    });
  });

  it('an orphan is top-level and counted in orphans', () => {
    // a:1 top; b:2 replies to 999, which does not exist → depth 1; c:3 ← 2 at depth 2 is an edge c→b.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 999, by: 'b' },
      { id: 3, parent: 2, by: 'c' },
    ]);
    expect(post).toMatchObject({
      comments: 3,
      topLevel: 2,
      orphans: 1,
      maxDepth: 2,
      replyShare: 1 / 3,
      shape: 'conversation',
      waitingForAuthorIds: [1, 2],
    });
  });

  it('a pending comment is not counted, and is once approved', () => {
    // a:1 ← b:2. Pending: one comment, applause, pending 1. Approved: a reader–reader edge → conversation.
    const specs = [
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b', status: 'pending' as const },
    ];
    expect(postOf(specs)).toMatchObject({ comments: 1, participants: 1, answeredShare: 0, pending: 1, shape: 'applause' });
    const approved = specs.map((s) => ({ ...s, status: 'approved' as const }));
    expect(postOf(approved)).toMatchObject({ comments: 2, participants: 2, answeredShare: 1 / 2, pending: 0, shape: 'conversation' });
  });

  it('two participants alternating 5 times: back-and-forth 5, exchanges 3', () => {
    // a:1 ← b:2 ← a:3 ← b:4 ← a:5. Exchanges close at 3, 4, 5. Both re-enter (2 between 1 and 3, 3 between 2 and 4).
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b' },
      { id: 3, parent: 2, by: 'a' },
      { id: 4, parent: 3, by: 'b' },
      { id: 5, parent: 4, by: 'a' },
    ]);
    expect(post).toMatchObject({
      longestBackAndForth: 5,
      exchanges: 3,
      reciprocalPairs: 1,
      reentrants: 2,
      answeredShare: 4 / 5,
      maxDepth: 5,
      hIndex: 1,
      shape: 'conversation',
    });
  });

  it('an author answering only top-level comments makes q-and-a', () => {
    // a:1 (0 h), b:2 (1 h), author:3 ← 1 at 4 h, author:4 ← 2 at 11 h, c:5 (20 h) unanswered.
    // Edges author→a, author→b only, no exchange → q-and-a. Delays 4 h and 10 h → median (4+10)/2 = 7.
    const specs = [
      { id: 1, by: 'a', at: 0 },
      { id: 2, by: 'b', at: 1 },
      { id: 3, parent: 1, by: 'author', at: 4 },
      { id: 4, parent: 2, by: 'author', at: 11 },
      { id: 5, by: 'c', at: 20 },
    ];
    expect(postOf(specs)).toMatchObject({
      participants: 4,
      readers: 3,
      reciprocalPairs: 0,
      exchanges: 0,
      longestBackAndForth: 2,
      shape: 'q-and-a',
      authorThreadShare: 2 / 3,
      authorFirstReplyMedianHours: 7,
      authorAnsweredWithin72hShare: 2 / 3,
      waitingForAuthor: 1,
      waitingForAuthorIds: [5],
    });
    // Another reader replying to the author is still q-and-a (every edge touches the author), and waits…
    const withReply = [...specs, { id: 6, parent: 3, by: 'd', at: 30 }];
    expect(postOf(withReply)).toMatchObject({ shape: 'q-and-a', exchanges: 0, waitingForAuthorIds: [5, 6] });
    // …but a's reply to the author's answer closes an exchange a, author, a → conversation.
    const withExchange = [...specs, { id: 6, parent: 3, by: 'a', at: 30 }];
    expect(postOf(withExchange)).toMatchObject({ shape: 'conversation', exchanges: 1, longestBackAndForth: 3, reciprocalPairs: 1 });
  });
});

describe('more fixtures', () => {
  it('author timing: subtree through placeholders, medians, the 72-hour share, waitingForAuthor', () => {
    // Cut-off 100 h. Top-level reader comments and the first author comment in their subtree:
    //   a:1 @0   → author 2 @80 (80 h, not within 72 h)       old (age 100)
    //   b:3 @1   → b:4 @2 → author 5 @3 (2 h, within)        old
    //   c:6 @10  → (deleted 7) → author 8 @20 (10 h, within) old — the placeholder does not cut the subtree
    //   d:9 @50  → author 10 @51 (1 h)                       age 50 < 72: not in the 72-h share
    //   anon:11 @60, unanswered                              not old
    //   e:12 @5, the author's 16 @101 is after the cut-off   old, unanswered
    //   f:14 @28 → author 15 @100 (exactly 72 h, within)     age exactly 72 h: old
    //   author 13 @6 top-level: not a reader comment.
    // threadShare 5/7; delays 1, 2, 10, 72, 80 → median 10; within 72 h: 3, 6, 14 of old 1, 3, 6, 12, 14 → 3/5.
    // Waiting (addresses the author, no direct author child): 3 (author 5 answers 4, not 3),
    // 12, 6 (its author reply hangs under a placeholder), 11 → in time order 3, 12, 6, 11.
    // Edges all touch the author (4→3 is a self-reply, 8's parent is a placeholder) → q-and-a.
    const post = postOf(
      [
        { id: 1, by: 'a', at: 0 },
        { id: 2, parent: 1, by: 'author', at: 80 },
        { id: 3, by: 'b', at: 1 },
        { id: 4, parent: 3, by: 'b', at: 2 },
        { id: 5, parent: 4, by: 'author', at: 3 },
        { id: 6, by: 'c', at: 10 },
        { id: 7, parent: 6, by: 'x', at: 11, status: 'deleted' },
        { id: 8, parent: 7, by: 'author', at: 20 },
        { id: 9, by: 'd', at: 50 },
        { id: 10, parent: 9, by: 'author', at: 51 },
        { id: 11, by: null, at: 60 },
        { id: 12, by: 'e', at: 5 },
        { id: 13, by: 'author', at: 6 },
        { id: 14, by: 'f', at: 28 },
        { id: 15, parent: 14, by: 'author', at: 100 },
        { id: 16, parent: 12, by: 'author', at: 101 },
      ],
      { to: new Date(T0 + 100 * HOUR) },
    );
    expect(post).toMatchObject({
      comments: 14, // 16 minus the deleted 7 and the too-late 16
      authorThreadShare: 5 / 7,
      authorFirstReplyMedianHours: 10,
      authorAnsweredWithin72hShare: 3 / 5,
      waitingForAuthor: 4,
      waitingForAuthorIds: [3, 12, 6, 11],
      shape: 'q-and-a',
    });
  });

  it('author shares are null when there is no top-level reader comment, or none old enough', () => {
    expect(postOf([{ id: 1, by: 'author' }])).toMatchObject({
      authorThreadShare: null,
      authorFirstReplyMedianHours: null,
      authorAnsweredWithin72hShare: null,
    });
    // a:1 is 10 h old at the cut-off: in the thread share, not in the 72-h share.
    const young = postOf([{ id: 1, by: 'a', at: 0 }, { id: 2, parent: 1, by: 'author', at: 3 }], { to: new Date(T0 + 10 * HOUR) });
    expect(young).toMatchObject({ authorThreadShare: 1, authorFirstReplyMedianHours: 3, authorAnsweredWithin72hShare: null });
  });

  it('reentrants: someone else (anonymous included) between two of their comments, by time then id', () => {
    // a: 1@0, 2@1, then b:3@2, a:4@3 → a re-enters. b: 3@2, 5@4 with a:4 between → re-enters.
    // c: 6@5, anon 7@6, c 8@7 → re-enters. d: 9@8, 10@8 → adjacent, no.
    // e: 11@9, pending 12@10, 13@11 → the pending one does not count, no.
    // f: 14@12, g:15@12, f:16@12 → same time, ids order them: g is between → re-enters.
    // author: 17@13, h:18@14, author 19@15 → re-enters. Total a, b, c, f, author = 5.
    const post = postOf([
      { id: 1, by: 'a', at: 0 },
      { id: 2, by: 'a', at: 1 },
      { id: 3, by: 'b', at: 2 },
      { id: 4, by: 'a', at: 3 },
      { id: 5, by: 'b', at: 4 },
      { id: 6, by: 'c', at: 5 },
      { id: 7, by: null, at: 6 },
      { id: 8, by: 'c', at: 7 },
      { id: 9, by: 'd', at: 8 },
      { id: 10, by: 'd', at: 8 },
      { id: 11, by: 'e', at: 9 },
      { id: 12, by: 'x', at: 10, status: 'pending' },
      { id: 13, by: 'e', at: 11 },
      { id: 14, by: 'f', at: 12 },
      { id: 15, by: 'g', at: 12 },
      { id: 16, by: 'f', at: 12 },
      { id: 17, by: 'author', at: 13 },
      { id: 18, by: 'h', at: 14 },
      { id: 19, by: 'author', at: 15 },
    ]);
    expect(post.reentrants).toBe(5);
  });

  it('the window: comments outside it are placeholders, pending counts only inside it', () => {
    // a:1@0 ← b:2@10 ← a:3@20 ← b:4@30; window [5 h, 25 h] counts 2 (depth 2) and 3 (depth 3).
    // 1 is a placeholder: no top-level comment, and 3 closes no exchange (its grandparent is not counted).
    const window = { from: new Date(T0 + 5 * HOUR), to: new Date(T0 + 25 * HOUR) };
    const post = postOf(
      [
        { id: 1, by: 'a', at: 0 },
        { id: 2, parent: 1, by: 'b', at: 10 },
        { id: 3, parent: 2, by: 'a', at: 20 },
        { id: 4, parent: 3, by: 'b', at: 30 },
        { id: 5, by: 'c', at: 15, status: 'pending' },
        { id: 6, by: 'c', at: 40, status: 'pending' },
        { id: 7, by: 'c', at: 2, status: 'pending' },
      ],
      window,
    );
    expect(post).toMatchObject({
      comments: 2,
      topLevel: 0,
      replyShare: 1,
      maxDepth: 3,
      meanDepth: 2.5,
      hIndex: 0,
      exchanges: 0,
      longestBackAndForth: 2,
      shape: 'conversation',
      waitingForAuthor: 0,
      authorThreadShare: null,
      pending: 1,
    });
    // Both ends are inclusive.
    const edges = postOf([{ id: 1, by: 'a', at: 5 }, { id: 2, by: 'b', at: 25 }], window);
    expect(edges.comments).toBe(2);
  });

  it('a post without counted comments is silence with null shares', () => {
    const post = postOf([{ id: 1, by: 'a', status: 'spam' }]);
    expect(post).toEqual({
      uri: '/p/',
      title: 'P',
      comments: 0,
      topLevel: 0,
      replyShare: null,
      answeredShare: null,
      maxDepth: 0,
      meanDepth: null,
      hIndex: 0,
      participants: 0,
      readers: 0,
      anonymousShare: null,
      reentrants: 0,
      reciprocalPairs: 0,
      exchanges: 0,
      longestBackAndForth: 0,
      authorThreadShare: null,
      authorFirstReplyMedianHours: null,
      authorAnsweredWithin72hShare: null,
      waitingForAuthor: 0,
      waitingForAuthorIds: [],
      acknowledged: 0,
      acknowledgedIds: [],
      sources: { site: 0, webmention: 0, mastodon: 0, bluesky: 0 },
      reactions: { likes: 0, reposts: 0 },
      pending: 0,
      orphans: 0,
      shape: 'silence',
    });
  });

  it('reciprocal pairs need both directions', () => {
    // b→a (2←1) and a→b (4←3): reciprocal, with no exchange (different threads). c→a only one way.
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'b' },
      { id: 3, by: 'b' },
      { id: 4, parent: 3, by: 'a' },
      { id: 5, parent: 1, by: 'c' },
    ]);
    expect(post).toMatchObject({ reciprocalPairs: 1, exchanges: 0, longestBackAndForth: 2, shape: 'conversation' });
  });

  it('a parent cycle in corrupt data is cut at its earliest comment, whatever the input order', () => {
    // 1 → parent 2, 2 → parent 1, 3 → parent 1: 1 (earliest) becomes an orphan root; 2 and 3
    // reply to it at depth 2. (Cut at 2 instead, 3 would sit at depth 3 and 2 would be the one waiting.)
    const specs = [
      { id: 1, parent: 2, by: 'a' },
      { id: 2, parent: 1, by: 'b' },
      { id: 3, parent: 1, by: 'c' },
    ];
    const expected = { comments: 3, topLevel: 1, orphans: 1, maxDepth: 2, waitingForAuthorIds: [1], shape: 'conversation' };
    expect(postOf(specs)).toMatchObject(expected);
    expect(postOf([specs[1]!, specs[0]!, specs[2]!])).toMatchObject(expected); // the walk meets 2 first
  });

  it('a chain 10,000 deep works without recursion', () => {
    // a, b, a, b … each replying to the one before: 10,000 alternating → chain 10,000, exchanges 9,998.
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      parent: i === 0 ? null : i,
      by: i % 2 === 0 ? 'a' : 'b',
    }));
    const post = computePostMetrics({ uri: '/p/', title: null }, comments(chain), reportWindow(options())).report;
    expect(post).toMatchObject({
      comments: n,
      maxDepth: n,
      hIndex: 1,
      longestBackAndForth: n,
      exchanges: n - 2,
      reentrants: 2,
    });
  });

  it('"no answer needed": out of waitingForAuthor into acknowledged, and nothing else changes', () => {
    // 1 a asks (marked); 2 b thanks (marked); 3 author answers 1 anyway; 4 c replies to the author (marked);
    // 5 a replies to c (marked, but does not address the author: never waiting, so not acknowledged either); 6 d waits.
    const specs = [
      { id: 1, by: 'a', acknowledged: true },
      { id: 2, by: 'b', acknowledged: true },
      { id: 3, parent: 1, by: 'author' },
      { id: 4, parent: 3, by: 'c', acknowledged: true },
      { id: 5, parent: 4, by: 'a', acknowledged: true },
      { id: 6, by: 'd' },
    ];
    const marked = postOf(specs);
    expect(marked).toMatchObject({ waitingForAuthor: 1, waitingForAuthorIds: [6], acknowledged: 2, acknowledgedIds: [2, 4] });
    // The same tree unmarked: the marks moved comments between the two lists, every other number is the same.
    const unmarked = postOf(specs.map((spec) => ({ ...spec, acknowledged: false })));
    expect(unmarked).toMatchObject({ waitingForAuthor: 3, waitingForAuthorIds: [2, 4, 6], acknowledged: 0, acknowledgedIds: [] });
    const { waitingForAuthor, waitingForAuthorIds, acknowledged, acknowledgedIds, ...rest } = marked;
    const { waitingForAuthor: w, waitingForAuthorIds: wi, acknowledged: a, acknowledgedIds: ai, ...unmarkedRest } = unmarked;
    expect(rest).toEqual(unmarkedRest);
    expect([waitingForAuthor + acknowledged, waitingForAuthorIds.length + acknowledgedIds.length]).toEqual([w + a, wi.length + ai.length]);
  });

  it('people: numbers per post by first comment, the author 0, anonymous and uncounted left out, only when asked', () => {
    const specs = [
      { id: 1, by: 'b', at: 5 },
      { id: 2, by: 'a', at: 1 },
      { id: 3, parent: 2, by: 'author', at: 6 },
      { id: 4, parent: 3, by: null, at: 7 },
      { id: 5, parent: 3, by: 'a', at: 8 },
      { id: 6, by: 'c', at: 9, status: 'pending' as const },
    ];
    expect(postOf(specs).people).toBeUndefined();
    const post = computePostMetrics({ uri: '/p/', title: 'P' }, comments(specs), reportWindow(options()), true).report;
    expect(post.people).toEqual({ 2: 1, 1: 2, 3: 0, 5: 1 });
  });
});
