/** Many writers at once, and a server killed mid-write: every acknowledged comment is stored exactly once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteComments } from '../../server/db/comments.js';
import { ensureBuilt, startServeProcess, waitForExit } from '../helpers/process.js';
import { json, startTestServer } from '../helpers/server.js';

describe('concurrent writers', () => {
  it('stores 500 parallel creates exactly once each', async () => {
    const server = await startTestServer();
    try {
      const responses = await Promise.all(
        Array.from({ length: 500 }, (_, i) => server.api('/api/v1/comments', json('POST', { site: 'example', uri: `/busy/${i % 5}/`, body: `comment number ${i}` }))),
      );
      expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
      const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { comment: { id: number } }).comment.id));
      expect(new Set(ids).size).toBe(500);
      const rows = await listSiteComments(server.ctx.db, 'example', ['approved']);
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((r) => r.body)).size).toBe(500);
    } finally {
      await server.close();
    }
  });
});

describe('crash safety', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kommentar-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // 8 writers mostly commit alone; 50 keep several comments in every group commit when the kill lands.
  it.each([8, 50])('keeps every comment answered 201 when the server is killed with SIGKILL mid-load (%i writers)', async (writerCount) => {
    const env = { KOMMENTAR_DB_URL: `file:${join(dir, `k${writerCount}.db`)}`, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_SECRET: 'crash-test-secret' };
    const first = await startServeProcess(env, undefined, ['--workers', '1']);
    const acknowledged = new Map<number, string>();
    let sent = 0;
    const writer = async () => {
      for (;;) {
        const body = `load ${sent++}`;
        try {
          const response = await fetch(`${first.url}/api/v1/comments`, json('POST', { site: 'example', uri: '/crash/', body }));
          if (response.status === 201) acknowledged.set(((await response.json()) as { comment: { id: number } }).comment.id, body);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: writerCount }, writer);
    while (acknowledged.size < 300) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await Promise.all(writers);
    await waitForExit(first.child);

    const second = await startServeProcess(env, undefined, ['--workers', '1']);
    try {
      const response = await fetch(`${second.url}/api/v1/comments?site=example&uri=/crash/`);
      const stored = new Map(((await response.json()) as { comments: { id: number; html: string }[] }).comments.map((c) => [c.id, c.html]));
      for (const [id, body] of acknowledged) expect(stored.get(id)).toBe(`<p>${body}</p>`);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      second.child.kill('SIGTERM');
      expect(await waitForExit(second.child)).toBe(0);
    }
  });

  it('finishes in-flight writes on SIGTERM, then exits 0 with the database closed', async () => {
    const env = { KOMMENTAR_DB_URL: `file:${join(dir, 'term.db')}`, KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_SECRET: 'term-test-secret' };
    const first = await startServeProcess(env, undefined, ['--workers', '1']);
    const requests = Array.from({ length: 40 }, (_, i) =>
      fetch(`${first.url}/api/v1/comments`, json('POST', { site: 'example', uri: '/term/', body: `in flight ${i}` })).then(
        async (response) => ({ status: response.status, id: ((await response.json()) as { comment: { id: number } }).comment.id }),
        () => undefined, // refused after the server stopped accepting: never acknowledged
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGTERM');
    const answered = (await Promise.all(requests)).filter((r) => r !== undefined);
    expect(await waitForExit(first.child)).toBe(0);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((r) => r.status === 201)).toBe(true);

    const second = await startServeProcess(env, undefined, ['--workers', '1']);
    try {
      const stored = ((await (await fetch(`${second.url}/api/v1/comments?site=example&uri=/term/`)).json()) as { comments: { id: number }[] }).comments.map((c) => c.id);
      for (const { id } of answered) expect(stored).toContain(id);
    } finally {
      second.child.kill('SIGTERM');
      await waitForExit(second.child);
    }
  });
});
