/**
 * API throughput on loopback: thread read (100 comments, autocannon) and
 * comment create (wrk where installed, else autocannon) against the real
 * server (a child process on a temp database), beside a bare Hono route
 * serving the same compressed bytes as the ceiling and a bare libSQL insert
 * loop as the write floor, all in one run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../server/db/connection.js';
import { insertCommentStatements, type NewComment } from '../server/db/comments.js';
import { migrate } from '../server/db/migrations.js';
import { renderMarkdown } from '../server/render/markdown.js';
import type { BenchRow } from './table.js';
import { hasWrk, wrkRound } from './wrk.js';

const root = resolve(import.meta.dirname, '../..');
export const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export function startChild(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match) done({ child, url: match[1]! });
    });
    child.once('exit', (code) => fail(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU microseconds per request, where measured (see `load`). */
  cpuUsPerRequest?: number;
}

/** The round whose `key` is the median of the rounds. */
function median<T>(rounds: T[], key: (round: T) => number): T {
  return [...rounds].sort((a, b) => key(a) - key(b))[Math.floor(rounds.length / 2)]!;
}

/** A GET's body as sent (fetch would decompress it), and the length of the plain form. */
async function rawBody(url: string, headers: Record<string, string>): Promise<{ body: Buffer; plain: number }> {
  const plain = (await (await fetch(url)).arrayBuffer()).byteLength;
  const body = await new Promise<Buffer>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
  return { body, plain };
}

/** CPU milliseconds (user + system) a process has used so far, from /proc; undefined where there is none. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every common build. */
const CLOCK_TICKS = 100;

/**
 * One autocannon round. With `server`, also the server process's CPU time per request:
 * unlike requests per second it hardly moves when another process shares the cores.
 */
export async function load(options: autocannon.Options, server?: ChildProcess): Promise<Load> {
  const before = cpuMsOf(server?.pid);
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  const after = cpuMsOf(server?.pid);
  const cpuUsPerRequest = before === undefined || after === undefined || result.requests.total === 0 ? undefined : ((after - before) * 1000) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuUsPerRequest };
}

/** The thread every read figure uses: 100 comments, 20 top-level, each with a chain of 4 replies. Returns its URL. */
export async function seedReadThread(url: string): Promise<string> {
  for (let top = 0; top < 20; top++) {
    let parentId: number | null = null;
    for (let depth = 0; depth < 5; depth++) {
      const response: Response = await fetch(`${url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'example', uri: '/bench/read/', parentId, name: `Reader ${top}`, body: `A comment with **some** Markdown and a [link](https://example.org/${top}/${depth}), long enough to look like a real one.` }),
      });
      parentId = ((await response.json()) as { comment: { id: number } }).comment.id;
    }
  }
  return `${url}/api/v1/comments?site=example&uri=/bench/read/`;
}

const CREATE_BODY = 'A new comment from the load test.';

/**
 * The write floor: the same comment rows stored by a plain loop, one
 * transaction each, straight on libSQL in this process (no HTTP, no
 * validation, no rendering), for the same time as the load test.
 */
async function bareInsertLoop(dir: string): Promise<number> {
  const db = await openDatabase(`file:${join(dir, 'bare.db')}`);
  try {
    await migrate(db);
    const row: NewComment = {
      site: 'example', uri: '/bench/create/', pageTitle: null, identityKey: null, parentId: null, depth: 1, status: 'approved', body: CREATE_BODY,
      html: renderMarkdown(CREATE_BODY), name: 'Load', url: null, email: null, commenterKey: 'k'.repeat(64), isAuthor: false,
      notify: false, createdAt: Date.now(), editTokenHash: 'h'.repeat(64),
    };
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < SECONDS * 1000) {
      await db.batch(insertCommentStatements({ ...row, createdAt: Date.now() }), 'write');
      count++;
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

/**
 * One round of comment creation at ${CONNECTIONS} connections, with the server's CPU per comment.
 * wrk where installed: autocannon in this process costs about as much CPU per request as the
 * server, and on 2 cores that is taken from the server under test.
 */
async function createRound(server: { child: ChildProcess; url: string }, dir: string, seconds = SECONDS): Promise<Load> {
  const url = `${server.url}/api/v1/comments`;
  const request = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site: 'example', uri: '/bench/create/', body: CREATE_BODY, name: 'Load' }) };
  if (!hasWrk()) return load({ url, duration: seconds, ...request }, server.child);
  const before = cpuMsOf(server.child.pid);
  const round = wrkRound(url, { seconds, connections: CONNECTIONS, request: { ...request, dir } });
  const after = cpuMsOf(server.child.pid);
  const total = round.rps * seconds;
  return { ...round, cpuUsPerRequest: before === undefined || after === undefined || total === 0 ? undefined : ((after - before) * 1000) / total };
}

