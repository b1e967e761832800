/**
 * The chart functions on their own: numbers in, an accessible SVG figure
 * out, every label escaped, the drawing true to the numbers.
 */
import { describe, expect, it } from 'vitest';
import { depthChart, depthCounts } from '../../plugin/charts/depth.js';
import { DUNBAR_LAYERS, dunbarChart } from '../../plugin/charts/dunbar.js';
import { chartFigure } from '../../plugin/charts/figure.js';
import { monthlyChart } from '../../plugin/charts/monthly.js';
import { niceMax } from '../../plugin/charts/scale.js';
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
    const html = treeChart(chain, { id: 'deep', labels: en.chart, maxNodes: 20_000 });
    expect(tableRows(html)).toHaveLength(20_000);
    expect(html).toContain('the deepest reply is at level 20000');
  });

  it('counts comments per level in its table, removed comments drawn but not counted', () => {
    const html = treeChart([node(1, null, 1), node(2, 1, 2, { isAuthor: true }), node(3, null, 1, { deleted: true }), node(4, 3, 2), node(5, 4, 3, { isAuthor: true })], {
      id: 't',
      labels: en.chart,
    });
    expect(tableRows(html)).toEqual([
      ['1', '1', '0'],
      ['2', '2', '1'],
      ['3', '1', '1'],
    ]);
    expect(html).toContain('A tree of 4 comments: 1 start a thread, the deepest reply is at level 3, 2 by the author.');
    expect(html.match(/<circle /g)).toHaveLength(5 + 3); // five comments and three legend marks
  });

  it('draws at most maxNodes comments and says so', () => {
    const many = Array.from({ length: 50 }, (_, i) => node(i + 1, null, 1));
    const html = treeChart(many, { id: 'wide', labels: en.chart, maxNodes: 10, small: true });
    expect(html.match(/<circle /g)).toHaveLength(10);
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
    const html = depthChart(counts, { id: 'd', labels: en.chart, lang: 'en' });
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(tableRows(html)).toEqual([
      ['1', '2'],
      ['2', '0'],
      ['3', '1'],
    ]);
    expect(html).toContain('3 comments, the deepest at level 3; 33% are replies.');
  });

  it('draws taller bars for larger counts', () => {
    const html = depthChart([10, 5], { id: 'd', labels: en.chart, lang: 'en' });
    const heights = [...html.matchAll(/<rect [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights[0]).toBeCloseTo(heights[1]! * 2, 0);
  });
});

describe('monthlyChart', () => {
  it('tabulates each month and escapes its labels', () => {
    const rows = [
      { month: '2026-01', newcomers: 3, returning: 0 },
      { month: HOSTILE, newcomers: 0, returning: 4 },
    ];
    const html = monthlyChart(rows, { id: 'm', labels: en.chart });
    expect(tableRows(html)).toEqual([
      ['2026-01', '3', '0'],
      ['&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;', '0', '4'],
    ]);
    expect(html).not.toContain('<script');
    expect(html).toContain('Over 2 months: 3 newcomers, 4 returning commenter-months.');
  });
});

describe('dunbarChart', () => {
  function geometry(html: string) {
    const circles = [...html.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"( fill="none")?/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      r: Number(m[3]),
      ring: Boolean(m[4]),
    }));
    const rings = circles.filter((c) => c.ring).map((c) => c.r);
    const dots = [...html.matchAll(/<g fill="#0072B2">(.*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/cx="([\d.]+)" cy="([\d.]+)"/g)]);
    const centre = circles.find((c) => c.ring)!;
    return { rings, distances: dots.map((d) => Math.hypot(Number(d[1]) - centre.x, Number(d[2]) - centre.y)) };
  }

  it('places dot n inside the circle of every layer that holds n people', () => {
    const { rings, distances } = geometry(dunbarChart(60, { id: 'x', labels: en.chart, layerName: en.layerName, layerText: 'text' }));
    expect(rings).toHaveLength(DUNBAR_LAYERS.length);
    expect(distances).toHaveLength(60);
    distances.forEach((distance, i) => {
      DUNBAR_LAYERS.forEach((layer, l) => {
        expect(distance < rings[l]!, `dot ${i + 1} vs layer ${layer}`).toBe(i + 1 <= layer);
      });
    });
  });

  it('stops drawing at 150 but tells the real number', () => {
    const html = dunbarChart(170, { id: 'x', labels: en.chart, layerName: en.layerName, layerText: en.dunbarLayer(null, 170) });
    expect(geometry(html).distances).toHaveLength(150);
    expect(html).toContain('170 dialogue partners. More than Dunbar’s 150');
    expect(tableRows(html).map((row) => row[2])).toEqual(['5', '15', '50', '150']);
  });
});

describe('helpers', () => {
  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 26, 480].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 500]);
  });

  it('gives each post a safe, unique dialogue page path', () => {
    const paths = postPagePaths(['/posts/brot/', '/posts/Brot', '/posts/Über%20Brot/', '/../../etc/passwd', '/', '/a?b=c#d'], '/dialogue/');
    expect([...paths.values()]).toEqual(['/dialogue/posts/brot/', '/dialogue/posts/brot-2/', '/dialogue/posts/uber-brot/', '/dialogue/etc/passwd/', '/dialogue/home/', '/dialogue/a/']);
  });

  it('cuts comment HTML to a plain excerpt', () => {
    expect(textExcerpt('<p>Tom &amp; Jerry&#39;s <em>bread</em></p>')).toBe("Tom & Jerry's bread");
    const long = textExcerpt(`<p>${'word '.repeat(100)}</p>`, 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('word…')).toBe(true);
  });
});
