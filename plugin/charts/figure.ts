/**
 * The frame every chart shares: an inline SVG with a text alternative inside
 * a <figure>, followed by the same numbers as a table, so readers who cannot
 * see the drawing (screen readers, print in black and white) get the data.
 */
import { escapeHtml } from '../../server/render/escape.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print. */
export const COLORS = {
  reader: '#0072B2',
  author: '#D55E00',
  accent: '#E69F00',
  muted: '#8a8a8a',
  grid: '#d0d0d0',
  text: '#333333',
} as const;

export interface ChartTable {
  columns: string[];
  /** The first cell of each row labels it (a row header). */
  rows: Array<Array<string | number>>;
}

export interface ChartInput {
  /** Unique on the page; letters, digits and "-" (anything else is replaced). */
  id: string;
  title: string;
  /** One or two sentences saying what the drawing shows: the text alternative. */
  summary: string;
  width: number;
  height: number;
  /** SVG elements, already escaped (use `svgText` for labels). */
  body: string;
  table: ChartTable;
  /** Extra class on the figure (e.g. a small variant). */
  variant?: string;
}

/** Rounds a coordinate to one decimal: smaller output, no visible difference. */
export function r1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** An SVG <text> element with escaped content. */
export function svgText(x: number, y: number, text: string, attributes = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}"${attributes ? ` ${attributes}` : ''}>${escapeHtml(text)}</text>`;
}

/** A safe id: what the caller asked for with anything unusual replaced. */
function chartId(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
}

function table(title: string, data: ChartTable): string {
  const head = data.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const rows = data.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(String(cell))}</th>` : `<td>${escapeHtml(String(cell))}</td>`)).join('')}</tr>`)
    .join('');
  return `<table class="kommentar-chart-data"><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The complete figure: SVG (role="img", <title>, <desc>, aria-label), caption and data table. */
export function chartFigure(input: ChartInput): string {
  const id = chartId(input.id);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="kommentar-svg" viewBox="0 0 ${input.width} ${input.height}" width="${input.width}" height="${input.height}"` +
    ` role="img" aria-label="${escapeHtml(input.title)}" aria-describedby="${id}-desc" font-family="system-ui, sans-serif" font-size="12" fill="${COLORS.text}">` +
    `<title>${escapeHtml(input.title)}</title><desc id="${id}-desc">${escapeHtml(input.summary)}</desc>${input.body}</svg>`;
  const variant = input.variant ? ` kommentar-chart--${chartId(input.variant)}` : '';
  return (
    `<figure class="kommentar-chart${variant}" id="${id}">${svg}` +
    `<figcaption><strong>${escapeHtml(input.title)}.</strong> ${escapeHtml(input.summary)}</figcaption>` +
    `${table(input.title, input.table)}</figure>`
  );
}
