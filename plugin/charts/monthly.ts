/**
 * Who comments each month: readers commenting for the first time against
 * readers who had commented in an earlier month. A site in dialogue keeps
 * its returning bar growing; one that is only read has newcomers only.
 */
import type { Strings } from '../i18n.js';
import { chartFigure } from './figure.js';
import { pairedBars } from './paired-bars.js';

export interface MonthRow {
  /** UTC month, `YYYY-MM`. */
  month: string;
  newcomers: number;
  returning: number;
}

export interface MonthlyChartOptions {
  id: string;
  strings: Strings;
}

/** Paired bars per month: newcomers (blue) beside returning commenters (orange). */
export function monthlyChart(rows: readonly MonthRow[], options: MonthlyChartOptions): string {
  const { t } = options.strings;
  const newcomersLabel = options.strings.site('newcomers').label;
  const returningLabel = options.strings.site('returning').label;
  const drawing = pairedBars(rows.map((row) => ({ label: row.month, first: row.newcomers, second: row.returning })), [newcomersLabel, returningLabel]);
  const newcomers = rows.reduce((sum, row) => sum + row.newcomers, 0);
  const returning = rows.reduce((sum, row) => sum + row.returning, 0);
  return chartFigure({
    id: options.id,
    title: t('report.chart.monthly.title'),
    summary: t('report.chart.monthly.summary', { n: rows.length, newcomers, returning }),
    width: drawing.width,
    height: drawing.height,
    body: drawing.body,
    legend: drawing.legend,
    tableLabel: t('report.chart.data'),
    table: { columns: [t('report.column.month'), newcomersLabel, returningLabel], rows: rows.map((row) => [row.month, row.newcomers, row.returning]) },
  });
}
