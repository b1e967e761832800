/** `kommentar serve`: runs the comment server, in one process or in `--workers N`, until SIGINT or SIGTERM. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
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

/** The example blog is built into dist/ in a checkout of the repository; the published package leaves it out. */
const EXAMPLE = new URL('../../site-example/start.js', import.meta.url);

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, example: { type: 'boolean' }, workers: { type: 'string' } },
    strict: true,
  });
  const workers = workerCount(values.workers);
  const env = { ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
  // --example: the server plus the example blog, seeded and rebuilt on new comments (what `npm start` runs).
  if (values.example && !existsSync(fileURLToPath(EXAMPLE))) {
    throw new UsageError('--example runs the example blog, which only comes with a checkout of the repository (npm start there)');
  }
  const example = values.example ? await import('../../site-example/start.js') : undefined;

  if (workers > 1 && !isClusterWorker()) {
    // A config mistake is told once, here, not by every worker (prepareExampleEnv reads the config too).
    if (!example) loadConfig(env);
    // Every worker must accept the same desk password, so for the example the primary makes it up for the run.
    const prepared = example ? await example.prepareExampleEnv(env) : { env, deskPassword: undefined };
    return runWorkers(workers, prepared.env, (url) => {
      if (example) example.printUrls(url, prepared.deskPassword);
      else console.log(`Kommentar is listening on ${url} (${workers} workers)`);
    });
  }
  if (example && !isClusterWorker()) return example.runExample(env);
  try {
    return await serveOne(env, example);
  } finally {
    // The channel to the primary would keep a stopped (or failed) worker alive.
    if (isClusterWorker()) process.disconnect?.();
  }
}

/** One server process: the only one, or one of several workers (worker 0 runs the once-only work). */
async function serveOne(env: NodeJS.ProcessEnv, example: typeof import('../../site-example/start.js') | undefined): Promise<number> {
  const leader = isLeader();
  const running = example && leader ? await example.startExample(env) : undefined;
  const server = running?.server ?? (await startServer(example ? example.exampleConfig(env) : loadConfig(env), { background: leader }));
  if (isClusterWorker()) announceListening(example ? server.ctx.config.publicUrl : server.url);
  else console.log(`Kommentar is listening on ${server.url} (sites: ${server.ctx.config.sites.map((s) => s.id).join(', ')})`);
  const reason = await untilStopSignal();
  if (!isClusterWorker()) console.log(`${reason}: finishing open requests, then stopping.`);
  await (running ?? server).close().catch(() => undefined);
  return 0;
}
