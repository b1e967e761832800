/**
 * Dialogue partners against Dunbar's layers, drawn as his nested circles:
 * the author in the middle, one dot per partner spiralling outwards. Circle
 * areas grow with the layer sizes 5, 15, 50 and 150, and dot n lands inside
 * the circle of every layer that holds n people.
 */
import type { DunbarLayer } from '../../server/dialogue/types.js';
import type { Strings } from '../i18n.js';
import { COLORS, chartFigure, r1, svgText } from './figure.js';

export const DUNBAR_LAYERS: readonly DunbarLayer[] = [5, 15, 50, 150];

export interface DunbarChartOptions {
  id: string;
  labels: Strings['chart'];
  layerName: Record<DunbarLayer, string>;
  /** The sentence placing the partners in a layer (from the report's `dunbar`). */
  layerText: string;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function dunbarChart(partners: number, options: DunbarChartOptions): string {
  const size = 320;
  const centre = size / 2;
  const scale = (centre - 14) / Math.sqrt(150);
  const radius = (people: number) => scale * Math.sqrt(people);
  const circles = DUNBAR_LAYERS.map(
    (layer) =>
      `<circle cx="${centre}" cy="${centre}" r="${r1(radius(layer))}" fill="none" stroke="${COLORS.grid}" stroke-width="1.5"/>` +
      svgText(centre, centre - radius(layer) + 11, String(layer), `text-anchor="middle" font-size="10" fill="${COLORS.muted}"`),
  ).join('');
  const shown = Math.min(Math.max(0, Math.floor(partners)), 150);
  const dots: string[] = [];
  for (let n = 1; n <= shown; n++) {
    const r = radius(n - 0.5);
    dots.push(`<circle cx="${r1(centre + r * Math.cos(n * GOLDEN_ANGLE))}" cy="${r1(centre + r * Math.sin(n * GOLDEN_ANGLE))}" r="3.2"/>`);
  }
  const body = circles + `<g fill="${COLORS.reader}">${dots.join('')}</g>` + `<circle cx="${centre}" cy="${centre}" r="4.5" fill="${COLORS.author}"/>`;
  return chartFigure({
    id: options.id,
    title: options.labels.dunbarTitle,
    summary: options.labels.dunbarSummary(partners, options.layerText),
    width: size,
    height: size,
    body,
    table: {
      columns: options.labels.dunbarColumns,
      rows: DUNBAR_LAYERS.map((layer) => [options.layerName[layer], layer, Math.min(partners, layer)]),
    },
  });
}
