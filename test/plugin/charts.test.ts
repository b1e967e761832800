/**
 * The chart functions on their own: numbers in, an accessible SVG figure
 * out, every label escaped, the drawing true to the numbers.
 */
import { describe, expect, it } from 'vitest';
import { depthChart, depthCounts } from '../../plugin/charts/depth.js';
import { DUNBAR_LAYERS, dunbarChart } from '../../plugin/charts/dunbar.js';
import { chartFigure } from '../../plugin/charts/figure.js';
import { monthlyChart } from '../../plugin/charts/monthly.js';
import { niceScale } from '../../plugin/charts/scale.js';
import { cohortChart } from '../../plugin/charts/cohorts.js';
import { timelineChart } from '../../plugin/charts/timeline.js';
import { trendsChart } from '../../plugin/charts/trends.js';
import { layoutTree, treeChart, type TreeChartNode } from '../../plugin/charts/tree.js';
import { stringsFor } from '../../plugin/i18n.js';
import { textExcerpt } from '../../plugin/pages/excerpt.js';
import { postPagePaths } from '../../plugin/pages/paths.js';
import { tableRows } from './helpers.js';

const en = stringsFor('en', 'en');
const HOSTILE = '<script>alert("x")</script>';


const node = (id: number, parentId: number | null, depth: number, extra: Partial<TreeChartNode> = {}): TreeChartNode => ({ id, parentId, depth, isAuthor: false, deleted: false, ...extra });

describe('chartFigure', () => {
  it('wraps the drawing in an accessible figure and escapes every text', () => {
    const html = chartFigure({
      id: 'My Chart!',
      title: HOSTILE,
      summary: `a & b ${HOSTILE}`,
      width: 100,
      height: 50,
      body: '<rect/>',
      tableLabel: 'Data',
      table: { columns: [HOSTILE, 'n'], rows: [[HOSTILE, 3]] },
    });
    expect(html).toMatch(/^<figure class="kommentar-chart" id="my-chart">/);
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="&#60;script&#62;[^"]*" aria-describedby="my-chart-desc"/);
    expect(html).toContain('<title>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</title>');
    expect(html).toContain('<desc id="my-chart-desc">a &#38; b &#60;script&#62;');
    expect(html).not.toContain('<script');
    expect(tableRows(html)).toEqual([['&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;', '3']]);
  });
});

describe('treeChart', () => {
  it('centres each comment over its replies and puts leaves side by side', () => {
    // 1 ─┬─ 2 ── 4
    //    └─ 3
    // 5 (an orphan whose parent 99 is unknown: top-level)
    const { x, level, ordered } = layoutTree([node(1, null, 1), node(2, 1, 2), node(3, 1, 2), node(4, 2, 3), node(5, 99, 1)]);
    const at = (id: number) => ordered.findIndex((n) => n.id === id);
    expect(ordered.map((n) => n.id)).toEqual([1, 2, 4, 3, 5]);
    expect([4, 3, 5].map((id) => x[at(id)])).toEqual([0, 1, 2]);
    expect(x[at(2)]).toBe(0);
    expect(x[at(1)]).toBe(0.5);
    expect([1, 2, 3, 4, 5].map((id) => level[at(id)])).toEqual([1, 2, 2, 3, 1]);
  });

  it('draws a chain thousands deep without running out of stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => node(i + 1, i === 0 ? null : i, i + 1));
    const html = treeChart(chain, { id: 'deep', strings: en, maxNodes: 20_000 });
    expect(tableRows(html)).toHaveLength(20_000);
    expect(html).toContain('the deepest reply is at level 20,000');
  });

  it('counts comments per level in its table, removed comments drawn but not counted', () => {
    const html = treeChart([node(1, null, 1), node(2, 1, 2, { isAuthor: true }), node(3, null, 1, { deleted: true }), node(4, 3, 2), node(5, 4, 3, { isAuthor: true })], {
      id: 't',
      strings: en,
    });
    expect(tableRows(html)).toEqual([
      ['1', '1', '0'],
      ['2', '2', '1'],
      ['3', '1', '1'],
    ]);
    expect(html).toContain('A tree of 4 comments: 1 start a thread, the deepest reply is at level 3, 2 by the author.');
    expect(html.match(/<circle /g)).toHaveLength(5);
    // The data sits in a closed <details>, not in a wall of numbers under every chart.
    expect(html).toMatch(/<details class="kommentar-data"><summary>[^<]+<\/summary><table class="kommentar-chart-data">/);
  });

  it('keeps one colour per person, rings the author, draws back-and-forth links strong and explains it all in a legend', () => {
    // a(1) → author(2) → a(3) → b(4): 1-2-3 is a back-and-forth; 4 (b replying to a) is a plain reply. 5 is anonymous.
    const nodes = [
      node(1, null, 1, { person: 1 }),
      node(2, 1, 2, { isAuthor: true, person: 0 }),
      node(3, 2, 3, { person: 1 }),
      node(4, 3, 4, { person: 2 }),
      node(5, null, 1, { person: null }),
    ];
    const html = treeChart(nodes, { id: 't', strings: en, people: new Map([[0, 'author'], [1, 'Anna'], [2, HOSTILE]]) });
    const fills = [...html.matchAll(/<circle [^>]*fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual(['#0072B2', '#D55E00', '#0072B2', '#009E73', '#8a8a8a']);
    expect(html).toMatch(/<circle [^>]*fill="#D55E00" stroke="currentColor"/);
    const strong = /<path d="([^"]+)" stroke="currentColor" stroke-width="2.6"/.exec(html)![1]!;
    expect(strong.match(/M/g)).toHaveLength(2); // the links 2→1 and 3→2, not 4→3
    expect(html).toContain('<span><i class="kommentar-person-1"></i>Anna</span>');
    expect(html).not.toContain('style=');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</span>');
    expect(html).toContain('back-and-forth');
    expect(html).not.toContain('<script');
  });

  it('draws at most maxNodes comments and says so', () => {
    const many = Array.from({ length: 50 }, (_, i) => node(i + 1, null, 1));
    const html = treeChart(many, { id: 'wide', strings: en, maxNodes: 10, small: true });
    expect(html.match(/<circle /g)).toHaveLength(10);
    expect(html).not.toContain('kommentar-legend');
    expect(html).toContain('A tree of 50 comments');
    expect(html).toContain('Showing the first 10 of 50 comments.');
    expect(html).toContain('kommentar-chart--small');
  });
});

