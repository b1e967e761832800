/** `GET /api/v1/diagnose`: answers any origin, with the fix for a missing origin and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    config: { sites: [{ id: 'blog', origins: ['https://blog.example'], authorEmails: ['me@blog.example'] }] },
  });
});
afterAll(() => server.close());

const diagnose = (query: string, origin?: string) => server.api(`/api/v1/diagnose?${query}`, origin ? { headers: { origin } } : {});

describe('GET /api/v1/diagnose', () => {
  it('tells a page outside origins the exact fix, readable from that page', async () => {
    const response = await diagnose('site=blog', 'https://www.blog.example');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      site: 'blog',
      origin: 'https://www.blog.example',
      allowed: false,
      fix: 'add https://www.blog.example to origins of site blog in the Kommentar config, then restart the server',
    });
  });

  it('says allowed for a configured origin, and nothing more', async () => {
    const response = await diagnose('site=blog', 'https://blog.example');
    expect(await response.json()).toEqual({ site: 'blog', origin: 'https://blog.example', allowed: true });
  });

  it('an unknown site and a page without origin are diagnosed too', async () => {
    expect(((await (await diagnose('site=other', 'https://blog.example')).json()) as { fix: string }).fix).toContain('there is no site "other" on this server');
    expect(((await (await diagnose('site=blog', 'null')).json()) as { fix: string }).fix).toContain('this page has no origin');
  });

  it('an operator can ask with curl (origin=…); bad input is a 400 that any page can read', async () => {
    expect(((await (await diagnose(`site=blog&origin=${encodeURIComponent('http://localhost:8080')}`)).json()) as { fix: string }).fix).toContain('add http://localhost:8080 to origins');
    const missing = await diagnose('site=blog');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('origin');
    const bad = await diagnose('site=%3Cscript%3E', 'https://evil.example');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('gives out no configuration: no other origins, no author addresses', async () => {
    const body = await (await diagnose('site=blog', 'https://evil.example')).text();
    expect(body).not.toContain('https://blog.example');
    expect(body).not.toContain('me@blog.example');
  });
});
