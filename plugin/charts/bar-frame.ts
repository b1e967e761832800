/** The frame both bar charts draw in: a value axis from 0 to a round maximum, slots along x, and the gridlines. */
import { COLORS, r1, svgText } from './figure.js';
import { niceMax } from './scale.js';

export interface BarFrameSpec {
  width: number;
  height: number;
  /** Room for the value labels on the left, the legend on top and the slot labels below. */
  left: number;
  top: number;
  bottom: number;
  /** How many bar groups share the x axis. */
  slots: number;
  /** The largest value to show. */
  largest: number;
}

export interface BarFrame {
  plotHeight: number;
  /** Width of one bar group. */
  slot: number;
  /** The y coordinate of a value. */
  y(value: number): number;
  /** Gridlines at 0, half and the top, labelled, as SVG. */
  grid: string;
}

export function barFrame(spec: BarFrameSpec): BarFrame {
  const { width, height, left, top, bottom, slots } = spec;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, spec.largest));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const grid = [0, max / 2, max]
    .filter(Number.isInteger)
    .map((tick) => `<line x1="${left}" x2="${width - 10}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="${COLORS.grid}"/>` + svgText(left - 6, y(tick) + 4, String(tick), 'text-anchor="end"'))
    .join('');
  return { plotHeight, slot: slots > 0 ? plotWidth / slots : plotWidth, y, grid };
}
