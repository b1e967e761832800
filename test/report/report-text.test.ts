/** The terminal report's words: a q-and-a post is described by what it lacks, anonymous comments are counted beside people. */
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../server/dialogue/index.js';
import { reportWords } from '../../server/report/glossary.js';
import { formatReportText } from '../../server/report/report-text.js';
import { comments, options } from '../dialogue/helpers.js';

describe('formatReportText', () => {
  // /qa/: readers a and b ask, the author answers both, b replies to the author's answer to a (still no
  // second round: every edge touches the author), and one anonymous comment. /thanks/: a says thanks, marked.
  const report = computeReport(
    [{ uri: '/qa/', title: 'Q and A' }, { uri: '/thanks/', title: 'Thanks' }],
    comments([
      { id: 1, by: 'a', post: '/qa/' },
      { id: 2, by: 'b', post: '/qa/' },
      { id: 3, parent: 1, by: 'author', post: '/qa/' },
      { id: 4, parent: 2, by: 'author', post: '/qa/' },
      { id: 5, parent: 3, by: 'b', post: '/qa/' },
      { id: 6, by: null, post: '/qa/' },
      { id: 7, by: 'a', post: '/thanks/', acknowledged: true },
    ]),
    options(),
  );
  const text = formatReportText(report);

  it('says precisely what a q-and-a post is missing: a second round, not replies', () => {
    expect(report.posts[0]!.shape).toBe('q-and-a');
    expect(text).not.toMatch(/nobody answers back/i);
    expect(text).toContain(`Questions and answers (1): ${reportWords('en').shapeRule('q-and-a')}`);
    expect(text).toMatch(/\/qa\/ “Q and A”\n\s+6 comments · deepest reply at level 3 · 3 people and 1 anonymous comment · no second round yet · 2 open for you/);
  });

  it('counts open comments without reproach and names the ones marked "no answer needed"', () => {
    expect(text).toContain('2 reader comments addressed to you have no reply yet. 1 more is marked “no answer needed”.');
    expect(text).toContain('7 comments · 3 people and 1 anonymous comment');
    expect(text).toMatch(/\/thanks\/ “Thanks”\n\s+1 comment · deepest reply at level 1 · 1 person · no replies between people yet · 1 no answer needed/);
  });
});
