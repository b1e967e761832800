/**
 * The server's logs over a full session (comments with emails, an edit with
 * its token, the double opt-in, a reply email, the desk login, the admin
 * token, a deploy hook): one JSON line per request and per delivery, and
 * nowhere an email, a client IP, a token, a signed link's values, the
 * password or the secret.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/desk/password.js';
import { DESK_PASSWORD, DeskClient } from '../desk/desk-client.js';
import { startMailbox, type Mailbox } from '../desk/mailbox.js';
import { CLI, ensureBuilt, waitForExit } from '../helpers/process.js';
import { json } from '../helpers/server.js';

const SECRET = 'logs-test-secret-7f3a9c1e5b';
const ADMIN = 'logs-admin-token-2d8e6f4a0c';
const CLIENT_IP = '198.51.100.23';
const EMAILS = ['paula.reader@example.org', 'kim.replier@example.net', 'author.logs@blog.example'];

let dir: string;
let mailbox: Mailbox;
let hookReceiver: Server;
let hookCalls = 0;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-logs-'));
  mailbox = await startMailbox();
  hookReceiver = createServer((_request, response) => {
    hookCalls++;
    response.end();
  });
  await new Promise<void>((resolve) => hookReceiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await mailbox.close();
  await new Promise((resolve) => hookReceiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('logs', () => {
  it('log every request and delivery as JSON without anything that identifies a person or opens a door', async () => {
    const config = join(dir, 'kommentar.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        allowPrivateAddresses: true,
        adminPasswordHash: await hashPassword(DESK_PASSWORD),
        smtp: { host: '127.0.0.1', port: mailbox.port, from: 'Kommentar <comments@blog.example>', authorAddress: EMAILS[2] },
        sites: [{ id: 'blog', origins: ['https://blog.example'], deployHooks: [{ url: `http://127.0.0.1:${(hookReceiver.address() as AddressInfo).port}/build`, debounceSeconds: 0 }] }],
      }),
    );
    const child = spawn(process.execPath, [CLI, 'serve', '--workers', '1'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KOMMENTAR_CONFIG: config, KOMMENTAR_DB_URL: `file:${join(dir, 'k.db')}`, KOMMENTAR_SECRET: SECRET, KOMMENTAR_ADMIN_TOKEN: ADMIN, KOMMENTAR_TRUST_PROXY: '1', KOMMENTAR_RATE_LIMIT: '0', KOMMENTAR_LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => /listening on (http:\/\/\S+)/.exec(output)?.[1], { timeout: 20_000, interval: 50 }).toBeDefined();
    const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    const secrets: string[] = [SECRET, ADMIN, CLIENT_IP, DESK_PASSWORD, ...EMAILS];

    const visitor = { 'x-forwarded-for': CLIENT_IP };
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(`${url}/api/v1/comments`, json('POST', { site: 'blog', uri: '/posts/logs/', ...body }, visitor));
      expect(response.status).toBe(201);
      const answer = (await response.json()) as { comment: { id: number }; editToken: string };
      secrets.push(answer.editToken);
      return answer;
    };
    const first = await post({ body: 'A question worth answering.', name: 'Paula', email: EMAILS[0], notify: true });
    expect((await fetch(`${url}/api/v1/comments/${first.comment.id}`, json('PATCH', { body: 'A better question.' }, { ...visitor, 'x-edit-token': first.editToken }))).status).toBe(200);

    // The double opt-in, followed like a person: the link's page, then its button.
    const confirmation = await mailbox.waitFor((mail) => mail.to.includes(EMAILS[0]!) && mail.subject.startsWith('Confirm'));
    const link = /https?:\/\/\S+\/notifications\/confirm\?\S+/.exec(confirmation.text)![0];
    // The link's signed parts are secrets; its `lang` only picks the page's language.
    for (const [name, value] of new URL(link).searchParams) if (name !== 'lang') secrets.push(value);
    const confirmPage = await (await fetch(link, { headers: visitor })).text();
    const action = /<form[^>]* method="post" action="([^"]+)"/.exec(confirmPage)![1]!.replace(/&amp;/g, '&');
    expect((await fetch(new URL(action, link), { method: 'POST', headers: visitor })).status).toBe(200);

    await post({ body: 'An answer.', name: 'Kim', email: EMAILS[1], parentId: first.comment.id });
    await mailbox.waitFor((mail) => mail.to.includes(EMAILS[0]!) && mail.subject.includes('replied'));

    const desk = new DeskClient({ url }, visitor);
    expect((await desk.login()).status).toBe(303);
    for (const value of desk.cookies.values()) secrets.push(value);
    expect(await desk.page('/admin/deliveries')).toContain('sent');
    expect((await fetch(`${url}/api/v1/report?site=blog`, { headers: { ...visitor, authorization: `Bearer ${ADMIN}` } })).status).toBe(200);
    // Hostile requests: an address in the path, a token in the query.
    expect((await fetch(`${url}/${EMAILS[1]}`, { headers: visitor })).status).toBe(404);
    expect((await fetch(`${url}/api/v1/comments?site=blog&uri=/posts/logs/&token=${ADMIN}`, { headers: visitor })).status).toBe(200);
    await expect.poll(() => hookCalls, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
    await expect.poll(() => (output.match(/"msg":"delivery"[^\n]*"outcome":"sent"/g) ?? []).length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(4);

    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);

    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.msg === 'request');
    expect(requests.length).toBe(11); // every request this test made
    for (const entry of requests) expect(Object.keys(entry).sort()).toEqual(expect.arrayContaining(['level', 'method', 'ms', 'path', 'status', 'time']));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/comments', status: 201 }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', path: '/notifications/confirm', query: { a: '[removed]', sig: '[removed]', lang: '[removed]' }, status: 200 }));
    expect(requests).toContainEqual(expect.objectContaining({ path: '/api/v1/comments', query: { site: 'blog', uri: '/posts/logs/', token: '[removed]' } }));
    expect(requests).toContainEqual(expect.objectContaining({ path: '/[email]', status: 404 }));
    const deliveries = entries.filter((entry) => entry.msg === 'delivery');
    expect(deliveries).toContainEqual(expect.objectContaining({ kind: 'email', topic: 'confirm', outcome: 'sent' }));
    expect(deliveries).toContainEqual(expect.objectContaining({ kind: 'email', topic: 'reply', outcome: 'sent' }));
    expect(deliveries).toContainEqual(expect.objectContaining({ kind: 'webhook', outcome: 'sent' }));

    for (const secret of secrets) expect(output.includes(secret), `the logs contain ${secret}`).toBe(false);
    expect(output).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