/** The ceiling's server CPU per request over the thread read's (1 = as cheap as sending bytes), from the same round. */
function cpuRows(bare: Load, read: Load): BenchRow[] {
  // Without /proc (not Linux) there is no such figure.
  if (bare.cpuUsPerRequest === undefined || read.cpuUsPerRequest === undefined) return [];
  const share = bare.cpuUsPerRequest / read.cpuUsPerRequest;
  return [{
    group: 'api',
    name: 'thread read: server CPU per request, ceiling / ours',
    value: share,
    unit: 'ratio',
    target: '≥ 0.60',
    ok: share >= 0.6,
    note: `${read.cpuUsPerRequest.toFixed(0)} µs vs the ceiling's ${bare.cpuUsPerRequest.toFixed(0)} µs; the same target read through CPU time, which a shared machine disturbs far less than req/s`,
  }];
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-api-'));
  // One process, as before --workers existed (the `workers` group compares more); request lines off (see README).
  const server = await startChild(['bin/kommentar.js', 'serve', '--workers', '1'], {
    PORT: '0',
    KOMMENTAR_DB_URL: `file:${join(dir, 'bench.db')}`,
    KOMMENTAR_RATE_LIMIT: '0',
    KOMMENTAR_LOG_LEVEL: 'warn',
  });
  let ceiling: { child: ChildProcess; url: string } | undefined;
  try {
    const readUrl = await seedReadThread(server.url);
    // What browsers send; the thread comes back as the brotli bytes of its snapshot.
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const payload = await rawBody(readUrl, browser);
    writeFileSync(join(dir, 'payload.br'), payload.body);
    ceiling = await startChild(['dist/bench/ceiling-server.js', join(dir, 'payload.br'), 'br'], {});

    // Median of three alternating rounds: the machine is shared, so one round alone says little.
    const rounds: { bare: Load; read: Load }[] = [];
    for (let i = 0; i < 3; i++) rounds.push({ bare: await load({ url: `${ceiling.url}/bare`, headers: browser }, ceiling.child), read: await load({ url: readUrl, headers: browser }, server.child) });
    const { bare, read } = median(rounds, (r) => r.read.rps / r.bare.rps);
    // What a browser on the blog sends: an Origin, which brings the CORS headers.
    const readCors = await load({ url: readUrl, headers: { ...browser, origin: 'http://localhost:8787' } });
    // A first round unmeasured, to the state of a running server: a fresh one went from 600 to 2,000 comments/s
    // over its first six seconds of load (its write path compiled, its WAL grown to the size it then reuses).
    await createRound(server, dir);
    const createRounds: Load[] = [];
    for (let i = 0; i < 3; i++) createRounds.push(await createRound(server, dir));
    const create = median(createRounds, (r) => r.rps);
    const createP99 = median(createRounds, (r) => r.p99).p99;
    const generator = hasWrk() ? 'wrk' : 'autocannon in the bench process';
    const bareWrites = await bareInsertLoop(dir);
    const writeShare = create.rps / bareWrites;
    const readShare = read.rps / bare.rps;
    return [
      { group: 'api', name: `bare Hono route (ceiling), same brotli bytes, ${CONNECTIONS} conns`, value: bare.rps, unit: 'req/s', note: `p50 ${bare.p50} ms, p99 ${bare.p99} ms, ${payload.body.length} bytes (${payload.plain} uncompressed)` },
      { group: 'api', name: `thread read, 100 comments, brotli, ${CONNECTIONS} conns`, value: read.rps, unit: 'req/s', note: `p50 ${read.p50} ms, errors ${read.errors}; median of 3 rounds` },
      { group: 'api', name: 'thread read / ceiling', value: readShare, unit: 'ratio', target: '≥ 0.60', ok: readShare >= 0.6 },
      ...cpuRows(bare, read),
      { group: 'api', name: `thread read p99, ${CONNECTIONS} conns`, value: read.p99, unit: 'ms', target: '< 20 ms', ok: read.p99 < 20, note: `the ceiling's p99 in the same round: ${bare.p99} ms` },
      { group: 'api', name: 'thread read with a browser Origin (CORS)', value: readCors.rps, unit: 'req/s', note: `${(readCors.rps / bare.rps).toFixed(2)} of ceiling, p50 ${readCors.p50} ms, p99 ${readCors.p99} ms, errors ${readCors.errors}` },
      { group: 'api', name: 'bare libSQL insert loop, 1 transaction per row', value: bareWrites, unit: 'rows/s', note: 'the write floor of the same rows, no HTTP' },
      {
        group: 'api',
        name: `comment create, ${CONNECTIONS} conns (median of 3)`,
        value: create.rps,
        unit: 'comments/s',
        target: '≥ 1,000',
        ok: create.rps >= 1000 && create.errors === 0,
        note: `p50 ${create.p50.toFixed(1)} ms, errors ${create.errors}, server CPU ${create.cpuUsPerRequest?.toFixed(0) ?? '?'} µs a comment; rounds ${createRounds.map((r) => r.rps.toFixed(0)).join(' / ')}/s; ${generator}`,
      },
      { group: 'api', name: 'comment create / bare insert loop', value: writeShare, unit: 'ratio', target: '≥ 0.50 (or ≥ 1,000/s)', ok: (writeShare >= 0.5 || create.rps >= 1000) && create.errors === 0 },
      {
        group: 'api',
        name: `comment create p99, ${CONNECTIONS} conns (median of 3)`,
        value: createP99,
        unit: 'ms',
        target: '< 100 ms',
        ok: createP99 < 100,
        note: `rounds ${createRounds.map((r) => r.p99.toFixed(0)).join(' / ')} ms; each round opens its ${CONNECTIONS} connections at once, which the server takes up one per turn of its event loop; wrk counts the wait of a late connection as the answers it would have had meanwhile`,
      },
    ];
  } finally {
    if (ceiling) await stop(ceiling.child);
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}
