/**
 * How deep the comments go: one bar per reply level. A site whose comments
 * are all at level 1 is read but not talked with; bars further right are
 * replies to replies.
 */
import type { Strings } from '../i18n.js';
import { COLORS, chartFigure, r1, svgText } from './figure.js';
import { barFrame } from './bar-frame.js';
import { labelStep } from './scale.js';

export interface DepthChartOptions {
  id: string;
  strings: Strings;
}

/** `perLevel[i]` = comments at level i + 1. */
export function depthChart(perLevel: readonly number[], options: DepthChartOptions): string {
  const { t, share } = options.strings;
  const levels = perLevel.length;
  const total = perLevel.reduce((sum, n) => sum + n, 0);
  const width = Math.min(640, Math.max(240, 60 + levels * 56));
  const height = 200;
  const left = 36;
  const top = 16;
  const bottom = 30;
  const { plotHeight, slot, y, grid } = barFrame({ width, height, left, top, bottom, slots: levels, largest: Math.max(0, ...perLevel) });
  const barWidth = Math.max(2, Math.min(44, slot * 0.7));
  const step = labelStep(levels, 20);

  const bars = perLevel
    .map((count, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      const bar = count > 0 ? `<rect x="${r1(x)}" y="${r1(y(count))}" width="${r1(barWidth)}" height="${r1(plotHeight - (y(count) - top))}" fill="${COLORS.reader}"/>` : '';
      const value = count > 0 && barWidth >= 14 ? svgText(x + barWidth / 2, y(count) - 4, String(count), 'text-anchor="middle"') : '';
      const tick = i % step === 0 ? svgText(x + barWidth / 2, height - bottom + 16, String(i + 1), 'text-anchor="middle"') : '';
      return bar + value + tick;
    })
    .join('');

  const deepest = perLevel.reduce((deep, count, i) => (count > 0 ? i + 1 : deep), 0);
  const replies = total > 0 ? (total - (perLevel[0] ?? 0)) / total : null;
  return chartFigure({
    id: options.id,
    title: t('report.chart.depth.title'),
    summary: t('report.chart.depth.summary', { n: total, deepest, replies: share(replies) }),
    width,
    height,
    body: grid + bars,
    tableLabel: t('report.chart.data'),
    table: { columns: [t('report.column.level'), t('report.column.comments')], rows: perLevel.map((count, i) => [i + 1, count]) },
  });
}

/** Counts public (not removed) comments per level: the input of `depthChart`. */
export function depthCounts(comments: Iterable<{ depth: number; deleted: boolean }>): number[] {
  const counts: number[] = [];
  for (const comment of comments) {
    if (comment.deleted || comment.depth < 1) continue;
    while (counts.length < comment.depth) counts.push(0);
    counts[comment.depth - 1]!++;
  }
  return counts;
}
