/**
 * API throughput with autocannon on loopback: thread read (100 comments) and
 * comment create against the real server (a child process on a temp
 * database), beside a bare Hono route serving the same bytes as the ceiling,
 * all in one run.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from './table.js';

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
}

export async function load(options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
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
    const payload = await (await fetch(readUrl)).text();
    writeFileSync(join(dir, 'payload.json'), payload);
    ceiling = await startChild(['dist/bench/ceiling-server.js', join(dir, 'payload.json')], {});

    const bare = await load({ url: `${ceiling.url}/bare` });
    const read = await load({ url: readUrl });
    // What a browser on the blog sends: an Origin, which brings the CORS headers.
    const readCors = await load({ url: readUrl, headers: { origin: 'http://localhost:8787' } });
    const create = await load({
      url: `${server.url}/api/v1/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'example', uri: '/bench/create/', body: 'A new comment from the load test.', name: 'Load' }),
    });
    const readShare = read.rps / bare.rps;
    return [
      { group: 'api', name: `bare Hono route (ceiling), ${CONNECTIONS} conns`, value: bare.rps, unit: 'req/s', note: `p50 ${bare.p50} ms, p99 ${bare.p99} ms, ${payload.length} bytes` },
      { group: 'api', name: `thread read, 100 comments, ${CONNECTIONS} conns`, value: read.rps, unit: 'req/s', note: `p50 ${read.p50} ms, p99 ${read.p99} ms, errors ${read.errors}` },
      { group: 'api', name: 'thread read / ceiling', value: readShare, unit: 'ratio', target: '≥ 0.50', ok: readShare >= 0.5 },
      { group: 'api', name: 'thread read with a browser Origin (CORS)', value: readCors.rps, unit: 'req/s', note: `${(readCors.rps / bare.rps).toFixed(2)} of ceiling, p50 ${readCors.p50} ms, p99 ${readCors.p99} ms, errors ${readCors.errors}` },
      { group: 'api', name: `comment create, ${CONNECTIONS} conns`, value: create.rps, unit: 'comments/s', target: '≥ 1,000', ok: create.rps >= 1000 && create.errors === 0, note: `p50 ${create.p50} ms, p99 ${create.p99} ms, errors ${create.errors}, ${(create.rps / bare.rps).toFixed(2)} of ceiling` },
    ];
  } finally {
    if (ceiling) await stop(ceiling.child);
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}
