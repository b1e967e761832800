/**
 * The 90-day cohorts: readers grouped by the month of their first comment,
 * and how many of each group commented again within 90 days. The honest
 * answer to "do newcomers come back?".
 */
import type { CohortRow } from '../../server/dialogue/types.js';
import type { Lang, Strings } from '../i18n.js';
import { formatShare } from '../i18n.js';
import { COLORS, chartFigure } from './figure.js';
import { pairedBars } from './paired-bars.js';

export interface CohortChartOptions {
  id: string;
  labels: Strings['chart'];
  lang: Lang;
}

export function cohortChart(rows: readonly CohortRow[], options: CohortChartOptions): string {
  const { labels } = options;
  const [, newcomersLabel, backLabel] = labels.cohortColumns;
  const drawing = pairedBars(
    rows.map((row) => ({ label: row.month, first: row.newcomers, second: row.returnedWithin90d })),
    [newcomersLabel, backLabel],
    [COLORS.reader, COLORS.green],
  );
  const newcomers = rows.reduce((sum, row) => sum + row.newcomers, 0);
  const back = rows.reduce((sum, row) => sum + row.returnedWithin90d, 0);
  return chartFigure({
    id: options.id,
    title: labels.cohortTitle,
    summary: labels.cohortSummary(newcomers, back, formatShare(newcomers > 0 ? back / newcomers : null, options.lang)),
    width: drawing.width,
    height: drawing.height,
    body: drawing.body,
    legend: drawing.legend,
    tableLabel: labels.data,
    table: {
      columns: [...labels.cohortColumns, labels.share],
      rows: rows.map((row) => [row.month, row.newcomers, row.returnedWithin90d, formatShare(row.newcomers > 0 ? row.returnedWithin90d / row.newcomers : null, options.lang)]),
    },
  });
}
