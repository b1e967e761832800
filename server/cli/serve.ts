/** `kommentar serve`: runs the comment server, in one process or in `--workers N`, until SIGINT or SIGTERM. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { announceListening, isClusterWorker, isLeader, runWorkers, untilStopSignal } from '../cluster.js';
import { loadConfig } from '../config.js';
import { startServer } from '../server.js';
import { UsageError } from './usage-error.js';

function workerCount(raw: string | undefined): number {
  if (raw === undefined) return availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 256) throw new UsageError(`--workers must be a whole number from 1 to 256, got "${raw}"`);
  return count;
}

function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } }, strict: true });
  return { env: { ...env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) }, workers: values.workers };
}

/**
 * The environment `serve` runs with: --port and --host override PORT and HOST. `serve --example`
 * reads its options with this too; bin/kommentar.js routes it to the example blog
 * (site-example/start.ts), which builds on the server, so the server never imports the example.
 */
export function serveEnv(argv: string[], env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return parseServeArgs(argv, env).env;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv, process.env);
  const workers = workerCount(args.workers);
  if (workers > 1 && !isClusterWorker()) {
    // A config mistake is told once, here, not by every worker.
    loadConfig(args.env);
    return runWorkers(workers, args.env, (url) => console.log(`Kommentar is listening on ${url} (${workers} workers)`));
  }
  try {
    return await serveOne(args.env);
  } finally {
    // The channel to the primary would keep a stopped (or failed) worker alive.
    if (isClusterWorker()) process.disconnect?.();
  }
}

/** One server process: the only one, or one of several workers (worker 0 runs the once-only work). */
async function serveOne(env: NodeJS.ProcessEnv): Promise<number> {
  const server = await startServer(loadConfig(env), { background: isLeader() });
  if (isClusterWorker()) announceListening(server.url);
  else console.log(`Kommentar is listening on ${server.url} (sites: ${server.ctx.config.sites.map((s) => s.id).join(', ')})`);
  const reason = await untilStopSignal();
  if (!isClusterWorker()) console.log(`${reason}: finishing open requests, then stopping.`);
  await server.close().catch(() => undefined);
  return 0;
}
