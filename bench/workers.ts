/**
 * `serve --workers 2` against `--workers 1`: thread reads (100 comments, 50
 * connections) on the same database, both servers up at once and measured in
 * alternating rounds (median of 3 each), so drift in the machine's load falls
 * on both. The load generator shares the cores with the workers, so its own
 * CPU per request caps what a second worker can gain (at most 2s / (s + c)
 * with server CPU s and generator CPU c per request): wrk (C, one thread) is
 * used where it is installed, as it costs a fraction of what autocannon (the
 * fallback, in this process) costs per request, and it is measured twice:
 * one request at a time per connection, as browsers send them, and with
 * requests pipelined, which cuts wrk's cost per request to a fraction and so
 * shows what the second worker itself adds.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS, cpuMsOf, load, seedReadThread, startChild, stop } from './api.js';
import type { BenchRow } from './table.js';
import { hasWrk, wrkRound } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const PIPELINE_DEPTH = 16;

interface Round {
  rps: number;
  p99: number;
  errors: number;
  /** The load generator's CPU time per request, in µs. */
  clientUs: number;
  /** The server's (all its processes') CPU time per request, in µs. */
  serverUs: number;
}

/** CPU ms of a process and all its descendants (a primary and its workers). */
function treeCpuMs(pid: number): number {
  let children: string[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
  } catch {
    // Gone already: counts as nothing more.
  }
  return (cpuMsOf(pid) ?? 0) + children.reduce((sum, child) => sum + treeCpuMs(Number(child)), 0);
}

async function autocannonRound(url: string, seconds: number): Promise<Omit<Round, 'serverUs'>> {
  const before = process.cpuUsage();
  const result = await load({ url, duration: seconds, headers: { 'accept-encoding': 'br' } });
  const used = process.cpuUsage(before);
  return { rps: result.rps, p99: result.p99, errors: result.errors, clientUs: (used.user + used.system) / (result.rps * seconds) };
}

const medianBy = (rounds: Round[]): Round => [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)]!;

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-workers-'));
  const env = { PORT: '0', KOMMENTAR_DB_URL: `file:${join(dir, 'bench.db')}`, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_LOG_LEVEL: 'warn' };
  const wrk = hasWrk();
  let threadPath = '';
  const round = async (server: { url: string; child: ChildProcess }, seconds: number, pipelined: boolean): Promise<Round> => {
    const url = `${server.url}${threadPath}`;
    const before = treeCpuMs(server.child.pid!);
    const options = { seconds, connections: CONNECTIONS, headers: { 'accept-encoding': 'br' }, pipeline: pipelined ? { depth: PIPELINE_DEPTH, dir } : undefined };
    const measured = wrk ? wrkRound(url, options) : await autocannonRound(url, seconds);
    const serverMs = treeCpuMs(server.child.pid!) - before;
    return { ...measured, serverUs: (serverMs * 1000) / (measured.rps * seconds) };
  };
  const one = await startChild(['bin/kommentar.js', 'serve', '--workers', '1'], env);
  const two = await startChild(['bin/kommentar.js', 'serve', '--workers', '2'], env).catch(async (error: unknown) => {
    await stop(one.child);
    throw error;
  });
  /** Median rounds of one worker and two, alternating. */
  const compare = async (pipelined: boolean) => {
    const rounds: Record<'one' | 'two', Round[]> = { one: [], two: [] };
    for (let i = 0; i < ROUNDS; i++) {
      rounds.one.push(await round(one, SECONDS, pipelined));
      rounds.two.push(await round(two, SECONDS, pipelined));
    }
    return { single: medianBy(rounds.one), double: medianBy(rounds.two) };
  };
  // wrk does not time pipelined requests one by one, so their rows give no p99.
  const note = (r: Round, pipelined = false) => `${pipelined ? '' : `p99 ${r.p99.toFixed(1)} ms, `}errors ${r.errors}; CPU per request: server ${r.serverUs.toFixed(0)} µs, load generator ${r.clientUs.toFixed(0)} µs`;
  try {
    const { pathname, search } = new URL(await seedReadThread(one.url));
    threadPath = pathname + search;
    // Warm every worker's cache before measuring.
    await round(one, 1, false);
    await round(two, 1, false);
    const plain = await compare(false);
    const plainGain = plain.double.rps / plain.single.rps;
    const bound = (r: Round) => (2 * r.serverUs) / (r.serverUs + r.clientUs);
    const rows: BenchRow[] = [
      { group: 'workers', name: `thread read, --workers 1, ${CONNECTIONS} conns (median of ${ROUNDS})`, value: plain.single.rps, unit: 'req/s', note: note(plain.single) },
      { group: 'workers', name: `thread read, --workers 2, ${CONNECTIONS} conns (median of ${ROUNDS})`, value: plain.double.rps, unit: 'req/s', note: note(plain.double) },
    ];
    if (!wrk) {
      rows.push({ group: 'workers', name: '2 workers / 1 worker', value: plainGain, unit: 'ratio', target: '≥ 1.5', ok: plainGain >= 1.5 && plain.double.errors === 0, note: 'autocannon in the bench process (install wrk for a generator that leaves the workers their cores)' });
      return rows;
    }
    rows.push({ group: 'workers', name: '2 workers / 1 worker, one request at a time', value: plainGain, unit: 'ratio', note: `wrk, 1 thread; the generator's share of the cores caps this at 2s / (s + c) = ${bound(plain.double).toFixed(2)}` });
    const piped = await compare(true);
    const gain = piped.double.rps / piped.single.rps;
    rows.push(
      { group: 'workers', name: `thread read, --workers 1, ${PIPELINE_DEPTH} requests pipelined per connection`, value: piped.single.rps, unit: 'req/s', note: note(piped.single, true) },
      { group: 'workers', name: `thread read, --workers 2, ${PIPELINE_DEPTH} requests pipelined per connection`, value: piped.double.rps, unit: 'req/s', note: note(piped.double, true) },
      { group: 'workers', name: '2 workers / 1 worker, pipelined', value: gain, unit: 'ratio', target: '≥ 1.5', ok: gain >= 1.5 && piped.double.errors === 0, note: `wrk, 1 thread, pipelined so that it leaves the workers the cores; cap 2s / (s + c) = ${bound(piped.double).toFixed(2)}` },
    );
    return rows;
  } finally {
    await Promise.all([stop(one.child), stop(two.child)]);
    rmSync(dir, { recursive: true, force: true });
  }
}
