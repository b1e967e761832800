/**
 * The full dialogue report on 1,000,000 comments, 10,000 posts and 100,000
 * participants: wall time and peak RSS against a plain count(*) scan of the
 * same table in the same run. The generated database is kept in bench/.data
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
  if (existsSync(file)) return;
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

export async function run(): Promise<BenchRow[]> {
  const file = join(root, 'bench/.data/report-1m.db');
  await ensureDatabase(file);
  const output = execFileSync(process.execPath, [join(root, 'dist/bench/report-child.js'), file, 'bench'], { encoding: 'utf8' });
  const m = JSON.parse(output) as { rows: number; countMs: number; reportMs: number; maxRssMb: number; posts: number; comments: number; participants: number };
  const seconds = m.reportMs / 1000;
  return [
    { group: 'report', name: `count(*) over ${m.rows.toLocaleString('en-US')} comments`, value: m.countMs, unit: 'ms' },
    { group: 'report', name: `full site report (${m.posts.toLocaleString('en-US')} posts, ${m.participants.toLocaleString('en-US')} participants)`, value: seconds, unit: 's', target: '≤ 3 s', ok: seconds <= 3, note: `${(m.reportMs / m.countMs).toFixed(0)}× the count(*) scan` },
    { group: 'report', name: 'full site report peak RSS', value: m.maxRssMb, unit: 'MB', target: '≤ 600 MB', ok: m.maxRssMb <= 600 },
  ];
}
