/** One measured figure of `npm run bench`, and how the run prints and stores them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface BenchRow {
  /** Which benchmark group (api, report, import, widget, eleventy). */
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The target as text, e.g. "≥ 1000" or "≤ 3 s". */
  target?: string;
  /** Whether the target was met; undefined when there is no target. */
  ok?: boolean;
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
}

export function printTable(rows: BenchRow[]): void {
  const cells = rows.map((r) => [r.group, r.name, `${format(r.value)} ${r.unit}`, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED', r.note ?? '']);
  const header = ['group', 'measure', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

export function writeJson(path: string, rows: BenchRow[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n');
}
