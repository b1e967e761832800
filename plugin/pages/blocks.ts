/** Small building blocks shared by the dialogue pages and the badge. */
import { escapeHtml } from '../../server/render/escape.js';
import type { PostShape, Reactions, SourceCounts } from '../../server/dialogue/types.js';
import type { KommentarBuild } from '../build-data.js';
import { stringsFor, type Strings } from '../i18n.js';

/** A headline number: its name, the figure, what it means in one sentence, and how it moved. */
export interface Headline {
  label: string;
  value: string;
  meaning: string;
  /** "+3 since 2 November"; absent when there is nothing to compare with. */
  change?: string;
  /** Where the number is broken down, if on the same page. */
  href?: string;
}

/** Key numbers as a definition list: label, the big figure, its meaning, its change. */
export function numberGrid(items: readonly Headline[], variant = ''): string {
  const item = (h: Headline) =>
    `<div><dt>${escapeHtml(h.label)}</dt><dd>${escapeHtml(h.value)}</dd>` +
    `<dd class="kommentar-meaning">${escapeHtml(h.meaning)}${h.href ? ` <a href="${escapeHtml(h.href)}">→</a>` : ''}</dd>` +
    (h.change ? `<dd class="kommentar-change">${escapeHtml(h.change)}</dd>` : '') +
    `</div>`;
  return `<dl class="kommentar-numbers${variant ? ` ${variant}` : ''}">${items.map(item).join('')}</dl>`;
}

/** The post's shape as a labelled pill; its rule on hover; the class lets a site colour shapes. */
export function shapePill(shape: PostShape, strings: Strings): string {
  return `<span class="kommentar-shape kommentar-shape--${shape}" title="${escapeHtml(strings.shapeRule(shape))}">${escapeHtml(strings.shapeName(shape))}</span>`;
}

/** A table cell: a figure (number, or formatted like "75 %"), prose ({ text }) or trusted markup ({ html }). */
export type Cell = string | number | { text: string } | { html: string };

/**
 * A table with a header row and a row header per row; figures right-aligned,
 * prose and markup left. Each cell carries its column name, so on a phone the
 * rows stack as cards that still say what each figure is.
 */
export function textTable(caption: string, columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>, className = ''): string {
  // Each column's label escaped once, not once per cell.
  const labels = columns.map((column) => ` data-label="${escapeHtml(column)}"`);
  const cell = (value: Cell, i: number) => {
    const content = typeof value !== 'object' ? escapeHtml(String(value)) : 'html' in value ? value.html : escapeHtml(value.text);
    if (i === 0) return `<th scope="row">${content}</th>`;
    return `<td${typeof value === 'object' ? ' class="kommentar-text"' : ''}${labels[i] ?? ' data-label=""'}>${content}</td>`;
  };
  return (
    `<table${className ? ` class="${className}"` : ''}><caption>${escapeHtml(caption)}</caption><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/** Every measure named on a page with its meaning: the glossary as a closed list at the page's end. */
export function glossaryList(heading: string, terms: ReadonlyArray<{ label: string; meaning: string }>): string {
  const items = terms.map((t) => `<dt class="kommentar-term">${escapeHtml(t.label)}</dt><dd>${escapeHtml(t.meaning)}</dd>`).join('');
  return `<details class="kommentar-glossary"><summary>${escapeHtml(heading)}</summary><dl>${items}</dl></details>`;
}

/** Where the data came from, when that matters to a reader (stale or missing). */
export function freshnessNote(build: KommentarBuild): string {
  const { t, day } = stringsFor(build.options.lang, build.options.lang);
  if (build.data.staleSince !== null) return `<p class="kommentar-warning">${escapeHtml(t('report.page.stale', { date: day(new Date(build.data.staleSince).toISOString()) }))}</p>`;
  if (!build.report) return `<p class="kommentar-warning">${escapeHtml(t('report.page.noData'))}</p>`;
  return `<p class="kommentar-note">${escapeHtml(t('report.page.generated', { date: day(build.report.generatedAt) }))}</p>`;
}

/** "Where the comments were written: 3 on the site, 2 on Mastodon. Applause elsewhere …: 4 likes, 1 repost." Empty when nothing came from elsewhere. */
export function elsewhereLine(sources: SourceCounts, reactions: Reactions, { t, lang }: Strings): string {
  const fromElsewhere = sources.webmention + sources.mastodon + sources.bluesky;
  const applauded = reactions.likes + reactions.reposts > 0;
  if (fromElsewhere === 0 && !applauded) return '';
  const places = (Object.keys(sources) as (keyof SourceCounts)[]).filter((key) => sources[key] > 0).map((key) => t(`report.elsewhere.${key}`, { n: sources[key] }));
  const where = places.length > 0 ? t('report.elsewhere.where', { places: new Intl.ListFormat(lang, { type: 'unit', style: 'short' }).format(places) }) : '';
  const applause = applauded ? t('report.elsewhere.applause', { likes: t('report.elsewhere.likes', { n: reactions.likes }), reposts: t('report.elsewhere.reposts', { n: reactions.reposts }) }) : '';
  return [where, applause].filter(Boolean).join(' ');
}
