/**
 * wrk as the load generator where it is installed (`apt-get install wrk`): C,
 * one thread, a fraction of autocannon's CPU per request. On 2 cores the
 * generator shares the cores with the server, so a lighter one leaves the
 * server more of them; rows say which generator ran.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hasWrk = (): boolean => spawnSync('wrk', ['--version']).error === undefined;

/** What one wrk run saw. */
export interface WrkRound {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** wrk's own CPU time per request, in µs. */
  clientUs: number;
}

/** A request other than a plain GET, handed to wrk as a Lua script written into `dir`. */
export interface WrkRequest {
  method: string;
  body: string;
  headers: Record<string, string>;
  dir: string;
}

/** CPU ms of this process's waited-for children (cutime + cstime in /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** `wrk` prints latencies as 812.00us, 3.05ms or 1.20s. */
function millis(text: string): number {
  const [, value, unit] = /([\d.]+)(us|ms|s)/.exec(text)!;
  return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
}

/** A Lua string literal (wrk's scripts are Lua). */
const lua = (text: string) => JSON.stringify(text);

function scriptFor(request: WrkRequest): string {
  const file = join(request.dir, 'wrk-request.lua');
  const headers = Object.entries(request.headers).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}\n`).join('');
  writeFileSync(file, `wrk.method = ${lua(request.method)}\nwrk.body = ${lua(request.body)}\n${headers}`);
  return file;
}

/** A script that writes `depth` GETs at once on each connection (HTTP/1.1 pipelining); wrk counts every response. */
function pipelineScript(dir: string, depth: number): string {
  const file = join(dir, `wrk-pipeline-${depth}.lua`);
  writeFileSync(file, `init = function(args)\n  local requests = {}\n  for i = 1, ${depth} do requests[i] = wrk.format(nil) end\n  batch = table.concat(requests)\nend\nrequest = function() return batch end\n`);
  return file;
}

/** How one wrk run is made: a plain GET of `url` unless `request` or `pipeline` says otherwise. */
export interface WrkOptions {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  request?: WrkRequest;
  /** GETs written at once per connection, with the directory for the script: each costs wrk a fraction of a single one. */
  pipeline?: { depth: number; dir: string };
}

/** One wrk run of `seconds` against `url` with `connections` connections. */
export function wrkRound(url: string, { seconds, connections, headers = {}, request, pipeline }: WrkOptions): WrkRound {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`])];
  if (request) args.push('-s', scriptFor(request));
  else if (pipeline) args.push('-s', pipelineScript(pipeline.dir, pipeline.depth));
  const before = childrenCpuMs();
  const { stdout } = spawnSync('wrk', [...args, url], { encoding: 'utf8' });
  const cpuMs = childrenCpuMs() - before;
  const total = Number(/(\d+) requests in/.exec(stdout)![1]);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? '0';
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)![1]),
    p50: millis(/^\s+50%\s+(\S+)/m.exec(stdout)![1]!),
    p99: millis(/^\s+99%\s+(\S+)/m.exec(stdout)![1]!),
    errors: Number(errors) + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
    clientUs: (cpuMs * 1000) / total,
  };
}
