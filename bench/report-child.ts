/**
 * Measures one full site report in a fresh process (so peak RSS is the
 * report's own), beside a warm plain `SELECT count(*)` over the same table
 * (the median of three after one to warm up).
 * Wall and CPU time of each (the process's CPU: the report reads on this thread).
 * The warm and one-comment modes then run the report three times more in the
 * same process, as a running server does (the first report in a process also
 * pays for compiling its code, as the count(*) is measured after a warm-up).
 * Usage: node dist/bench/report-child.js DB_FILE SITE MODE → one JSON line. MODE:
 *   cold         every snapshot forgotten first: the report computes every post (and stores snapshots)
 *   warm         as the database is: after a cold run, every post from its snapshot
 *   one-comment  one new comment on one post before each report: that post computed, the others from
 *                snapshots (each comment is marked deleted afterwards, so the data stays as generated)
 */
import { readFileSync } from 'node:fs';
import { insertComment, markDeleted } from '../server/db/comments.js';
import { openDatabase } from '../server/db/connection.js';
import { countAllComments } from '../server/db/report.js';
import { forgetSnapshots } from '../server/db/report-snapshots.js';
import { buildSiteReport } from '../server/report/site-report.js';

/** VmHWM, the peak resident set of this process image (unlike getrusage, it does not inherit the parent's peak across exec). */
function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const [file, site, mode] = process.argv.slice(2) as [string, string, 'cold' | 'warm' | 'one-comment'];
const db = await openDatabase(`file:${file}`);
if (mode === 'cold') await forgetSnapshots(db);

/** Adds the one new comment of a one-comment run; returns how to take it out again. */
async function addOneComment(): Promise<() => Promise<unknown>> {
  const added = await insertComment(db, {
    site,
    uri: '/posts/5000/',
    parentId: null,
    depth: 1,
    status: 'approved',
    body: 'One more comment.',
    html: '<p>One more comment.</p>',
    name: 'Bench',
    url: null,
    email: null,
    commenterKey: 'reader-bench-one',
    isAuthor: false,
    notify: false,
    createdAt: Date.now() - 1000,
    editTokenHash: null,
    pageTitle: null,
    identityKey: null,
  });
  return () => markDeleted(db, added.id);
}

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

/** One report, timed; in one-comment mode after its new comment. */
async function timedReport() {
  const takeOut = mode === 'one-comment' ? await addOneComment() : null;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await buildSiteReport({ db, now: Date.now }, site);
  // CPU time too: on a shared machine the long report loses the CPU to others far more often than a 20 ms count does.
  const timing = { ms: performance.now() - started, cpuMs: cpuMs(cpu) };
  await takeOut?.();
  return { report, ...timing };
}
const { report, ms: reportMs, cpuMs: reportCpuMs } = await timedReport();
const again: { ms: number; cpuMs: number }[] = [];
for (let i = 0; mode !== 'cold' && i < 3; i++) {
  const { ms, cpuMs: cpu } = await timedReport();
  again.push({ ms, cpuMs: cpu });
}
db.close();
console.log(
  JSON.stringify({
    rows,
    countMs,
    countCpuMs,
    reportMs,
    reportCpuMs,
    again,
    maxRssMb: peakRssMb(),
    posts: report.posts.length,
    comments: report.summary.comments,
    participants: report.summary.participants,
    partners: report.summary.dialoguePartners,
  }),
);
