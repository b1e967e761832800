/**
 * Widget weight: what a reader downloads, as gzip bytes of the built files
 * (level 6, the common server default), against the targets of ≤ 6 KB script
 * and ≤ 2 KB stylesheet. `npm run bench` builds dist/ first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './table.js';

const FILES = [
  { file: 'widget.js', limit: 6 * 1024 },
  { file: 'widget.css', limit: 2 * 1024 },
];

export async function run(): Promise<BenchRow[]> {
  return FILES.flatMap(({ file, limit }): BenchRow[] => {
    // dist/bench/widget.js → dist/widget/
    const path = new URL(`../widget/${file}`, import.meta.url);
    if (!existsSync(path)) return [{ group: 'widget', name: `${file} gzip`, value: 0, unit: 'B', target: `≤ ${limit} B`, ok: false, note: 'not built: run npm run build' }];
    const raw = readFileSync(path);
    const gzip = gzipSync(raw, { level: 6 }).length;
    return [
      { group: 'widget', name: `${file} gzip`, value: gzip, unit: 'B', target: `≤ ${limit} B`, ok: gzip <= limit },
      { group: 'widget', name: `${file} minified`, value: raw.length, unit: 'B', note: 'uncompressed, for reference' },
    ];
  });
}
