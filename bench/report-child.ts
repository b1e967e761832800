/**
 * Measures one full site report in a fresh process (so peak RSS is the
 * report's own), beside a warm plain `SELECT count(*)` over the same table
 * (the median of three after one to warm up).
 * Wall and CPU time of each (the process's CPU: the report reads on this thread).
 * Usage: node dist/bench/report-child.js DB_FILE SITE → one JSON line.
 */
import { readFileSync } from 'node:fs';
import { countAllComments } from '../server/db/report.js';
import { openDatabase } from '../server/db/connection.js';
import { buildSiteReport } from '../server/report/site-report.js';

/** VmHWM, the peak resident set of this process image (unlike getrusage, it does not inherit the parent's peak across exec). */
function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const [file, site] = process.argv.slice(2) as [string, string];
const db = await openDatabase(`file:${file}`);
// The count(*) is taken warm (its first run reads the file into the page cache) and as the median of three.
let rows = await countAllComments(db);
const counts: { ms: number; cpuMs: number }[] = [];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  rows = await countAllComments(db);
  counts.push({ ms: performance.now() - started, cpuMs: cpuMs(cpu) });
}
const { ms: countMs, cpuMs: countCpuMs } = counts.sort((a, b) => a.ms - b.ms)[1]!;
const started = performance.now();
const cpu = process.cpuUsage();
const report = await buildSiteReport({ db, now: Date.now }, site);
const reportMs = performance.now() - started;
// CPU time too: on a shared machine the long report loses the CPU to others far more often than a 20 ms count does.
const reportCpuMs = cpuMs(cpu);
db.close();
console.log(JSON.stringify({ rows, countMs, countCpuMs, reportMs, reportCpuMs, maxRssMb: peakRssMb(), posts: report.posts.length, comments: report.summary.comments, participants: report.summary.participants, partners: report.summary.dialoguePartners }));
