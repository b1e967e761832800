/**
 * `kommentar serve --workers N`: several processes on one port and one
 * database file. A write through one worker is visible through every other
 * within a second, only one worker delivers the outbox, and SIGTERM stops all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startServeProcess, waitForExit, type ServeProcess } from '../helpers/process.js';

/** One request on a fresh connection, so the cluster hands it to the next worker in turn. */
function freshGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

function freshPost(url: string, payload: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(payload));
  });
}

let dir: string;
let server: ServeProcess;


beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-workers-'));
  server = await startServeProcess({ KOMMENTAR_DB_URL: `file:${join(dir, 'k.db')}`, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_SECRET: 'workers-test-secret' }, undefined, ['--workers', '2']);
});

afterAll(async () => {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await waitForExit(server.child);
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --workers 2', () => {
  it('shows a write made through one worker in every worker within a second', async () => {
    const thread = `${server.url}/api/v1/comments?site=example&uri=${encodeURIComponent('/shared/')}`;
    // Every worker caches the thread as it is now (empty), so a stale cache would show.
    for (let i = 0; i < 6; i++) expect(JSON.parse((await freshGet(thread)).body)).toEqual({ comments: [] });

    for (let round = 0; round < 3; round++) {
      const created = await freshPost(`${server.url}/api/v1/comments`, { site: 'example', uri: '/shared/', body: `round ${round}` });
      expect(created.status).toBe(201);
      const id = (JSON.parse(created.body) as { comment: { id: number } }).comment.id;
      const written = Date.now();
      // Every read sent a second or more after the write was acknowledged must show it, in whichever
      // worker the cluster hands it to. Timed by when a read is sent, so a slow machine cannot fake a miss.
      let lateReads = 0;
      while (lateReads < 8) {
        const sent = Date.now();
        const ids = (JSON.parse((await freshGet(thread)).body) as { comments: { id: number }[] }).comments.map((c) => c.id);
        if (sent - written < 1000) continue;
        expect(ids, `a read sent ${sent - written} ms after comment ${id} was written`).toContain(id);
        lateReads++;
      }
    }
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    server.child.kill('SIGTERM');
    expect(await waitForExit(server.child)).toBe(0);
    await expect(freshGet(`${server.url}/healthz`)).rejects.toThrow();
  });
});

describe('serve --workers 2 with a rate limit', () => {
  it('counts one client\'s comments across both workers', async () => {
    const limited = await startServeProcess({ KOMMENTAR_DB_URL: `file:${join(dir, 'limited.db')}`, KOMMENTAR_RATE_LIMIT: '3', KOMMENTAR_SECRET: 'workers-test-secret' }, undefined, ['--workers', '2']);
    try {
      // Fresh connections: the cluster deals them out to both workers in turn.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await freshPost(`${limited.url}/api/v1/comments`, { site: 'example', uri: '/limited/', body: `try ${i}` })).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      limited.child.kill('SIGTERM');
      await waitForExit(limited.child);
    }
  });
});
