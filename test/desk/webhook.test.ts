import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxSummary, type OutboxSummary } from '../../server/db/outbox.js';
import { isPublicAddress, resolveCheckedAddress } from '../../server/notify/ssrf-guard.js';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

const SECRET = 'webhook-secret-0123456789abcdef';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** How the receiver answers the next calls. */
let mode: 'ok' | 'redirect' | 'hang' = 'ok';

let open: TestServer;
let guarded: TestServer;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (mode === 'hang') return;
      if (mode === 'redirect') response.writeHead(302, { location: '/elsewhere' }).end();
      else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const site = { id: 'blog', origins: ['https://blog.example'] };
  open = await startTestServer({ config: { sites: [site], webhook: { url: receiverUrl, secret: SECRET, timeoutMs: 300, allowPrivateAddresses: true } } });
  guarded = await startTestServer({ config: { sites: [site], webhook: { url: receiverUrl.replace('127.0.0.1', 'localhost'), secret: SECRET } } });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function comment(server: TestServer, body: string): Promise<number> {
  const response = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/hooked/', body, name: 'Rita', email: 'rita@example.org', notify: true }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

async function outboxUntil(server: TestServer, done: (summary: OutboxSummary) => boolean): Promise<OutboxSummary> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const summary = await outboxSummary(server.ctx.db);
    if (done(summary)) return summary;
    if (Date.now() > deadline) throw new Error(`outbox never reached the expected state: ${JSON.stringify(summary)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('webhook', () => {
  it('posts new comments as signed JSON, without private data', async () => {
    const id = await comment(open, 'Hook me');
    await outboxUntil(open, (s) => s.sent === 1);
    expect(received).toHaveLength(1);
    const call = received[0]!;
    expect(call.path).toBe('/hook');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['x-kommentar-event']).toBe('comment.created');
    expect(call.headers['x-kommentar-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(call.body).digest('hex')}`);
    const payload = JSON.parse(call.body) as { event: string; site: string; url: string; comment: { id: number; status: string; name: string } };
    expect(payload).toMatchObject({ event: 'comment.created', site: 'blog', url: `https://blog.example/hooked/#comment-${id}` });
    expect(payload.comment).toMatchObject({ id, status: 'approved', name: 'Rita' });
    expect(call.body).not.toContain('rita@example.org');
    expect(call.body).not.toMatch(/commenterKey|editToken/);
  });

  it('does not follow redirects, and gives up on them at once', async () => {
    mode = 'redirect';
    await comment(open, 'Redirect me');
    const summary = await outboxUntil(open, (s) => s.failed === 1);
    expect(summary.problems[0]!.lastError).toContain('redirects are not followed');
    expect(received.map((r) => r.path)).toEqual(['/hook', '/hook']);
  });

  it('times out a receiver that does not answer and keeps the call for a retry', async () => {
    mode = 'hang';
    await comment(open, 'Wait for me');
    const summary = await outboxUntil(open, (s) => s.problems.some((p) => p.status === 'queued'));
    expect(summary.problems.find((p) => p.status === 'queued')!.lastError).toBe('no answer within 300 ms');
    mode = 'ok';
  });

  it('refuses a loopback target unless private addresses are allowed', async () => {
    const before = received.length;
    await comment(guarded, 'Do not reach inside');
    const summary = await outboxUntil(guarded, (s) => s.failed === 1);
    expect(summary.problems[0]!.lastError).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
    expect(received.length).toBe(before);
  });
});

describe('SSRF guard', () => {
  it('knows which addresses are not public', () => {
    const inside = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
      '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'ff02::1'];
    const outside = ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'];
    expect(inside.filter(isPublicAddress)).toEqual([]);
    expect(outside.filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  it('judges IPv6 forms that carry an IPv4 address by that address (compatible, mapped, NAT64, 6to4, Teredo)', () => {
    const inside = [
      '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::ffff:0:127.0.0.1', // IPv4-compatible and SIIT forms
      '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::192.168.0.1', // NAT64 well-known prefix
      '64:ff9b:1::5db8:d822', // local-use NAT64: never global, whatever it embeds
      '2002:7f00:1::', '2002:a00:1::1', '2002:c0a8:101::', // 6to4 of loopback and private networks
      '2001:0:7f00:1::1', '2001:0:5db8:d822:0:0:f5ff:fffe', // Teredo: loopback server; client 10.0.0.1 (bits flipped)
      '2001:db8::1', '100::1', '::ffff:169.254.169.254', '192.0.2.1', '198.18.0.1', '255.255.255.255',
    ];
    const outside = ['64:ff9b::5db8:d822', '2002:5db8:d822::1', '2001:0:5db8:d822:0:0:a247:27dd', '::ffff:1.1.1.1'];
    expect(inside.filter(isPublicAddress)).toEqual([]);
    expect(outside.filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  it('refuses the review\'s bypasses as webhook targets', async () => {
    await expect(resolveCheckedAddress('[::127.0.0.1]', false)).rejects.toThrow(/not a public address/);
    await expect(resolveCheckedAddress('[64:ff9b::7f00:1]', false)).rejects.toThrow(/not a public address/);
    expect((await resolveCheckedAddress('[64:ff9b::7f00:1]', true)).address).toBe('64:ff9b::7f00:1');
  });

  it('checks every address a name resolves to, and IP literals too', async () => {
    await expect(resolveCheckedAddress('localhost', false)).rejects.toThrow(/not a public address/);
    await expect(resolveCheckedAddress('[::1]', false)).rejects.toThrow(/::1/);
    await expect(resolveCheckedAddress('169.254.169.254', false)).rejects.toThrow(/not a public address/);
    expect(await resolveCheckedAddress('127.0.0.1', true)).toEqual({ address: '127.0.0.1', family: 4 });
    expect(await resolveCheckedAddress('1.1.1.1', false)).toEqual({ address: '1.1.1.1', family: 4 });
  });
});
