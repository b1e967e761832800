/**
 * A real Kommentar server for a test file: a fresh libSQL database file in a
 * temp dir, the real HTTP stack on an ephemeral loopback port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/server.js';

export interface TestServer extends RunningServer {
  dir: string;
  /** fetch against the server; JSON answers are kept in `responses` for privacy scans. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Every JSON body this server answered through `api`. */
  responses: string[];
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
    ...options.env,
  };
  if (options.config) {
    const path = join(dir, 'kommentar.config.json');
    writeFileSync(path, JSON.stringify(options.config));
    env.KOMMENTAR_CONFIG = path;
  }
  const server = await startServer(loadConfig(env));
  const responses: string[] = [];
  return {
    ...server,
    dir,
    responses,
    async api(path, init) {
      const response = await fetch(server.url + path, { redirect: 'manual', ...init });
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        const text = await response.clone().text();
        responses.push(text);
      }
      return response;
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** JSON POST/PATCH helper. */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
