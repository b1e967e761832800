/** Site-level fixtures: returning commenters, cohorts, months, partners, Dunbar, the envelope. */
import { describe, expect, it } from 'vitest';
import {
  computePostContribution,
  computeReport,
  dunbarPlacement,
  reportWindow,
  SiteAccumulator,
  type MetricComment,
} from '../../server/dialogue/index.js';
import { comment, DAY, HOUR, options, T0, type Spec } from './helpers.js';

/** A comment at an absolute UTC time. */
function at(iso: string, spec: Omit<Spec, 'at'>): MetricComment {
  return { ...comment(spec), createdAt: Date.parse(iso) };
}

describe('site summary', () => {
  it('the same person on three posts is one returning commenter', () => {
    // x comments on /a/, /b/, /c/; y twice on /a/ only; the author on /a/ and /b/ (never a "returning reader");
    // anonymous on /b/ and /c/ (never a participant). Identified reader comments: x 3, y 2 → share 3/5.
    const report = computeReport(
      [],
      [
        comment({ id: 1, by: 'x', post: '/a/' }),
        comment({ id: 2, by: 'y', post: '/a/' }),
        comment({ id: 3, by: 'y', post: '/a/' }),
        comment({ id: 4, by: 'author', post: '/a/' }),
        comment({ id: 5, by: 'x', post: '/b/' }),
        comment({ id: 6, by: 'author', post: '/b/' }),
        comment({ id: 7, by: null, post: '/b/' }),
        comment({ id: 8, by: 'x', post: '/c/' }),
        comment({ id: 9, by: null, post: '/c/' }),
      ],
      options(),
    );
    expect(report.summary).toMatchObject({
      posts: 3,
      postsWithComments: 3,
      comments: 9,
      participants: 3,
      returningCommenters: 1,
      returningCommentShare: 3 / 5,
    });
  });

  it('a cohort that returns on day 90 counts, on day 91 does not', () => {
    // January 2025 newcomers:
    //   p: first 01-10 12:00, again exactly 90 × 24 h later (on another post, added first) → returned
    //   q: first 01-20 12:00, again 91 × 24 h later → not
    //   r: 01-05 10:00 and 20:00 the same UTC day, then day 95 → not
    //   s: 01-31 23:30, then 02-01 00:10: a later UTC day, 40 minutes later → returned
    // → January: 4 newcomers, 2 returned. No newcomer after January.
    const p0 = Date.parse('2025-01-10T12:00:00Z');
    const q0 = Date.parse('2025-01-20T12:00:00Z');
    const r0 = Date.parse('2025-01-05T10:00:00Z');
    const list: MetricComment[] = [
      { ...comment({ id: 1, by: 'p', post: '/a/' }), createdAt: p0 + 90 * DAY },
      { ...comment({ id: 2, by: 'p', post: '/b/' }), createdAt: p0 },
      { ...comment({ id: 3, by: 'q', post: '/a/' }), createdAt: q0 + 91 * DAY },
      { ...comment({ id: 4, by: 'q', post: '/b/' }), createdAt: q0 },
      { ...comment({ id: 5, by: 'r', post: '/b/' }), createdAt: r0 },
      { ...comment({ id: 6, by: 'r', post: '/b/' }), createdAt: r0 + 10 * HOUR },
      { ...comment({ id: 7, by: 'r', post: '/a/' }), createdAt: r0 + 95 * DAY },
      at('2025-01-31T23:30:00Z', { id: 8, by: 's', post: '/b/' }),
      at('2025-02-01T00:10:00Z', { id: 9, by: 's', post: '/b/' }),
    ];
    const report = computeReport([], list, options());
    expect(report.summary.cohorts).toEqual([{ month: '2025-01', newcomers: 4, returnedWithin90d: 2 }]);
    // Reversing the input order (so first comments arrive before or after later ones) changes nothing.
    expect(computeReport([], [...list].reverse(), options()).summary.cohorts).toEqual(report.summary.cohorts);
  });

  it('monthly rows include empty months; returning, newcomers and exchanges per month', () => {
    // /a/: x:1 Jan 10, author:2 ← 1 Jan 11, x:3 ← 2 Jan 12 (exchange x, author, x closes in January).
    // /b/: y:4 Mar 5, x:5 Mar 6, author:6 ← 5 Mar 7, x:7 ← 6 Apr 1 (exchange closes in April).
    // Jan: 3 comments, x + author, newcomer x. Feb: empty. Mar: y, x, author; newcomer y, returning x. Apr: x returning.
    const list = [
      at('2025-01-10T00:00:00Z', { id: 1, by: 'x', post: '/a/' }),
      at('2025-01-11T00:00:00Z', { id: 2, parent: 1, by: 'author', post: '/a/' }),
      at('2025-01-12T00:00:00Z', { id: 3, parent: 2, by: 'x', post: '/a/' }),
      at('2025-03-05T00:00:00Z', { id: 4, by: 'y', post: '/b/' }),
      at('2025-03-06T00:00:00Z', { id: 5, by: 'x', post: '/b/' }),
      at('2025-03-07T00:00:00Z', { id: 6, parent: 5, by: 'author', post: '/b/' }),
      at('2025-04-01T00:00:00Z', { id: 7, parent: 6, by: 'x', post: '/b/' }),
    ];
    const report = computeReport([{ uri: '/a/', title: 'A' }], list, options());
    expect(report.summary.monthly).toEqual([
      { month: '2025-01', comments: 3, participants: 2, newcomers: 1, returning: 0, exchanges: 1, postsStarted: 1, conversationsStarted: 1, authorFirstReplyMedianHours: 24 },
      { month: '2025-02', comments: 0, participants: 0, newcomers: 0, returning: 0, exchanges: 0, postsStarted: 0, conversationsStarted: 0, authorFirstReplyMedianHours: null },
      { month: '2025-03', comments: 3, participants: 3, newcomers: 1, returning: 1, exchanges: 0, postsStarted: 1, conversationsStarted: 1, authorFirstReplyMedianHours: 24 },
      { month: '2025-04', comments: 1, participants: 1, newcomers: 0, returning: 1, exchanges: 1, postsStarted: 0, conversationsStarted: 0, authorFirstReplyMedianHours: null },
    ]);
    expect(report.summary.cohorts).toEqual([
      { month: '2025-01', newcomers: 1, returnedWithin90d: 1 },
      { month: '2025-03', newcomers: 1, returnedWithin90d: 0 },
    ]);
    // x has 2 exchanges with the author (one per post): a dialogue partner at the default minimum of 2.
    expect(report.summary).toMatchObject({
      participants: 3,
      returningCommenters: 1,
      returningCommentShare: 4 / 5,
      shapes: { silence: 0, applause: 0, 'q-and-a': 0, conversation: 2 },
      conversationShare: 1,
      dialoguePartners: 1,
      dialoguePartnerList: [{ name: 'Name x', exchanges: 2 }],
      dunbar: { layer: 5, partners: 1 },
    });
    expect(report.posts.map((p) => [p.uri, p.title])).toEqual([
      ['/a/', 'A'],
      ['/b/', null],
    ]);
    const hidden = computeReport([], list, options({ hideNames: true }));
    expect(hidden.summary.dialoguePartnerList).toEqual([{ name: null, exchanges: 2 }]);
    const stricter = computeReport([], list, options({ partnerMinExchanges: 3 }));
    expect(stricter.summary).toMatchObject({ dialoguePartners: 0, dialoguePartnerList: [], dunbar: { layer: null, label: 'none' } });
  });

  it('partners: exchanges in either direction, summed over posts, most first, latest name', () => {
    // /a/: author:21 ← z:22 ← author:23 (closes author, z, author) ← z:24 (closes z, author, z) → z: 2.
    // /b/: w:5 ← author:6 ← w:7, w:8 ← author:9 ← w:10 → w: 2; w's latest name is "W new" (comment 10).
    // /c/: v:11 ← author:12 ← v:13 → v: 1 exchange only.
    // Order: z first — z commented first (hour 2), although w's first comment has the smaller id.
    const list = [
      comment({ id: 21, by: 'author', post: '/a/', at: 1 }),
      comment({ id: 22, parent: 21, by: 'z', post: '/a/', at: 2 }),
      comment({ id: 23, parent: 22, by: 'author', post: '/a/', at: 3 }),
      comment({ id: 24, parent: 23, by: 'z', post: '/a/', at: 4 }),
      comment({ id: 5, by: 'w', post: '/b/', name: 'W old' }),
      comment({ id: 6, parent: 5, by: 'author', post: '/b/' }),
      comment({ id: 7, parent: 6, by: 'w', post: '/b/', name: null }),
      comment({ id: 8, by: 'w', post: '/b/', name: 'W old' }),
      comment({ id: 9, parent: 8, by: 'author', post: '/b/' }),
      comment({ id: 10, parent: 9, by: 'w', post: '/b/', name: 'W new' }),
      comment({ id: 11, by: 'v', post: '/c/' }),
      comment({ id: 12, parent: 11, by: 'author', post: '/c/' }),
      comment({ id: 13, parent: 12, by: 'v', post: '/c/' }),
    ];
    const summary = computeReport([], list, options()).summary;
    expect(summary.dialoguePartnerList).toEqual([
      { name: 'Name z', exchanges: 2 },
      { name: 'W new', exchanges: 2 },
    ]);
    const loose = computeReport([], list, options({ partnerMinExchanges: 1 })).summary;
    expect(loose.dialoguePartners).toBe(3);
  });

  it('dunbar layers: the smallest layer that holds the partners', () => {
    const layer = (n: number) => dunbarPlacement(n).layer;
    expect([0, 1, 5, 6, 15, 16, 50, 51, 150, 151].map(layer)).toEqual([null, 5, 5, 15, 15, 50, 50, 150, 150, null]);
    expect(dunbarPlacement(0).label).toBe('none');
    expect(dunbarPlacement(151)).toEqual({ layer: null, label: 'beyond 150', partners: 151 });
    // Six readers with one exchange each, at a minimum of 1 → layer 15.
    const list = Array.from({ length: 6 }, (_, k) => [
      comment({ id: 3 * k + 1, by: `r${k}`, post: `/p${k}/` }),
      comment({ id: 3 * k + 2, parent: 3 * k + 1, by: 'author', post: `/p${k}/` }),
      comment({ id: 3 * k + 3, parent: 3 * k + 2, by: `r${k}`, post: `/p${k}/` }),
    ]).flat();
    const summary = computeReport([], list, options({ partnerMinExchanges: 1 })).summary;
    expect(summary.dunbar).toMatchObject({ layer: 15, partners: 6 });
  });

  it('envelope: window and options; silent posts known to the site; pending and waiting summed', () => {
    const generatedAt = new Date(Date.UTC(2026, 0, 1));
    const list = [
      comment({ id: 1, by: 'a', post: '/a/' }),
      comment({ id: 2, by: 'b', post: '/a/', status: 'pending' }),
      comment({ id: 3, by: 'c', post: '/b/' }),
      comment({ id: 4, by: 'c', post: '/c/', status: 'spam' }),
    ];
    const report = computeReport([{ uri: '/quiet/', title: 'Quiet' }], list, options({ site: 'blog', generatedAt }));
    expect(report).toMatchObject({
      site: 'blog',
      generatedAt: '2026-01-01T00:00:00.000Z',
      window: { from: null, to: '2026-01-01T00:00:00.000Z' },
      options: { partnerMinExchanges: 2 },
    });
    expect(report.posts.map((p) => [p.uri, p.shape])).toEqual([
      ['/quiet/', 'silence'],
      ['/a/', 'applause'],
      ['/b/', 'applause'],
      ['/c/', 'silence'],
    ]);
    expect(report.summary).toMatchObject({
      posts: 4,
      postsWithComments: 2,
      comments: 2,
      shapes: { silence: 2, applause: 2, 'q-and-a': 0, conversation: 0 },
      conversationShare: 0,
      returningCommenters: 0,
      pending: 1,
      waitingForAuthor: 2,
    });
    const windowed = computeReport([], list, options({ from: new Date(T0), to: new Date(T0 + DAY) }));
    expect(windowed.window).toEqual({ from: '2025-01-01T00:00:00.000Z', to: '2025-01-02T00:00:00.000Z' });
  });

  it('the window limits returning commenters, cohorts and months', () => {
    // x on /a/ in January and on /b/ in March; a window from February sees only March.
    const list = [
      at('2025-01-10T00:00:00Z', { id: 1, by: 'x', post: '/a/' }),
      at('2025-03-10T00:00:00Z', { id: 2, by: 'x', post: '/b/' }),
    ];
    const all = computeReport([], list, options()).summary;
    expect(all).toMatchObject({ returningCommenters: 1, cohorts: [{ month: '2025-01', newcomers: 1, returnedWithin90d: 1 }] });
    expect(all.monthly.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    const windowed = computeReport([], list, options({ from: new Date('2025-02-01T00:00:00Z') })).summary;
    expect(windowed).toMatchObject({
      comments: 1,
      returningCommenters: 0,
      returningCommentShare: 0,
      cohorts: [{ month: '2025-03', newcomers: 1, returnedWithin90d: 0 }],
      monthly: [{ month: '2025-03', comments: 1, participants: 1, newcomers: 1, returning: 0, exchanges: 0 }],
    });
  });

  it('an empty site has null shares and no rows', () => {
    const summary = computeReport([], [], options()).summary;
    expect(summary).toMatchObject({
      posts: 0,
      comments: 0,
      participants: 0,
      conversationShare: null,
      returningCommentShare: null,
      dialoguePartners: 0,
      cohorts: [],
      monthly: [],
    });
  });

  it('the accumulator refuses a post twice, a foreign comment, and a minimum below 1', () => {
    const site = new SiteAccumulator(options());
    site.addPost({ uri: '/a/', title: null }, []);
    expect(() => site.addPost({ uri: '/a/', title: null }, [])).toThrow(RangeError);
    expect(() => site.addPost({ uri: '/b/', title: null }, [comment({ id: 1, by: 'a', post: '/c/' })])).toThrow(RangeError);
    expect(() => new SiteAccumulator(options({ partnerMinExchanges: 0 }))).toThrow(RangeError);
  });

  it('a kept fold drops a month from a reader who no longer commented in it, and refuses to take back a reader\'s first comment alone', () => {
    // x: on /a/ on 1 and 5 January and (unnamed) on 10 February; on /b/ on 2 January. Then the February comment goes,
    // and later the first one.
    const a = [
      comment({ id: 1, by: 'x', post: '/a/', at: 0 }),
      comment({ id: 2, by: 'x', post: '/a/', at: 4 * 24 }),
      comment({ id: 3, by: 'x', post: '/a/', at: 40 * 24, name: null }),
    ];
    const b = [comment({ id: 4, by: 'x', post: '/b/', at: 24 }), comment({ id: 5, by: 'y', post: '/b/', at: 70 * 24 })];
    const window = reportWindow(options());
    const part = (list: MetricComment[], uri: string) => {
      const { contribution, readerKeys } = computePostContribution({ uri, title: null }, list, window);
      return { contribution, readerIds: Int32Array.from(readerKeys, (key) => (key === 'x' ? 0 : 1)) };
    };
    const site = new SiteAccumulator(options());
    site.addContribution(part(a, '/a/').contribution, part(a, '/a/').readerIds, 0);
    site.addContribution(part(b, '/b/').contribution, part(b, '/b/').readerIds, 1);
    const without = a.slice(0, 2);
    expect(site.replaceContribution(0, part(a, '/a/'), part(without, '/a/'))).toBe(true);
    const expected = computeReport([{ uri: '/a/', title: null }], [...without, ...b], options());
    expect(JSON.stringify(site.finish())).toBe(JSON.stringify(expected));
    expect(site.finish().summary.monthly.find((row) => row.month === '2025-02')!.participants).toBe(0);
    // Without its first comment, x's first comment and return are in /b/, which the fold no longer knows apart.
    expect(site.replaceContribution(0, part(without, '/a/'), part(without.slice(1), '/a/'))).toBe(false);
    expect(JSON.stringify(site.finish())).toBe(JSON.stringify(expected));
  });
});
