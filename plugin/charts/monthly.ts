/**
 * Who comments each month: readers commenting for the first time against
 * readers who had commented in an earlier month. A site in dialogue keeps
 * its returning bar growing; one that is only read has newcomers only.
 */
import type { Strings } from '../i18n.js';
import { COLORS, chartFigure, r1, svgText } from './figure.js';
import { barFrame } from './bar-frame.js';
import { labelStep } from './scale.js';

export interface MonthRow {
  /** UTC month, `YYYY-MM`. */
  month: string;
  newcomers: number;
  returning: number;
}

export interface MonthlyChartOptions {
  id: string;
  labels: Strings['chart'];
}

/** Grouped bars per month: newcomers (blue) beside returning commenters (orange). */
export function monthlyChart(rows: readonly MonthRow[], options: MonthlyChartOptions): string {
  const { labels } = options;
  const width = 640;
  const height = 240;
  const left = 36;
  const top = 34;
  const bottom = 30;
  const { plotHeight, slot, y, grid } = barFrame({
    width, height, left, top, bottom, slots: rows.length,
    largest: Math.max(0, ...rows.flatMap((row) => [row.newcomers, row.returning])),
  });
  const barWidth = Math.max(1.5, Math.min(22, (slot * 0.8) / 2));
  const step = labelStep(rows.length, 12);
  const bar = (x: number, value: number, color: string) =>
    value > 0 ? `<rect x="${r1(x)}" y="${r1(y(value))}" width="${r1(barWidth)}" height="${r1(top + plotHeight - y(value))}" fill="${color}"/>` : '';

  const [, newcomersLabel, returningLabel] = labels.monthlyColumns;
  const legend =
    `<rect x="${left}" y="6" width="12" height="12" fill="${COLORS.reader}"/>` + svgText(left + 18, 16, newcomersLabel) +
    `<rect x="${left + 150}" y="6" width="12" height="12" fill="${COLORS.accent}"/>` + svgText(left + 168, 16, returningLabel);
  const bars = rows
    .map((row, i) => {
      const x = left + i * slot + (slot - 2 * barWidth) / 2;
      const tick = i % step === 0 ? svgText(x + barWidth, height - bottom + 16, row.month, 'text-anchor="middle" font-size="10"') : '';
      return bar(x, row.newcomers, COLORS.reader) + bar(x + barWidth, row.returning, COLORS.accent) + tick;
    })
    .join('');

  const newcomers = rows.reduce((sum, row) => sum + row.newcomers, 0);
  const returning = rows.reduce((sum, row) => sum + row.returning, 0);
  return chartFigure({
    id: options.id,
    title: labels.monthlyTitle,
    summary: labels.monthlySummary(rows.length, newcomers, returning),
    width,
    height,
    body: legend + grid + bars,
    table: { columns: labels.monthlyColumns, rows: rows.map((row) => [row.month, row.newcomers, row.returning]) },
  });
}
