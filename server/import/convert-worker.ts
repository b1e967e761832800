/** Worker thread of the convert pool: turns batches of bodies into Markdown or HTML off the main thread. */
import { parentPort } from 'node:worker_threads';
import { convertJob, type ConvertJob } from './convert-pool.js';

parentPort!.on('message', (job: ConvertJob) => {
  try {
    const results = convertJob(job);
    parentPort!.postMessage({ id: job.id, results });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
