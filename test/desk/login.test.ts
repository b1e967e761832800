import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/process.js';
import { ADMIN_TOKEN, json, startTestServer, type TestServer } from '../helpers/server.js';
import { csrfOf, DESK_PASSWORD, DeskClient } from './desk-client.js';

let server: TestServer;
let configFile: Record<string, unknown>;
let nextAddress = 1;
/** Each client comes from its own address (the server trusts X-Forwarded-For here), so throttling stays per test. */
const client = () => new DeskClient(server, { 'x-forwarded-for': `198.51.100.${nextAddress++}` });

beforeAll(async () => {
  // The password comes from the real `kommentar set-password`, fed on stdin, into a config that already has keys.
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-set-password-'));
  const path = join(dir, 'kommentar.config.json');
  writeFileSync(path, JSON.stringify({ sites: [{ id: 'blog', origins: ['https://blog.example'], moderation: 'all' }], trustProxy: true }));
  execFileSync(process.execPath, [CLI, 'set-password'], { input: `${DESK_PASSWORD}\n`, env: { ...process.env, KOMMENTAR_CONFIG: path } });
  configFile = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  rmSync(dir, { recursive: true, force: true });
  server = await startTestServer({ config: configFile });
});
afterAll(() => server.close());

describe('kommentar set-password', () => {
  it('adds a salted scrypt hash to the config and keeps the other keys', () => {
    expect(configFile.adminPasswordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(configFile.adminPasswordHash).not.toContain(DESK_PASSWORD);
    expect(configFile.sites).toEqual([{ id: 'blog', origins: ['https://blog.example'], moderation: 'all' }]);
    expect(configFile.trustProxy).toBe(true);
  });

  it('refuses a too short password with exit code 2 and a one-line reason', () => {
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(process.execPath, [CLI, 'set-password'], { input: 'short\n', env: { ...process.env, KOMMENTAR_CONFIG: join(tmpdir(), 'never-written.json') }, stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr.toString().trim().split('\n')).toHaveLength(1);
  });
});

describe('desk login', () => {
  it('sends a visitor who is not logged in to the login form', async () => {
    const desk = client();
    const response = await desk.request('/admin');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/login');
    const form = await desk.page('/admin/login');
    expect(form).toContain('action="/admin/login"');
    expect(form).toContain('name="password"');
  });

  it('logs in with the password set by the CLI, with a safe session cookie', async () => {
    const desk = client();
    const wrong = await desk.login('not the password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That is not the password.');

    const right = await desk.login();
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/admin');
    const cookie = right.headers.getSetCookie().find((line) => line.startsWith('kommentar_desk='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; https adds Secure
    expect(await desk.page('/admin')).toContain('Addressed to you, no reply yet');
  });

  it('throttles guessing: the sixth try in 15 minutes is refused even with the right password, other addresses are not', async () => {
    const attacker = client();
    for (let i = 0; i < 5; i++) expect((await attacker.login(`guess ${i}`)).status).toBe(401);
    const blocked = await attacker.login();
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/Too many login attempts from your address\. Try again in 15 minutes\./);
    expect(attacker.cookies.has('kommentar_desk')).toBe(false);

    expect((await client().login()).status).toBe(303);

    const realNow = server.ctx.now;
    server.ctx.now = () => realNow() + 15 * 60_000 + 1000;
    try {
      expect((await attacker.login()).status).toBe(303);
    } finally {
      server.ctx.now = realNow;
    }
  });

  it('refuses a login form without its CSRF token', async () => {
    const desk = client();
    await desk.page('/admin/login');
    const response = await desk.postForm('/admin/login', { password: DESK_PASSWORD });
    expect(response.status).toBe(403);
    expect(desk.cookies.has('kommentar_desk')).toBe(false);
  });

  it('refuses a desk form without its CSRF token (403) and changes nothing', async () => {
    const created = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/csrf/', body: 'Waiting in the queue' }));
    expect(created.status).toBe(202);
    const { comment } = (await created.json()) as { comment: { id: number } };
    const desk = client();
    await desk.login();
    const token = csrfOf(await desk.page('/admin/moderation'));

    const missing = await desk.postForm('/admin/moderation', { site: 'blog', act: `approve:${comment.id}` });
    expect(missing.status).toBe(403);
    const forged = await desk.postForm('/admin/moderation', { site: 'blog', act: `approve:${comment.id}`, csrf: `${token.slice(0, -2)}xx` });
    expect(forged.status).toBe(403);
    const thread = await (await server.api('/api/v1/comments?site=blog&uri=/csrf/')).json();
    expect(thread).toEqual({ comments: [] });

    const withToken = await desk.postForm('/admin/moderation', { site: 'blog', act: `approve:${comment.id}`, csrf: token });
    expect(withToken.status).toBe(303);
    const after = (await (await server.api('/api/v1/comments?site=blog&uri=/csrf/')).json()) as { comments: unknown[] };
    expect(after.comments).toHaveLength(1);
  });

  it('refuses an expired session', async () => {
    const desk = client();
    await desk.login();
    expect((await desk.request('/admin')).status).toBe(200);
    const realNow = server.ctx.now;
    server.ctx.now = () => realNow() + 12 * 60 * 60_000 + 60_000;
    try {
      const expired = await desk.request('/admin');
      expect(expired.status).toBe(303);
      expect(expired.headers.get('location')).toBe('/admin/login');
    } finally {
      server.ctx.now = realNow;
    }
  });

  it('logs out for good: the old cookie no longer opens the desk', async () => {
    const desk = client();
    await desk.login();
    const stolen = desk.cookies.get('kommentar_desk')!;
    const page = await desk.page('/admin');
    expect((await desk.postForm('/admin/logout', {})).status).toBe(403);
    const out = await desk.postForm('/admin/logout', { csrf: csrfOf(page) });
    expect(out.status).toBe(303);
    expect(desk.cookies.has('kommentar_desk')).toBe(false);
    const replay = await fetch(`${server.url}/admin`, { redirect: 'manual', headers: { cookie: `kommentar_desk=${stolen}` } });
    expect(replay.status).toBe(303);
  });

  it('sends strict headers on desk pages', async () => {
    const desk = client();
    await desk.login();
    const response = await desk.request('/admin');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).not.toContain('<script');
  });

  it('lets a desk session and the admin token write as the author; the token also opens the desk', async () => {
    const desk = client();
    await desk.login();
    const asAuthor = await desk.request('/api/v1/comments', json('POST', { site: 'blog', uri: '/author/', body: 'From the desk' }));
    expect(asAuthor.status).toBe(201);
    expect(((await asAuthor.json()) as { comment: { isAuthor: boolean } }).comment.isAuthor).toBe(true);
    const stranger = await server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/author/', body: 'From outside' }));
    expect(((await stranger.json()) as { comment: { isAuthor: boolean } }).comment.isAuthor).toBe(false);

    const scripted = await fetch(`${server.url}/admin/deliveries`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(scripted.status).toBe(200);
    const wrongToken = await fetch(`${server.url}/admin/deliveries`, { headers: { authorization: 'Bearer nope' } });
    expect(wrongToken.status).toBe(401);
  });
});
