/**
 * Rate limits on every write and every rendering endpoint, and the login
 * throttle: counted in the database, so a restart (or a second process on
 * the same file) does not reset them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { RateLimiter } from '../../server/limits/rate-limiter.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';
import { csrfOf, DeskClient } from '../desk/desk-client.js';

const ORIGIN = 'https://blog.example';
let dir: string;
let config: Record<string, unknown>;
let server: TestServer;
let nextAddress = 1;
/** Each test comes from its own address (the server trusts X-Forwarded-For here). */
const newAddress = () => ({ 'x-forwarded-for': `198.51.100.${nextAddress++}` });

/** A server on the shared database file, writes limited to 2 a minute. */
const start = () =>
  startTestServer({
    config,
    env: { KOMMENTAR_RATE_LIMIT: '2', KOMMENTAR_DB_URL: `file:${join(dir, 'shared.db')}`, KOMMENTAR_SECRET: 'rate-limit-test-secret-0123456789' },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kommentar-rate-'));
  config = { trustProxy: true, sites: [{ id: 'blog', origins: [ORIGIN] }], adminPasswordHash: await hashPassword('the right password') };
  server = await start();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (headers: Record<string, string>, body = 'hello') => server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/r/', body }, headers));

describe('write limits', () => {
  it('counts creates, edits, deletes and form posts together, and keeps counting after a restart', async () => {
    const client = newAddress();
    const first = (await (await create(client)).json()) as { comment: { id: number }; editToken: string };
    const own = { ...client, 'x-edit-token': first.editToken };
    expect((await server.api(`/api/v1/comments/${first.comment.id}`, json('PATCH', { body: 'edited' }, own))).status).toBe(200);
    const refused = [
      await create(client),
      await server.api(`/api/v1/comments/${first.comment.id}`, json('PATCH', { body: 'again' }, own)),
      await server.api(`/api/v1/comments/${first.comment.id}`, { method: 'DELETE', headers: own }),
      await server.api('/api/v1/comments', {
        method: 'POST',
        headers: { ...client, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ site: 'blog', uri: '/r/', body: 'by form', ts: String(Date.now() - 60_000) }),
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused[0]!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    await server.close();
    server = await start();
    expect((await create(client)).status).toBe(429);
    expect((await create(newAddress())).status).toBe(201);
  });

  it('limits previews too, at several times the write limit', async () => {
    const client = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await server.api('/api/v1/preview', json('POST', { body: `*${i}*` }, client))).status);
    expect(statuses.slice(0, 12).every((status) => status === 200)).toBe(true);
    expect(statuses[12]).toBe(429);
  });
});

describe('the login throttle', () => {
  it('survives a restart', async () => {
    const headers = newAddress();
    const desk = new DeskClient(server, headers);
    const tries: number[] = [];
    for (let i = 0; i < 5; i++) {
      const form = await desk.page('/admin/login');
      tries.push((await desk.postForm('/admin/login', { csrf: csrfOf(form), password: `guess ${i}` })).status);
    }
    expect(tries).toEqual([401, 401, 401, 401, 401]);
    await server.close();
    server = await start();
    const again = new DeskClient(server, headers);
    const form = await again.page('/admin/login');
    expect((await again.postForm('/admin/login', { csrf: csrfOf(form), password: 'the right password' })).status).toBe(429);
  });
});

describe('the counter in storage', () => {
  it('is shared by two limiters on one database, starts over after the window, and forgets old windows', async () => {
    const a = new RateLimiter(server.ctx.db, 'test', 2, 1000);
    const b = new RateLimiter(server.ctx.db, 'test', 2, 1000);
    expect([await a.take('k', 10_000), await b.take('k', 10_100), await a.take('k', 10_200)]).toEqual([0, 0, 1]);
    expect(await b.take('k', 11_001)).toBe(0);
    const stale = await server.ctx.db.execute("SELECT count(*) AS n FROM rate_limits WHERE scope = 'test'");
    expect(Number(stale.rows[0]!.n)).toBe(1);
    // Every 500th attempt deletes the windows that ended: the table holds the active clients only.
    const pruning = new RateLimiter(server.ctx.db, 'pruned', 1, 1000);
    for (let i = 0; i < 499; i++) await pruning.take(`client-${i}`, 0);
    await pruning.take('late', 5000);
    const left = await server.ctx.db.execute("SELECT client_hash FROM rate_limits WHERE scope = 'pruned'");
    expect(left.rows.map((row) => row.client_hash)).toEqual(['late']);
  });
});
