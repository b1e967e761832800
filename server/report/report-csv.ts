/**
 * The per-post report as CSV: one header row, one row per post, every field of `posts[]`.
 * Nested counters (`sources`, `reactions`) become one column per key: `sources.site`, ….
 */
import type { DialogueReport, PostReport } from '../dialogue/index.js';
import { csvDocument } from '../render/csv.js';

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
  return csvDocument([columns, ...rows.map((row) => row.map(([, value]) => value))]);
}