describe('depthChart', () => {
  it('counts visible comments per level and draws one bar per non-empty level', () => {
    const counts = depthCounts([
      { depth: 1, deleted: false },
      { depth: 1, deleted: false },
      { depth: 3, deleted: false },
      { depth: 2, deleted: true },
    ]);
    expect(counts).toEqual([2, 0, 1]);
    const html = depthChart(counts, { id: 'd', strings: en });
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(tableRows(html)).toEqual([
      ['1', '2'],
      ['2', '0'],
      ['3', '1'],
    ]);
    expect(html).toContain('3 comments, the deepest at level 3; 33% are replies.');
  });

  it('draws taller bars for larger counts', () => {
    const html = depthChart([10, 5], { id: 'd', strings: en });
    const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights[0]).toBeCloseTo(heights[1]! * 2, 0);
  });

  it('ends the axis just above the largest bar: 25 for 24, not 50', () => {
    const html = depthChart([24, 3], { id: 'd', strings: en });
    const ticks = [...html.matchAll(/<text [^>]*text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(ticks).toEqual([0, 10, 20, 30]);
  });
});

describe('monthlyChart', () => {
  it('tabulates each month and escapes its labels', () => {
    const rows = [
      { month: '2026-01', newcomers: 3, returning: 0 },
      { month: HOSTILE, newcomers: 0, returning: 4 },
    ];
    const html = monthlyChart(rows, { id: 'm', strings: en });
    expect(tableRows(html)).toEqual([
      ['2026-01', '3', '0'],
      ['&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;', '0', '4'],
    ]);
    expect(html).not.toContain('<script');
    expect(html).toContain('Over 2 months: 3 newcomers, 4 returning commenter-months.');
  });
});

describe('dunbarChart', () => {
  const options = (partners: number) => ({ id: 'x', strings: en, layerText: en.dunbarSentence(null, partners) });

  it('puts one dot per partner inside the band of the layer that holds it, and names only that layer in the table', () => {
    const html = dunbarChart(12, options(12));
    const bands = [...html.matchAll(/<rect x="([\d.]+)" y="44" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[1]) + Number(m[2])]);
    expect(bands).toHaveLength(DUNBAR_LAYERS.length);
    const dots = [...html.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(dots).toHaveLength(12);
    dots.forEach((x, i) => {
      const layer = i < 5 ? 0 : 1;
      expect(x, `dot ${i + 1}`).toBeGreaterThanOrEqual(bands[layer]![0]!);
      expect(x, `dot ${i + 1}`).toBeLessThanOrEqual(bands[layer]![1]!);
    });
    expect(tableRows(html).map((row) => row[2])).toEqual(['–', '12', '–', '–']);
    expect(html).toContain('12 partners');
  });

  it('stops drawing at 150 but tells the real number', () => {
    const html = dunbarChart(170, options(170));
    expect(html.match(/<circle /g)).toHaveLength(150);
    expect(html).toContain('170 dialogue partners. More than Dunbar’s 150');
    expect(tableRows(html).map((row) => row[2])).toEqual(['–', '–', '–', '170']);
  });
});

describe('timelineChart', () => {
  it('puts readers above, the author below, and draws a line from each comment the author answered to the answer', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString();
    const c = (id: number, parentId: number | null, h: number, isAuthor = false, name: string | null = 'Ann') => ({ id, parentId, isAuthor, deleted: false, createdAt: at(h), name, person: isAuthor ? 0 : 1 });
    const html = timelineChart([c(1, null, 0), c(2, 1, 5, true, 'Mara'), c(3, 2, 6), c(4, null, 30, false, null), c(5, 3, 40, true, 'Mara')], { id: 'tl', strings: en });
    const rows = tableRows(html);
    expect(rows.map((row) => row.slice(1))).toEqual([['Ann', '–'], ['author', 'Ann'], ['Ann', 'author'], ['anonymous', '–'], ['author', 'Ann']]);
    const waits = /<path d="([^"]+)" stroke="#D55E00"/.exec(html)![1]!;
    expect(waits.match(/M/g)).toHaveLength(2); // 1 → 2 and 3 → 5
    expect(html.match(/<circle /g)).toHaveLength(5);
    expect(html).toContain('5 comments from January 1, 2026 to January 2, 2026, 2 of them by the author.');
  });
});

