/** The API answers browsers on the configured origins, and only those. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { sites: [{ id: 'blog', origins: ['https://blog.example'] }] } });
});
afterAll(() => server.close());

describe('CORS', () => {
  it('lets the blog read a thread and its ETag', async () => {
    const response = await server.api('/api/v1/comments?site=blog&uri=/p/', { headers: { origin: 'https://blog.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://blog.example');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives another origin no CORS headers', async () => {
    const response = await server.api('/api/v1/comments?site=blog&uri=/p/', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of a JSON post from the blog, and not from elsewhere', async () => {
    const preflight = (origin: string) =>
      server.api('/api/v1/comments', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('https://blog.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://blog.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the server under its own loopback address', () => {
  // With no publicUrl set, a reader may open the server's own pages (the example blog) as localhost or 127.0.0.1.
  const post = (origin: string) => server.api('/api/v1/comments', json('POST', { site: 'blog', uri: '/p/', author: 'Ann', body: 'Hello' }, { origin }));

  it('takes a comment from either loopback name on its own port', async () => {
    const { port } = new URL(server.url);
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const response = await post(origin);
      expect(response.status, origin).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('refuses the same names on another port', async () => {
    const other = Number(new URL(server.url).port) + 1;
    const response = await post(`http://localhost:${other}`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden_origin');
  });
});
