/** The per-post report as CSV: one header row, one row per post, every field of `posts[]`. */
import type { DialogueReport, PostReport } from '../dialogue/index.js';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatReportCsv(report: DialogueReport): string {
  const first = report.posts[0];
  const columns = (first ? Object.keys(first) : []) as (keyof PostReport)[];
  const rows = [columns.join(','), ...report.posts.map((post) => columns.map((column) => cell(post[column])).join(','))];
  return rows.join('\r\n') + '\r\n';
}
