/**
 * A real Kommentar server for a test file: a fresh libSQL database file in a
 * temp dir, the real HTTP stack on an ephemeral loopback port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { listSiteComments } from '../../server/db/comments.js';
import { startServer, type RunningServer } from '../../server/server.js';

export interface TestServer extends RunningServer {
  dir: string;
  /** fetch against the server; JSON answers are kept in `responses` for privacy scans. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Every JSON answer this server gave through `api`. */
  responses: RecordedResponse[];
}

export interface RecordedResponse {
  method: string;
  path: string;
  body: string;
}

export interface TestServerOptions {
  /** The JSON config file's content (sites, smtp, …). */
  config?: Record<string, unknown>;
  env?: Record<string, string>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-test-'));
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    KOMMENTAR_DB_URL: `file:${join(dir, 'kommentar.db')}`,
    KOMMENTAR_RATE_LIMIT: '0',
    KOMMENTAR_ADMIN_TOKEN: ADMIN_TOKEN,
    // Request and delivery lines would bury the test output; the logs test asks for them.
    KOMMENTAR_LOG_LEVEL: 'warn',
    ...options.env,
  };
  if (options.config) {
    const path = join(dir, 'kommentar.config.json');
    writeFileSync(path, JSON.stringify(options.config));
    env.KOMMENTAR_CONFIG = path;
  }
  const server = await startServer(loadConfig(env));
  const responses: RecordedResponse[] = [];
  return {
    ...server,
    dir,
    responses,
    async api(path, init) {
      const response = await fetch(server.url + path, { redirect: 'manual', ...init });
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        responses.push({ method: init?.method ?? 'GET', path, body: await response.clone().text() });
      }
      return response;
    },
    async close() {
      await assertNoPrivateData(server, responses);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON POST/PATCH helper. */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * Scans every JSON answer of a test server for what must never be public:
 * stored emails, commenter keys, edit-token hashes, the secret, the client IP,
 * and (outside the writer's own create/edit answers) edit tokens.
 */
async function assertNoPrivateData(server: RunningServer, responses: RecordedResponse[]): Promise<void> {
  const statuses = ['approved', 'pending', 'spam', 'deleted'] as const;
  const rows = (await Promise.all(server.ctx.config.sites.map((site) => listSiteComments(server.ctx.db, site.id, [...statuses])))).flat();
  const secrets = new Set<string>([server.ctx.secret, '127.0.0.1']);
  for (const row of rows) for (const value of [row.email, row.commenterKey, row.editTokenHash]) if (value) secrets.add(value);
  const tokens = responses.flatMap((r) => [...r.body.matchAll(/"editToken":"([^"]+)"/g)].map((m) => m[1]!));
  for (const response of responses) {
    const forbidden = response.method === 'POST' ? [...secrets] : [...secrets, ...tokens];
    const leaked = forbidden.find((value) => response.body.includes(value));
    if (leaked) throw new Error(`private data leaked in ${response.method} ${response.path}: ${leaked.slice(0, 12)}…`);
  }
}

/** An answer as it came over the wire. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET, so headers and body arrive exactly as sent (fetch would decompress the body). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}
