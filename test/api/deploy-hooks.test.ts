/**
 * Deploy hooks against a real receiver on loopback: a burst of public changes
 * gives one call after it settles; pending comments none; approving, editing
 * and deleting one each; a failing, hanging or unreachable receiver ends as a
 * visible, retried delivery and nothing is lost; the schedule survives a
 * restart and two processes on one database never both call.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployRequest } from '../../server/notify/deploy-hooks.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';

interface Call {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A build-hook receiver: records every call and answers as `mode` says. */
class Receiver {
  calls: Call[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  private readonly hanging: ServerResponse[] = [];
  readonly server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      this.calls.push({ at: Date.now(), path: request.url ?? '', headers: request.headers, body });
      if (this.mode === 'hang') this.hanging.push(response);
      else response.writeHead(this.mode === 'ok' ? 200 : 500).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const receiver = new Receiver();
const dataDir = mkdtempSync(join(tmpdir(), 'kommentar-deploy-'));
let servers: TestServer[] = [];

function siteConfig(hookPath: string, extra: Record<string, unknown> = {}) {
  return {
    allowPrivateAddresses: true,
    sites: [
      { id: 'blog', moderation: 'none', deployHooks: [{ url: `${receiver.url}${hookPath}`, debounceSeconds: 1, timeoutSeconds: 1, headers: { authorization: 'Bearer hook-token' } }] },
      { id: 'queue', moderation: 'all', deployHooks: [{ url: `${receiver.url}/queue`, debounceSeconds: 1 }] },
    ],
    ...extra,
  };
}

async function start(config: Record<string, unknown>, db = `file:${join(dataDir, `${Math.random()}.db`)}`): Promise<TestServer> {
  const server = await startTestServer({ config, env: { KOMMENTAR_DB_URL: db } });
  servers.push(server);
  return server;
}

const comment = async (server: TestServer, site: string, body: string) => {
  const response = await server.api('/api/v1/comments', json('POST', { site, uri: '/post/', body }));
  expect([201, 202]).toContain(response.status);
  return (await response.json()) as { comment: { id: number }; editToken: string };
};

/** Stops the servers' clocks at now; the function returned lets them run on from there and returns when. */
function freezeClocks(targets: TestServer[]): () => number {
  const frozen = Date.now();
  for (const server of targets) server.ctx.now = () => frozen;
  return () => {
    const resumed = Date.now();
    for (const server of targets) server.ctx.now = () => frozen + (Date.now() - resumed);
    return resumed;
  };
}

const callsTo = (path: string) => receiver.calls.filter((call) => call.path === path);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deliveries = async (server: TestServer) =>
  (await fetch(`${server.url}/admin/deliveries`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();

beforeAll(() => receiver.start());
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
  receiver.calls = [];
  receiver.mode = 'ok';
});
afterAll(async () => {
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('deploy hooks', () => {
  it('calls once after a burst settles, with the configured headers, and again only after the next change', async () => {
    const server = await start(siteConfig('/burst'));
    // The burst happens at one instant of the server's clock, so a slow (loaded) machine cannot stretch it past the debounce.
    const resume = freezeClocks([server]);
    for (let i = 0; i < 8; i++) await comment(server, 'blog', `burst ${i}`);
    const resumed = resume();
    await expect.poll(() => callsTo('/burst').length, { timeout: 8000, interval: 100 }).toBe(1);
    await sleep(2500);
    expect(callsTo('/burst')).toHaveLength(1);
    const [call] = callsTo('/burst');
    // Trailing: the call waits for the quiet second after the last change of the burst.
    expect(call!.at).toBeGreaterThanOrEqual(resumed + 1000 - 50);
    expect(call!.headers.authorization).toBe('Bearer hook-token');
    expect(call!.headers['user-agent']).toBe('Kommentar-Deploy-Hook');

    await comment(server, 'blog', 'later');
    await expect.poll(() => callsTo('/burst').length, { timeout: 8000, interval: 100 }).toBe(2);
    expect(callsTo('/burst')[1]!.at - call!.at).toBeGreaterThanOrEqual(1000);
    expect(await deliveries(server)).toMatch(/<b id="outbox-sent">2<\/b>/);
  });

  it('ignores pending comments, then calls once on approval, once on an edit and once on a delete', async () => {
    const server = await start(siteConfig('/changes'));
    const { comment: pending } = await comment(server, 'queue', 'waits for the author');
    await sleep(3000);
    expect(callsTo('/queue')).toHaveLength(0);

    const approve = await fetch(`${server.url}/admin/moderation`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ site: 'queue', act: `approve:${pending.id}` }),
    });
    expect(approve.status).toBe(303);
    await expect.poll(() => callsTo('/queue').length, { timeout: 8000, interval: 100 }).toBe(1);

    const { comment: published, editToken } = await comment(server, 'blog', 'first words');
    await expect.poll(() => callsTo('/changes').length, { timeout: 8000, interval: 100 }).toBe(1);
    const edited = await server.api(`/api/v1/comments/${published.id}`, json('PATCH', { body: 'better words' }, { 'x-edit-token': editToken }));
    expect(edited.status).toBe(200);
    await expect.poll(() => callsTo('/changes').length, { timeout: 8000, interval: 100 }).toBe(2);
    const deleted = await server.api(`/api/v1/comments/${published.id}`, { method: 'DELETE', headers: { 'x-edit-token': editToken } });
    expect(deleted.status).toBe(200);
    await expect.poll(() => callsTo('/changes').length, { timeout: 8000, interval: 100 }).toBe(3);
    await sleep(1500);
    expect(callsTo('/queue')).toHaveLength(1);
    expect(callsTo('/changes')).toHaveLength(3);
  });

  it('retries a receiver answering 500 or hanging, shows the error in Deliveries, and delivers once it answers', async () => {
    const server = await start(siteConfig('/flaky'));
    let offset = 0;
    server.ctx.now = () => Date.now() + offset;

    receiver.mode = 'fail';
    await comment(server, 'blog', 'a comment');
    await expect.poll(() => callsTo('/flaky').length, { timeout: 8000, interval: 100 }).toBe(1);
    await expect.poll(() => deliveries(server), { timeout: 5000, interval: 200 }).toMatch(/webhook · deploy blog → 127\.0\.0\.1:\d+<\/td><td>will retry<\/td><td class="num">1<\/td><td>the receiver answered 500/);

    receiver.mode = 'hang';
    offset += 31_000; // past the first backoff (30 s)
    await expect.poll(() => callsTo('/flaky').length, { timeout: 8000, interval: 100 }).toBe(2);
    await expect.poll(() => deliveries(server), { timeout: 5000, interval: 200 }).toMatch(/will retry<\/td><td class="num">2<\/td><td>no answer within 1000 ms/);

    receiver.mode = 'ok';
    offset += 61_000; // past the second backoff (60 s)
    await expect.poll(() => callsTo('/flaky').length, { timeout: 8000, interval: 100 }).toBe(3);
    await expect.poll(() => deliveries(server), { timeout: 5000, interval: 200 }).toMatch(/<b id="outbox-sent">1<\/b>/);
    expect(await deliveries(server)).toMatch(/<b id="outbox-queued">0<\/b>/);
  });

  it('names an unreachable receiver, and refuses a private address unless allowPrivateAddresses', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await start({ allowPrivateAddresses: true, sites: [{ id: 'blog', deployHooks: [{ url: `http://127.0.0.1:${port}/hook`, debounceSeconds: 0 }] }] });
    await comment(unreachable, 'blog', 'into the void');
    await expect.poll(() => deliveries(unreachable), { timeout: 8000, interval: 200 }).toMatch(new RegExp(`will retry</td><td class="num">1</td><td>cannot reach 127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`));

    const guarded = await start({ sites: [{ id: 'blog', deployHooks: [{ url: `${receiver.url}/private`, debounceSeconds: 0 }] }] });
    await comment(guarded, 'blog', 'to a private address');
    await expect.poll(() => deliveries(guarded), { timeout: 8000, interval: 200 }).toMatch(/failed<\/td><td class="num">1<\/td><td>refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, which is not a public address/);
    expect(callsTo('/private')).toHaveLength(0);
  });

  it('keeps the schedule across a restart, and two processes on one database call once', async () => {
    const db = `file:${join(dataDir, 'shared.db')}`;
    const first = await start(siteConfig('/shared'), db);
    freezeClocks([first]); // its call never comes due while it runs
    await comment(first, 'blog', 'just before the restart');
    await first.close();
    servers = servers.filter((s) => s !== first);
    expect(callsTo('/shared')).toHaveLength(0);

    const [a, b] = [await start(siteConfig('/shared'), db), await start(siteConfig('/shared'), db)];
    await expect.poll(() => callsTo('/shared').length, { timeout: 8000, interval: 100 }).toBe(1);
    // A burst spread over both processes, each of which runs the scheduler.
    const resume = freezeClocks([a!, b!]);
    for (let i = 0; i < 6; i++) await comment(i % 2 ? a! : b!, 'blog', `shared ${i}`);
    resume();
    await expect.poll(() => callsTo('/shared').length, { timeout: 8000, interval: 100 }).toBe(2);
    await sleep(2500);
    expect(callsTo('/shared')).toHaveLength(2);
  });
});

describe('deploy hook requests', () => {
  it('gives GitHub repository_dispatch its JSON body and Accept header, and other hooks an empty POST', () => {
    const github = deployRequest({ url: 'https://api.github.com/repos/me/blog/dispatches', debounceSeconds: 60, timeoutSeconds: 10, headers: { authorization: 'Bearer ghp_x' } }, 'blog', false);
    expect(JSON.parse(github.body)).toEqual({ event_type: 'kommentar', client_payload: { site: 'blog' } });
    expect(github.headers).toMatchObject({ accept: 'application/vnd.github+json', 'content-type': 'application/json', authorization: 'Bearer ghp_x' });
    const netlify = deployRequest({ url: 'https://api.netlify.com/build_hooks/abc', debounceSeconds: 60, timeoutSeconds: 10 }, 'blog', false);
    expect(netlify.body).toBe('');
    expect(netlify.headers['content-type']).toBeUndefined();
    const custom = deployRequest({ url: 'https://hooks.example/x', debounceSeconds: 60, timeoutSeconds: 10, body: { ref: 'main' } }, 'blog', false);
    expect(custom.body).toBe('{"ref":"main"}');
  });
});
