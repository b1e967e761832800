/**
 * The per-post report as CSV: one header row, one row per post, every field of `posts[]`.
 * Nested counters (`sources`, `reactions`) become one column per key: `sources.site`, ….
 */
import type { DialogueReport, PostReport } from '../dialogue/index.js';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function flatten(post: PostReport): [string, unknown][] {
  return Object.entries(post).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).map(([inner, v]) => [`${key}.${inner}`, v])
      : [[key, value]],
  );
}

export function formatReportCsv(report: DialogueReport): string {
  const rows = report.posts.map(flatten);
  const columns = rows[0]?.map(([key]) => key) ?? [];
  return [columns.join(','), ...rows.map((row) => row.map(([, value]) => cell(value)).join(','))].join('\r\n') + '\r\n';
}
