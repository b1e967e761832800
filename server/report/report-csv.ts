/** The per-post report as CSV: one header row, one row per post, every field of `posts[]`. */
import type { DialogueReport, PostReport } from '../dialogue/index.js';
import { csvDocument } from '../render/csv.js';

export function formatReportCsv(report: DialogueReport): string {
  const first = report.posts[0];
  const columns = (first ? Object.keys(first) : []) as (keyof PostReport)[];
  return csvDocument([columns, ...report.posts.map((post) => columns.map((column) => post[column]))]);
}
