/**
 * `npm run bench`: runs every benchmark group (or those named on the command
 * line), prints one table and writes bench/results/latest.json.
 */
import type { Bench, BenchRow } from './table.js';
import { printTable, writeJson } from './table.js';

const groups: Record<string, () => Promise<{ run: Bench }>> = {
  api: () => import('./api.js'),
  report: () => import('./report.js'),
  widget: () => import('./widget.js'),
  import: () => import('./import.js'),
  eleventy: () => import('./eleventy.js'),
  workers: () => import('./workers.js'),
  thread: () => import('./long-thread.js'),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in groups));
if (unknown.length > 0) {
  console.error(`bench: unknown group ${unknown.join(', ')} (known: ${Object.keys(groups).join(', ')})`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(groups)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`bench: running ${name} …`);
  rows.push(...(await (await load()).run()));
}
console.log();
printTable(rows);
const out = 'bench/results/latest.json';
writeJson(out, rows);
console.log(`\nwritten to ${out}`);
