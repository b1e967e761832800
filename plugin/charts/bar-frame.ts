/** The frame the bar charts draw in: a value axis from 0 to a top that fits the data, slots along x, and the gridlines. */
import { GRID, MUTED, r1, svgText } from './figure.js';
import { niceScale } from './scale.js';

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
  /** Labelled gridlines at each step of the axis, as SVG. */
  grid: string;
}

export function barFrame(spec: BarFrameSpec): BarFrame {
  const { width, height, left, top, bottom, slots } = spec;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const { max, step } = niceScale(Math.max(0, spec.largest), 4);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  const grid = ticks
    .map((tick) => `<line x1="${left}" x2="${width - 10}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" ${GRID}/>` + svgText(left - 6, y(tick) + 4, String(tick), `text-anchor="end" ${MUTED}`))
    .join('');
  return { plotHeight, slot: slots > 0 ? plotWidth / slots : plotWidth, y, grid };
}
