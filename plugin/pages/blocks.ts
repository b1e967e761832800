/** Small building blocks shared by the dialogue pages and the badge. */
import { escapeHtml } from '../../server/render/escape.js';
import type { PostShape } from '../../server/dialogue/types.js';
import type { KommentarBuild } from '../build-data.js';
import { formatDate, stringsFor, type Strings } from '../i18n.js';

/** Key numbers as a definition list (label above a big figure). */
export function numberGrid(items: ReadonlyArray<readonly [label: string, value: string]>): string {
  return `<dl class="kommentar-numbers">${items.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>`;
}

/** The post's shape as a labelled pill; the class lets a site colour shapes. */
export function shapePill(shape: PostShape, strings: Strings): string {
  return `<span class="kommentar-shape kommentar-shape--${shape}" title="${escapeHtml(strings.shapeExplained[shape])}">${escapeHtml(strings.shape[shape])}</span>`;
}

/** A table cell: a figure (number, or formatted like "75 %"), prose ({ text }) or trusted markup ({ html }). */
export type Cell = string | number | { text: string } | { html: string };

/** A table with a header row and a row header per row; figures right-aligned, prose and markup left. */
export function textTable(caption: string, columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cell = (value: Cell, i: number) => {
    const content = typeof value !== 'object' ? escapeHtml(String(value)) : 'html' in value ? value.html : escapeHtml(value.text);
    if (i === 0) return `<th scope="row">${content}</th>`;
    return `<td${typeof value === 'object' ? ' class="kommentar-text"' : ''}>${content}</td>`;
  };
  return (
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** Where the data came from, when that matters to a reader (stale or missing). */
export function freshnessNote(build: KommentarBuild): string {
  const strings = stringsFor(build.options.lang, build.options.lang);
  const lang = build.options.lang;
  if (build.data.staleSince !== null) return `<p class="kommentar-warning">${escapeHtml(strings.staleData(formatDate(new Date(build.data.staleSince).toISOString(), lang)))}</p>`;
  if (!build.report) return `<p class="kommentar-warning">${escapeHtml(strings.noData)}</p>`;
  return `<p class="kommentar-note">${escapeHtml(strings.generated(formatDate(build.report.generatedAt, lang)))}</p>`;
}