describe('trendsChart and cohortChart', () => {
  const month = (m: string, fields: Partial<import('../../server/dialogue/types.js').MonthlyRow>) => ({
    month: m, comments: 0, participants: 0, newcomers: 0, returning: 0, exchanges: 0, postsStarted: 0, conversationsStarted: 0, authorFirstReplyMedianHours: null, ...fields,
  });

  it('draws three small multiples over the same months, with gaps where a month has no value', () => {
    const rows = [
      month('2026-01', { newcomers: 3, returning: 1, postsStarted: 2, conversationsStarted: 1, authorFirstReplyMedianHours: 5 }),
      month('2026-02', {}),
      month('2026-03', { newcomers: 1, returning: 3, postsStarted: 1, conversationsStarted: 1, authorFirstReplyMedianHours: 30 }),
    ];
    const html = trendsChart(rows, { id: 'tr', strings: en, panels: { conversation: 'Conversation share', returning: 'Returning share', answerHours: 'Answer time' } });
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(tableRows(html)).toEqual([
      ['2026-01', '50%', '25%', '5'],
      ['2026-02', '–', '–', '–'],
      ['2026-03', '100%', '75%', '30'],
    ]);
    // The empty month breaks each line into two single points: no segment crosses it.
    expect(html).not.toMatch(/<path d="M[^"]*L[^"]*"/);
  });

  it('shows each cohort beside those of it who came back within 90 days', () => {
    const html = cohortChart([{ month: '2026-01', newcomers: 4, returnedWithin90d: 1 }, { month: '2026-02', newcomers: 2, returnedWithin90d: 2 }], { id: 'co', strings: en });
    expect(tableRows(html)).toEqual([['2026-01', '4', '1', '25%'], ['2026-02', '2', '2', '100%']]);
    expect(html).toContain('Of 6 newcomers, 3 commented again within 90 days (50%).');
  });
});

describe('helpers', () => {
  it('fits the axis to the data in at most five 1/2/5 steps', () => {
    expect([0, 1, 3, 7, 10, 11, 24, 26, 480].map((v) => niceScale(v).max)).toEqual([1, 1, 3, 8, 10, 15, 25, 30, 500]);
    expect(niceScale(24).step).toBe(5);
  });

  it('gives each post a safe, unique dialogue page path', () => {
    const paths = postPagePaths(['/posts/brot/', '/posts/Brot', '/posts/Über%20Brot/', '/../../etc/passwd', '/', '/a?b=c#d', '/kommentar.css'], '/dialogue/');
    expect([...paths.values()]).toEqual([
      '/dialogue/posts/brot/', '/dialogue/posts/brot-2/', '/dialogue/posts/uber-brot/', '/dialogue/etc/passwd/', '/dialogue/home/', '/dialogue/a/',
      // Not a folder where the pages' stylesheet is written.
      '/dialogue/kommentar.css-2/',
    ]);
  });

  it('cuts comment HTML to a plain excerpt', () => {
    expect(textExcerpt('<p>Tom &amp; Jerry&#39;s <em>bread</em></p>')).toBe("Tom & Jerry's bread");
    const long = textExcerpt(`<p>${'word '.repeat(100)}</p>`, 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('word…')).toBe(true);
  });
});
