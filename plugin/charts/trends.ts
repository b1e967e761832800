/**
 * Monthly trends as small multiples: the conversation share, the returning
 * share and the author's answer time, one small line chart each over the
 * same months, so a reader compares shapes rather than reads numbers.
 */
import type { MonthlyRow } from '../../server/dialogue/types.js';
import type { Strings } from '../i18n.js';
import { COLORS, GRID, MUTED, chartFigure, r1, svgText, type ChartPanel } from './figure.js';
import { niceScale } from './scale.js';

export interface TrendsChartOptions {
  id: string;
  strings: Strings;
  /** Panel titles: the measures' labels. */
  panels: { conversation: string; returning: string; answerHours: string };
}

/** The month's readers who had commented before, as a share of its readers; null in a month without readers. */
export function returningShare(row: Pick<MonthlyRow, 'newcomers' | 'returning'>): number | null {
  const readers = row.newcomers + row.returning;
  return readers === 0 ? null : row.returning / readers;
}

export function conversationShareOf(row: Pick<MonthlyRow, 'postsStarted' | 'conversationsStarted'>): number | null {
  return row.postsStarted > 0 ? row.conversationsStarted / row.postsStarted : null;
}

const WIDTH = 220;
const HEIGHT = 130;
/** Room for the top value on the left: "100 %" with the space French and German put before the sign. */
const LEFT = 42;
const TOP = 26;
const BOTTOM = 22;

/** One small line chart: gaps where a month has no value, a dot on every value. */
function panel(title: string, summary: string, months: readonly string[], values: ReadonlyArray<number | null>, max: number, top: string, color: string): ChartPanel {
  const plotWidth = WIDTH - LEFT - 10;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (months.length > 1 ? (i / (months.length - 1)) * plotWidth : plotWidth / 2);
  const y = (v: number) => TOP + plotHeight - (v / max) * plotHeight;
  let path = '';
  let pen = false;
  const dots: string[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${r1(x(i))} ${r1(y(value))}`;
    pen = true;
    dots.push(`<circle cx="${r1(x(i))}" cy="${r1(y(value))}" r="2.6"/>`);
  });
  const axis =
    `<line x1="${LEFT}" x2="${WIDTH - 10}" y1="${TOP + plotHeight}" y2="${TOP + plotHeight}" ${GRID}/>` +
    `<line x1="${LEFT}" x2="${WIDTH - 10}" y1="${TOP}" y2="${TOP}" ${GRID} stroke-dasharray="2 3"/>` +
    svgText(LEFT - 4, TOP + 4, top, `text-anchor="end" font-size="10" ${MUTED}`) +
    svgText(LEFT - 4, TOP + plotHeight + 4, '0', `text-anchor="end" font-size="10" ${MUTED}`) +
    (months.length > 0 ? svgText(LEFT, HEIGHT - 6, months[0]!, `font-size="10" ${MUTED}`) : '') +
    (months.length > 1 ? svgText(WIDTH - 10, HEIGHT - 6, months.at(-1)!, `text-anchor="end" font-size="10" ${MUTED}`) : '');
  const body =
    svgText(0, 14, title, 'font-weight="600"') +
    axis +
    (path ? `<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>` : '') +
    `<g fill="${color}">${dots.join('')}</g>`;
  return { title, summary, width: WIDTH, height: HEIGHT, body };
}

export function trendsChart(rows: readonly MonthlyRow[], options: TrendsChartOptions): string {
  const { t, share, hours: inHours } = options.strings;
  const latest = (value: string) => t('report.chart.trends.latest', { value });
  const months = rows.map((row) => row.month);
  const conversation = rows.map(conversationShareOf);
  const returning = rows.map(returningShare);
  const hours = rows.map((row) => row.authorFirstReplyMedianHours);
  const { max: hoursMax } = niceScale(Math.max(1, ...hours.map((h) => h ?? 0)), 4);
  const last = <T,>(list: ReadonlyArray<T | null>): T | null => [...list].reverse().find((v) => v !== null) ?? null;
  const panels = [
    panel(options.panels.conversation, latest(share(last(conversation))), months, conversation, 1, share(1), COLORS.reader),
    panel(options.panels.returning, latest(share(last(returning))), months, returning, 1, share(1), COLORS.green),
    panel(options.panels.answerHours, latest(inHours(last(hours))), months, hours, hoursMax, inHours(hoursMax), COLORS.author),
  ];
  return chartFigure({
    id: options.id,
    title: t('report.chart.trends.title'),
    summary: t('report.chart.trends.summary', { n: rows.length }),
    width: WIDTH,
    height: HEIGHT,
    body: '',
    panels,
    tableLabel: t('report.chart.data'),
    table: {
      columns: [t('report.column.month'), options.panels.conversation, options.panels.returning, options.panels.answerHours],
      rows: rows.map((row, i) => [row.month, share(conversation[i]!), share(returning[i]!), options.strings.decimal(hours[i]!)]),
    },
  });
}
