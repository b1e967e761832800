/**
 * The frame every chart shares: an inline SVG with a text alternative inside
 * a <figure>, followed by the same numbers as a table in a closed <details>,
 * so readers who cannot see the drawing (screen readers, print in black and
 * white) get the data and everybody else an uncluttered page. Text and lines
 * take the page's own colour (currentColor, mid-grey), so a chart reads on a
 * light and on a dark site alike.
 */
import { escapeHtml } from '../../server/render/escape.js';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print. */
export const COLORS = {
  reader: '#0072B2',
  author: '#D55E00',
  accent: '#E69F00',
  green: '#009E73',
  muted: '#8a8a8a',
  /** Mid-grey at part opacity: visible on white and on black. */
  grid: '#8a8a8a',
  text: 'currentColor',
} as const;

/** Attributes for a gridline or axis: mid-grey, faint. */
export const GRID = `stroke="${COLORS.grid}" stroke-opacity=".45"`;
/** Attributes for secondary labels: the page's text colour, dimmed. */
export const MUTED = 'fill-opacity=".7"';

export interface ChartTable {
  columns: string[];
  /** The first cell of each row labels it (a row header). */
  rows: Array<Array<string | number>>;
}

export interface ChartPanel {
  title: string;
  summary: string;
  width: number;
  height: number;
  body: string;
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
  /** Small multiples: several drawings instead of `body`, each its own accessible SVG. */
  panels?: ChartPanel[];
  table: ChartTable;
  /** Extra class on the figure (e.g. a small variant). */
  variant?: string;
  /** The summary of the closed <details> that holds the table. */
  tableLabel: string;
  /** Markup shown under the drawing (a legend in HTML), already escaped. */
  legend?: string;
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

/** A number needs no escaping; most cells are numbers. */
const cellText = (cell: string | number) => (typeof cell === 'number' ? String(cell) : escapeHtml(cell));

function table(title: string, data: ChartTable): string {
  const head = data.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  // Appended cell by cell, not mapped and joined: a timeline's table has hundreds of rows on each of a thousand pages.
  let rows = '';
  for (const row of data.rows) {
    rows += '<tr>';
    for (let i = 0; i < row.length; i++) rows += i === 0 ? `<th scope="row">${cellText(row[i]!)}</th>` : `<td>${cellText(row[i]!)}</td>`;
    rows += '</tr>';
  }
  return `<table class="kommentar-chart-data"><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Table data closed by default: one click for who wants it, no wall of numbers for who does not. */
function dataDetails(title: string, data: ChartTable, label: string): string {
  return `<details class="kommentar-data"><summary>${escapeHtml(label)}</summary>${table(title, data)}</details>`;
}

function svgOf(id: string, panel: ChartPanel): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="kommentar-svg" viewBox="0 0 ${panel.width} ${panel.height}" width="${panel.width}" height="${panel.height}"` +
    ` role="img" aria-label="${escapeHtml(panel.title)}" aria-describedby="${id}-desc" font-family="system-ui, sans-serif" font-size="12" fill="currentColor">` +
    `<title>${escapeHtml(panel.title)}</title><desc id="${id}-desc">${escapeHtml(panel.summary)}</desc>${panel.body}</svg>`
  );
}

/** The complete figure: SVG (role="img", <title>, <desc>, aria-label), caption and data table. */
export function chartFigure(input: ChartInput): string {
  const id = chartId(input.id);
  const svg = (input.panels ?? [input]).map((panel, i) => svgOf(i === 0 ? id : `${id}-${i + 1}`, panel)).join('');
  const variant = input.variant ? ` kommentar-chart--${chartId(input.variant)}` : '';
  return (
    `<figure class="kommentar-chart${variant}" id="${id}"><figcaption><strong>${escapeHtml(input.title)}</strong> ${escapeHtml(input.summary)}</figcaption>` +
    `<div class="kommentar-svg-wrap${input.panels ? ' kommentar-multiples' : ''}">${svg}</div>${input.legend ?? ''}` +
    `${dataDetails(input.title, input.table, input.tableLabel)}</figure>`
  );
}
