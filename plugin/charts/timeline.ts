/**
 * A thread over time: each comment a dot on a time line, readers above, the
 * author below, and a thin line from every comment the author answered to
 * the answer, so the wait for the author is seen as a length.
 */
import { escapeHtml } from '../../server/render/escape.js';
import type { Strings } from '../i18n.js';
import { COLORS, GRID, MUTED, chartFigure, r1, svgText } from './figure.js';
import { byCreation } from './time-order.js';
import { personColor } from './tree.js';

export interface TimelineComment {
  id: number;
  parentId: number | null;
  isAuthor: boolean;
  deleted: boolean;
  createdAt: string;
  name: string | null;
  /** Per-post person number (0 the author); absent: anonymous or unknown. */
  person?: number | null;
}

export interface TimelineOptions {
  id: string;
  strings: Strings;
  /** Comments drawn and tabulated at most (the first ones in time). */
  maxComments?: number;
}

const WIDTH = 480;
const HEIGHT = 120;
const LEFT = 62;
const RIGHT = 14;
const READERS_Y = 34;
const AUTHOR_Y = 78;

export function timelineChart(all: readonly TimelineComment[], options: TimelineOptions): string {
  const { t, day, dayTimeAt } = options.strings;
  const visible = all.filter((c) => !c.deleted).sort(byCreation);
  const shown = visible.slice(0, options.maxComments ?? 400);
  const times = shown.map((c) => Date.parse(c.createdAt));
  const start = times[0] ?? 0;
  const end = times.at(-1) ?? 0;
  const span = end - start;
  const x = (t: number) => (span > 0 ? LEFT + ((t - start) / span) * (WIDTH - LEFT - RIGHT) : (LEFT + WIDTH - RIGHT) / 2);
  const byId = new Map<number, number>();
  for (let i = 0; i < shown.length; i++) byId.set(shown[i]!.id, i);
  // Each comment's x once, and its row of the table in the same pass: a page has up to 400 of them, a build a thousand pages.
  const authorName = t('report.chart.tree.author');
  const anonymousName = t('report.chart.tree.anonymous');
  const nameOf = (c: TimelineComment) => (c.isAuthor ? authorName : (c.name ?? anonymousName));
  // As text once: each x is written for its dot and again for a wait's line.
  const xs = times.map((time) => String(r1(x(time))));
  let waits = '';
  let dots = '';
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < shown.length; i++) {
    const c = shown[i]!;
    const p = c.parentId === null ? undefined : byId.get(c.parentId);
    if (c.isAuthor && p !== undefined && !shown[p]!.isAuthor) waits += `M${xs[p]} ${READERS_Y}L${xs[i]} ${AUTHOR_Y}`;
    dots += c.isAuthor
      ? `<circle cx="${xs[i]}" cy="${AUTHOR_Y}" r="4.5" fill="${personColor(c.person, true)}" fill-opacity=".85" stroke="currentColor" stroke-width="1.4"/>`
      : `<circle cx="${xs[i]}" cy="${READERS_Y}" r="4.5" fill="${personColor(c.person, false)}" fill-opacity=".85"/>`;
    rows.push([dayTimeAt(times[i]!), nameOf(c), c.parentId === null ? '–' : p === undefined ? '' : nameOf(shown[p]!)]);
  }
  const lanes =
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${READERS_Y}" y2="${READERS_Y}" ${GRID}/>` +
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${AUTHOR_Y}" y2="${AUTHOR_Y}" ${GRID}/>` +
    svgText(0, READERS_Y + 4, t('report.chart.timeline.readers')) +
    svgText(0, AUTHOR_Y + 4, t('report.chart.timeline.author'));
  const axis =
    shown.length > 0
      ? svgText(LEFT, HEIGHT - 8, day(shown[0]!.createdAt), `font-size="10" ${MUTED}`) +
        (span > 0 ? svgText(WIDTH - RIGHT, HEIGHT - 8, day(shown.at(-1)!.createdAt), `text-anchor="end" font-size="10" ${MUTED}`) : '')
      : '';
  const body = lanes + (waits ? `<path d="${waits}" stroke="${COLORS.author}" stroke-opacity=".55" fill="none"/>` : '') + dots + axis;

  const byAuthor = visible.filter((c) => c.isAuthor).length;
  const summary =
    visible.length === 0
      ? t('report.chart.timeline.empty')
      : t('report.chart.timeline.summary', { n: visible.length, from: day(visible[0]!.createdAt), to: day(visible.at(-1)!.createdAt), byAuthor }) +
        (visible.length > shown.length ? ` ${t('report.chart.truncated', { shown: shown.length, total: visible.length })}` : '');
  return chartFigure({
    id: options.id,
    title: t('report.chart.timeline.title'),
    summary,
    width: WIDTH,
    height: HEIGHT,
    body,
    legend: `<p class="kommentar-legend"><span><i class="kommentar-line kommentar-color-author"></i>${escapeHtml(t('report.chart.timeline.wait'))}</span></p>`,
    tableLabel: t('report.chart.data'),
    table: {
      columns: [t('report.column.when'), t('report.column.who'), t('report.column.inReplyTo')],
      rows,
    },
  });
}
