/** Worker thread of the convert pool: converts batches of bodies off the main thread and stages them in its own file. */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportStaging } from '../db/imports.js';
import type { ConvertJob } from './convert-pool.js';
import { stageBatch } from './stage-batch.js';

let staging: ImportStaging | null = null;

async function run(job: ConvertJob): Promise<void> {
  try {
    if (job.op === 'close') {
      staging?.close();
      staging = null;
    } else {
      staging ??= new ImportStaging((workerData as { file: string }).file);
      await stageBatch(staging, job.kind, job.items);
    }
    parentPort!.postMessage({ id: job.id });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
}

// One job after the other, in the order sent: a batch may wait for the full renderers to load.
let previous = Promise.resolve();
parentPort!.on('message', (job: ConvertJob) => {
  previous = previous.then(() => run(job));
});
