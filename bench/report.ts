/**
 * The full dialogue report on 1,000,000 comments, 10,000 posts and 100,000
 * participants: wall and CPU time and peak RSS against a plain count(*) scan of
 * the same table in the same run; cold (every post computed), warm (every post
 * from its snapshot) and after one new comment (one post computed). The generated database is kept in bench/.data
 * between runs, since writing a million rows takes a while.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkpoint, openDatabase } from '../server/db/connection.js';
import { migrate } from '../server/db/migrations.js';
import { generateSite } from './generate.js';
import type { BenchRow } from './table.js';

const root = resolve(import.meta.dirname, '../..');
const SIZE = { posts: 10_000, comments: 1_000_000, participants: 100_000 };

async function ensureDatabase(file: string): Promise<void> {
  if (existsSync(file)) {
    // Kept from an earlier run: bring it to the current schema (the report reads columns later versions added).
    const db = await openDatabase(`file:${file}`);
    await migrate(db);
    db.close();
    return;
  }
  mkdirSync(resolve(file, '..'), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = await openDatabase(`file:${partial}`);
  await migrate(db);
  const started = Date.now();
  await generateSite(db, {
    site: 'bench',
    ...SIZE,
    progress: (n) => {
      if (n % 100_000 === 0) process.stderr.write(`  generated ${n.toLocaleString('en-US')} comments\n`);
    },
  });
  await checkpoint(db);
  db.close();
  renameSync(partial, file);
  rmSync(`${partial}-wal`, { force: true });
  rmSync(`${partial}-shm`, { force: true });
  process.stderr.write(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

type Mode = 'cold' | 'warm' | 'one-comment';
type Run = {
  rows: number;
  countMs: number;
  countCpuMs: number;
  reportMs: number;
  reportCpuMs: number;
  maxRssMb: number;
  posts: number;
  comments: number;
  participants: number;
};

export async function run(): Promise<BenchRow[]> {
  const file = join(root, 'bench/.data/report-1m.db');
  await ensureDatabase(file);
  // Each run in a fresh process: first a cold one (every snapshot forgotten, so it computes every post and stores
  // them), then three warm ones (every post from its snapshot), then three after one new comment each (one post computed).
  const child = (mode: Mode) =>
    JSON.parse(execFileSync(process.execPath, [join(root, 'dist/bench/report-child.js'), file, 'bench', mode], { encoding: 'utf8' })) as Run;
  const cold = child('cold');
  const warm = [child('warm'), child('warm'), child('warm')];
  const oneComment = [child('one-comment'), child('one-comment'), child('one-comment')];
  const all = [cold, ...warm, ...oneComment];
  const median = (runs: Run[], key: (r: Run) => number) => {
    const sorted = runs.map(key).sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1]!;
  };
  const spread = (runs: Run[], key: (r: Run) => number, digits: number) =>
    runs
      .map(key)
      .sort((a, b) => a - b)
      .map((v) => v.toFixed(digits))
      .join(' / ');
  const wallRatio = (r: Run) => r.reportMs / r.countMs;
  const cpuRatio = (r: Run) => r.reportCpuMs / Math.max(r.countCpuMs, 0.001);
  const m = warm[0]!;
  const what = `${m.posts.toLocaleString('en-US')} posts, ${m.participants.toLocaleString('en-US')} participants`;
  const rows: BenchRow[] = [
    {
      group: 'report',
      name: `warm count(*) over ${m.rows.toLocaleString('en-US')} comments`,
      value: median(all, (r) => r.countMs),
      unit: 'ms',
      note: `median of all 7 runs (CPU ${spread(all, (r) => r.countCpuMs, 1)} ms), each the median of 3 after a warm-up`,
    },
  ];
  const figures = (label: string, runs: Run[], of: string) => {
    rows.push(
      {
        group: 'report',
        name: `${label} site report (${what})`,
        value: median(runs, (r) => r.reportMs) / 1000,
        unit: 's',
        note: `${of} (${spread(runs, (r) => r.reportMs / 1000, 2)} s; CPU ${spread(runs, (r) => r.reportCpuMs / 1000, 2)} s)`,
      },
      {
        group: 'report',
        name: `${label} site report / warm count(*)`,
        value: median(runs, wallRatio),
        unit: '×',
        target: '≤ 100×',
        ok: median(runs, wallRatio) <= 100,
        note: `${of}: ratio of each run (${spread(runs, wallRatio, 0)})`,
      },
      {
        group: 'report',
        name: `${label} site report / warm count(*), CPU time`,
        value: median(runs, cpuRatio),
        unit: '×',
        target: '≤ 100×',
        ok: median(runs, cpuRatio) <= 100,
        note: `${of}: ratio of each run (${spread(runs, cpuRatio, 0)}); steadier than wall time when others share the machine`,
      },
    );
  };
  figures('cold', [cold], 'one run: every post computed, snapshots stored');
  figures('warm', warm, 'median of 3 runs: every post from its snapshot');
  figures('one new comment:', oneComment, 'median of 3 runs: one post computed, the rest from snapshots');
  const rss = Math.max(...all.map((r) => r.maxRssMb));
  rows.push({
    group: 'report',
    name: 'site report peak RSS',
    value: rss,
    unit: 'MB',
    target: '≤ 600 MB',
    ok: rss <= 600,
    note: `the highest of all 7 runs (cold ${cold.maxRssMb.toFixed(0)} MB)`,
  });
  return rows;
}
