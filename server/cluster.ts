/**
 * `kommentar serve --workers N`: N server processes on one port (node:cluster)
 * over one database. The primary only forks, watches and stops its workers;
 * worker 0 is the leader and alone runs what must run once (the outbox worker,
 * the deploy-hook scheduler, the example blog's seeding and rebuilds). A worker
 * that dies is forked again with the same number, so there is always a leader.
 */
import cluster, { type Worker } from 'node:cluster';

const WORKER_ENV = 'KOMMENTAR_WORKER';

/** What a worker tells the primary once it serves requests. */
interface ListeningMessage {
  kommentar: 'listening';
  url: string;
}

const isListening = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' && message !== null && (message as ListeningMessage).kommentar === 'listening';

/** Whether this process runs the once-only background work: a single process always does, of several workers only worker 0. */
export function isLeader(): boolean {
  return !cluster.isWorker || process.env[WORKER_ENV] === '0';
}

export const isClusterWorker = (): boolean => cluster.isWorker;

/** In a worker: tells the primary this worker is serving at `url`. */
export function announceListening(url: string): void {
  process.send?.({ kommentar: 'listening', url } satisfies ListeningMessage);
}

/** Resolves on the first SIGINT, SIGTERM or (in a worker) loss of the primary; later signals are ignored, so a second one cannot cut a graceful stop short. */
export function untilStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    let stopped = false;
    const stop = (reason: string) => {
      if (stopped) return;
      stopped = true;
      resolve(reason);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    if (cluster.isWorker) process.once('disconnect', () => stop('primary gone'));
  });
}

/**
 * In the primary: forks `count` workers (each runs the same command line),
 * calls `ready` with the URL once every one of them listens, and on SIGINT or
 * SIGTERM stops them all gracefully. A worker that dies before the first
 * start completed stops the whole (a config error would only repeat);
 * afterwards a dead worker is replaced. Returns the exit code.
 */
export async function runWorkers(count: number, env: NodeJS.ProcessEnv, ready: (url: string) => void): Promise<number> {
  const workers = new Map<number, Worker>();
  const listening = new Set<number>();
  let stopping = false;
  let started = false;
  let failed = false;
  let url = '';

  const allExited = () => new Promise<void>((resolve) => {
    const check = () => (workers.size === 0 ? resolve() : undefined);
    cluster.on('exit', check);
    check();
  });
  const stopAll = () => {
    stopping = true;
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
  };

  const fork = (index: number) => {
    const worker = cluster.fork({ ...env, [WORKER_ENV]: String(index) });
    workers.set(index, worker);
    worker.on('message', (message: unknown) => {
      if (!isListening(message)) return;
      url = message.url;
      listening.add(index);
      if (!started && listening.size === count) {
        started = true;
        ready(url);
      }
    });
    worker.once('exit', (code, signal) => {
      workers.delete(index);
      listening.delete(index);
      if (stopping) return;
      if (!started) {
        console.error(`kommentar serve: worker ${index} stopped during start (${signal ?? `exit ${code}`}); stopping the others`);
        failed = true;
        stopAll();
        return;
      }
      console.error(`kommentar serve: worker ${index} stopped (${signal ?? `exit ${code}`}); starting it again`);
      fork(index);
    });
  };

  for (let index = 0; index < count; index++) fork(index);
  const exited = allExited();
  const reason = await Promise.race([untilStopSignal(), exited.then(() => undefined)]);
  if (reason) {
    console.log(`${reason}: stopping ${workers.size} workers (each finishes its open requests).`);
    stopAll();
  }
  await exited;
  return failed ? 1 : 0;
}
