/**
 * Two bars per slot (this month's newcomers beside its returning readers, a
 * cohort beside those of it who came back), with a legend in HTML so it
 * wraps on a phone instead of running off the drawing.
 */
import { escapeHtml } from '../../server/render/escape.js';
import { barFrame } from './bar-frame.js';
import { COLORS, r1, svgText } from './figure.js';
import { labelStep } from './scale.js';

export interface PairedRow {
  label: string;
  first: number;
  second: number;
}

export interface PairedBars {
  body: string;
  legend: string;
  width: number;
  height: number;
}

/** The two colours by their names in COLORS: the bars are filled with them, the legend names them as classes (pages/style.ts). */
type ColorName = keyof typeof COLORS;

export function pairedBars(rows: readonly PairedRow[], names: readonly [first: string, second: string], colors: readonly [ColorName, ColorName] = ['reader', 'accent']): PairedBars {
  const width = Math.min(640, Math.max(280, 60 + rows.length * 40));
  const height = 210;
  const left = 36;
  const top = 12;
  const bottom = 30;
  const { plotHeight, slot, y, grid } = barFrame({
    width, height, left, top, bottom, slots: rows.length,
    largest: Math.max(0, ...rows.flatMap((row) => [row.first, row.second])),
  });
  const barWidth = Math.max(1.5, Math.min(22, (slot * 0.8) / 2));
  const step = labelStep(rows.length, width < 400 ? 6 : 10);
  const bar = (x: number, value: number, color: string) =>
    value > 0 ? `<rect x="${r1(x)}" y="${r1(y(value))}" width="${r1(barWidth)}" height="${r1(top + plotHeight - y(value))}" fill="${color}"/>` : '';
  const bars = rows
    .map((row, i) => {
      const x = left + i * slot + (slot - 2 * barWidth) / 2;
      const tick = i % step === 0 ? svgText(x + barWidth, height - bottom + 16, row.label, 'text-anchor="middle" font-size="10"') : '';
      return bar(x, row.first, COLORS[colors[0]]) + bar(x + barWidth, row.second, COLORS[colors[1]]) + tick;
    })
    .join('');
  const legend =
    `<p class="kommentar-legend">` +
    names.map((name, i) => `<span><i class="kommentar-color-${colors[i]}"></i>${escapeHtml(name)}</span>`).join('') +
    `</p>`;
  return { body: grid + bars, legend, width, height };
}
