/**
 * `serve --workers 2` against `--workers 1`: thread reads (100 comments, 50
 * connections) on the same database in the same run. autocannon runs in this
 * process, on the same cores as the workers, which caps what two can gain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS, load, seedReadThread, startChild, stop } from './api.js';
import type { BenchRow } from './table.js';

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-bench-workers-'));
  const env = { PORT: '0', KOMMENTAR_DB_URL: `file:${join(dir, 'bench.db')}`, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_LOG_LEVEL: 'warn' };
  const reads = async (workers: number) => {
    const server = await startChild(['bin/kommentar.js', 'serve', '--workers', String(workers)], env);
    try {
      const url = workers === 1 ? await seedReadThread(server.url) : `${server.url}/api/v1/comments?site=example&uri=/bench/read/`;
      // Warm every worker's cache before measuring.
      await load({ url, duration: 1 });
      return await load({ url });
    } finally {
      await stop(server.child);
    }
  };
  try {
    const one = await reads(1);
    const two = await reads(2);
    const gain = two.rps / one.rps;
    return [
      { group: 'workers', name: `thread read, --workers 1, ${CONNECTIONS} conns`, value: one.rps, unit: 'req/s', note: `p50 ${one.p50} ms, p99 ${one.p99} ms, errors ${one.errors}` },
      { group: 'workers', name: `thread read, --workers 2, ${CONNECTIONS} conns`, value: two.rps, unit: 'req/s', note: `p50 ${two.p50} ms, p99 ${two.p99} ms, errors ${two.errors}` },
      { group: 'workers', name: '2 workers / 1 worker', value: gain, unit: 'ratio', target: '≥ 1.5', ok: gain >= 1.5 && two.errors === 0 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
