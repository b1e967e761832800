/**
 * Comments from elsewhere in the metrics (spec: "Comments from elsewhere", `sources`,
 * `reactions`): they count like any comment by where they were written, and reactions are
 * applause that enters no other number.
 */
import { describe, expect, it } from 'vitest';
import { computePostMetrics, computeReport, reportWindow } from '../../server/dialogue/index.js';
import { comment, comments, options, postOf } from './helpers.js';

describe('sources', () => {
  it('counts counted comments by where they were written, 0 where none', () => {
    const post = postOf([
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'm', source: 'mastodon' },
      { id: 3, parent: 2, by: 'author', source: 'mastodon' },
      { id: 4, by: 'w', source: 'webmention' },
      { id: 5, by: 'w2', source: 'webmention', status: 'pending' },
      { id: 6, by: 'b', source: 'bluesky', status: 'deleted' },
    ]);
    expect(post.sources).toEqual({ site: 1, webmention: 1, mastodon: 2, bluesky: 0 });
    expect(post.comments).toBe(4);
    expect(post.pending).toBe(1);
  });

  it('a reply chain alternating between the blog and Mastodon is one back-and-forth', () => {
    // Reader r on Mastodon, the author on the blog and from the syndicating account:
    // r(m) ← author(site) ← r(m) ← author(m) ← r(site) — the same two people, whatever the source.
    const post = postOf([
      { id: 1, by: 'r', source: 'mastodon' },
      { id: 2, parent: 1, by: 'author' },
      { id: 3, parent: 2, by: 'r', source: 'mastodon' },
      { id: 4, parent: 3, by: 'author', source: 'mastodon' },
      { id: 5, parent: 4, by: 'r' },
    ]);
    expect(post).toMatchObject({ comments: 5, maxDepth: 5, longestBackAndForth: 5, exchanges: 3, participants: 2, shape: 'conversation' });
    expect(post.sources).toEqual({ site: 2, webmention: 0, mastodon: 3, bluesky: 0 });
  });
});

describe('reactions', () => {
  it('are reported as given and change no other number', () => {
    const specs = [
      { id: 1, by: 'a' },
      { id: 2, parent: 1, by: 'author' },
    ];
    const window = reportWindow(options());
    const without = computePostMetrics({ uri: '/p/', title: 'P' }, comments(specs), window).report;
    const withReactions = computePostMetrics({ uri: '/p/', title: 'P', reactions: { likes: 40, reposts: 7 } }, comments(specs), window).report;
    expect(without.reactions).toEqual({ likes: 0, reposts: 0 });
    expect(withReactions.reactions).toEqual({ likes: 40, reposts: 7 });
    const { reactions: _a, ...restWith } = withReactions;
    const { reactions: _b, ...restWithout } = without;
    expect(restWith).toEqual(restWithout);
  });

  it('a post with only reactions stays silent', () => {
    const report = computeReport([{ uri: '/quiet/', title: 'Q', reactions: { likes: 3, reposts: 1 } }], [], options());
    expect(report.posts[0]).toMatchObject({ comments: 0, shape: 'silence', reactions: { likes: 3, reposts: 1 } });
  });
});

describe('summary', () => {
  it('sums sources and reactions over posts; the same Mastodon person on two posts returns', () => {
    const report = computeReport(
      [
        { uri: '/a/', title: 'A', reactions: { likes: 2, reposts: 1 } },
        { uri: '/b/', title: 'B', reactions: { likes: 5, reposts: 0 } },
      ],
      [
        comment({ id: 1, by: 'masto-x', post: '/a/', source: 'mastodon' }),
        comment({ id: 2, by: 'masto-x', post: '/b/', source: 'mastodon' }),
        comment({ id: 3, by: 'y', post: '/b/' }),
        comment({ id: 4, by: 'sky', post: '/b/', source: 'bluesky' }),
        comment({ id: 5, by: 'blog', post: '/a/', source: 'webmention' }),
      ],
      options(),
    );
    expect(report.summary.sources).toEqual({ site: 1, webmention: 1, mastodon: 2, bluesky: 1 });
    expect(report.summary.reactions).toEqual({ likes: 7, reposts: 1 });
    expect(report.summary).toMatchObject({ comments: 5, returningCommenters: 1 });
  });
});
