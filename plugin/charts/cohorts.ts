/**
 * The 90-day cohorts: readers grouped by the month of their first comment,
 * and how many of each group commented again within 90 days. The honest
 * answer to "do newcomers come back?".
 */
import type { CohortRow } from '../../server/dialogue/types.js';
import type { Strings } from '../i18n.js';
import { chartFigure } from './figure.js';
import { pairedBars } from './paired-bars.js';

export interface CohortChartOptions {
  id: string;
  strings: Strings;
}

export function cohortChart(rows: readonly CohortRow[], options: CohortChartOptions): string {
  const { t, share } = options.strings;
  const newcomersLabel = options.strings.site('newcomers').label;
  const backLabel = options.strings.site('returnedWithin90d').label;
  const drawing = pairedBars(
    rows.map((row) => ({ label: row.month, first: row.newcomers, second: row.returnedWithin90d })),
    [newcomersLabel, backLabel],
    ['reader', 'green'],
  );
  const newcomers = rows.reduce((sum, row) => sum + row.newcomers, 0);
  const back = rows.reduce((sum, row) => sum + row.returnedWithin90d, 0);
  return chartFigure({
    id: options.id,
    title: t('report.chart.cohort.title'),
    summary: t('report.chart.cohort.summary', { n: newcomers, back, share: share(newcomers > 0 ? back / newcomers : null) }),
    width: drawing.width,
    height: drawing.height,
    body: drawing.body,
    legend: drawing.legend,
    tableLabel: t('report.chart.data'),
    table: {
      columns: [t('report.column.firstMonth'), newcomersLabel, backLabel, t('report.column.share')],
      rows: rows.map((row) => [row.month, row.newcomers, row.returnedWithin90d, share(row.newcomers > 0 ? row.returnedWithin90d / row.newcomers : null)]),
    },
  });
}
