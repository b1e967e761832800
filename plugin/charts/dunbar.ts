/**
 * Dialogue partners on Dunbar's scale: the four layers (5, 15, 50, 150) as
 * bands along one line, one dot per partner, and a marker where the count
 * falls, so "you are in real dialogue with N people" reads as a place on a
 * scale, not as a table of layers.
 */
import type { DunbarLayer } from '../../server/dialogue/types.js';
import { escapeHtml } from '../../server/render/escape.js';
import type { Strings } from '../i18n.js';
import { COLORS, MUTED, chartFigure, r1, svgText } from './figure.js';

export const DUNBAR_LAYERS: readonly DunbarLayer[] = [5, 15, 50, 150];

export interface DunbarChartOptions {
  id: string;
  strings: Strings;
  /** The sentence placing the partners in a layer (from the report's `dunbar`). */
  layerText: string;
}

const WIDTH = 440;
const HEIGHT = 104;
const LEFT = 10;
const RIGHT = 10;
const BAND_Y = 44;
const BAND_H = 22;

/** Square-root scale: the small inner layers stay wide enough to see. */
export function dunbarX(people: number): number {
  return LEFT + Math.sqrt(Math.min(150, Math.max(0, people)) / 150) * (WIDTH - LEFT - RIGHT);
}

export function dunbarChart(partners: number, options: DunbarChartOptions): string {
  const { t, layerName } = options.strings;
  const n = Math.max(0, Math.floor(partners));
  const opacity = ['.6', '.42', '.27', '.14'];
  const bands = DUNBAR_LAYERS.map((layer, i) => {
    const from = dunbarX(i === 0 ? 0 : DUNBAR_LAYERS[i - 1]!);
    const to = dunbarX(layer);
    return (
      `<rect x="${r1(from)}" y="${BAND_Y}" width="${r1(to - from)}" height="${BAND_H}" fill="${COLORS.reader}" fill-opacity="${opacity[i]}"/>` +
      svgText(to - 3, BAND_Y + BAND_H + 14, String(layer), `text-anchor="end" font-size="11" ${MUTED}`)
    );
  }).join('');
  // One dot per partner, in the band at its place on the scale.
  const dots: string[] = [];
  for (let k = 1; k <= Math.min(n, 150); k++) dots.push(`<circle cx="${r1(dunbarX(k - 0.5))}" cy="${BAND_Y + BAND_H / 2}" r="3"/>`);
  const at = dunbarX(n);
  const marker =
    `<path d="M${r1(at)} ${BAND_Y - 2}l-6 -9h12z" fill="${COLORS.author}"/>` +
    svgText(Math.min(Math.max(at, 60), WIDTH - 60), BAND_Y - 16, t('report.chart.dunbar.you', { n }), 'text-anchor="middle" font-weight="600"');
  const layer = DUNBAR_LAYERS.find((l) => n > 0 && n <= l);
  return chartFigure({
    id: options.id,
    title: t('report.chart.dunbar.title'),
    summary: t('report.chart.dunbar.summary', { n: partners, layer: options.layerText }),
    width: WIDTH,
    height: HEIGHT,
    body: bands + `<g fill="${COLORS.reader}">${dots.join('')}</g>` + marker,
    legend: `<p class="kommentar-legend">${DUNBAR_LAYERS.map((l) => `<span><b>${l}</b> ${escapeHtml(layerName(l))}</span>`).join('')}</p>`,
    tableLabel: t('report.chart.data'),
    table: {
      columns: [t('report.column.layer'), t('report.column.upTo'), t('report.column.partners')],
      rows: DUNBAR_LAYERS.map((l) => [layerName(l), l, l === layer || (n > 150 && l === 150) ? n : '–']),
    },
  });
}
