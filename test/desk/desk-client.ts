/** A browser-like client for the desk over plain HTTP: keeps cookies, reads CSRF tokens from pages, posts forms. */
import { expect } from 'vitest';
import { outboxSummary } from '../../server/db/outbox.js';
import type { TestServer } from '../helpers/server.js';

export const DESK_PASSWORD = 'correct horse battery staple';

export class DeskClient {
  readonly cookies = new Map<string, string>();

  /** `headers` go with every request (a test gives each client its own X-Forwarded-For address). */
  constructor(
    private readonly server: Pick<TestServer, 'url'>,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(this.server.url + path, {
      redirect: 'manual',
      ...init,
      headers: { ...this.headers, ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GETs a page, expecting 200 HTML. */
  async page(path: string): Promise<string> {
    const response = await this.request(path);
    expect(response.status, `GET ${path}`).toBe(200);
    return response.text();
  }

  postForm(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  }

  /** Shows the login form and posts the password with the form's CSRF token. */
  async login(password = DESK_PASSWORD): Promise<Response> {
    const form = await this.page('/admin/login');
    return this.postForm('/admin/login', { csrf: csrfOf(form), password });
  }
}

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/** Waits (polling) until the outbox has nothing queued that is due. */
export async function outboxDrained(server: TestServer, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await outboxSummary(server.ctx.db)).queued > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not drain');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
