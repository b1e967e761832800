/**
 * What a newcomer gets from `npm start` / `kommentar serve --example`: the
 * blog and the comment server on one port, a seeded demo conversation, and a
 * blog that rebuilds itself after a new comment.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startExample } from '../../site-example/start.js';
import { CLI, ensureBuilt, waitForExit } from '../helpers/process.js';

let dir: string;
const env = () => ({
  PORT: '0',
  HOST: '127.0.0.1',
  KOMMENTAR_DB_URL: `file:${join(dir, 'kommentar.db')}`,
  KOMMENTAR_STATIC_ROOT: join(dir, 'site'),
  KOMMENTAR_CACHE_DIR: join(dir, 'cache'),
  KOMMENTAR_RATE_LIMIT: '0',
  KOMMENTAR_LOG_LEVEL: 'warn',
});

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'kommentar-example-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.text();
}

describe('the example', () => {
  it('seeds an empty database once, serves blog and dialogue page, and rebuilds after a comment', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const example = await startExample(env());
    const url = example.server.url;
    let total = 0;
    try {
      expect(log.mock.calls.some((call) => /seeded \d+ demo comments/.test(String(call[0])))).toBe(true);
      const { threads } = (await (await fetch(`${url}/api/v1/threads?site=example`)).json()) as { threads: Array<{ uri: string; count: number }> };
      expect(threads).toHaveLength(5);
      total = threads.reduce((sum, t) => sum + t.count, 0) + 1;
      expect(await text(`${url}/`)).toContain('<a class="brand" href="/">Küchentisch</a>');
      expect(await text(`${url}/dialogue/`)).toContain('<dl class="kommentar-numbers">');

      const rain = threads.find((t) => t.uri === '/posts/vom-gehen-im-regen/')!;
      const created = await fetch(`${url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ site: 'example', uri: rain.uri, body: 'Heute im Regen gewesen, wegen dieses Textes.', name: 'Paula' }),
      });
      expect(created.status).toBe(201);
      await expect
        .poll(async () => /<h2 class="k-count">(\d+) Kommentare<\/h2>/.exec(await text(`${url}${rain.uri}`))?.[1], { timeout: 15_000, interval: 250 })
        .toBe(String(rain.count + 1));
      // The blog's own navigation and footer speak the page's language, as the widget inside it does.
      const rainPage = await text(`${url}${rain.uri}`);
      expect(rainPage).toContain('<a href="/archive/">Archiv</a>');
      expect(rainPage).toContain('Kommentare mit Kommentar, ohne Tracking.');
      expect(await text(`${url}/`)).toContain('<a href="/archive/">Archive</a>');
    } finally {
      await example.close();
      log.mockRestore();
    }

    // A second start on the same database keeps what is there.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const again = await startExample(env());
    try {
      const { threads } = (await (await fetch(`${again.server.url}/api/v1/threads?site=example`)).json()) as { threads: Array<{ count: number }> };
      expect(threads.reduce((sum, t) => sum + t.count, 0)).toBe(total);
    } finally {
      await again.close();
      vi.restoreAllMocks();
    }
  });

  it('runs as `kommentar serve --example`, prints its URLs and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--example'], { env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The default is one worker per core: a primary and its workers start before the URLs appear.
    await expect.poll(() => /dialogue report\s+(http:\S+)/.exec(output)?.[1], { timeout: 50_000, interval: 100 }).toBeDefined();
    const dialogue = /dialogue report\s+(http:\S+)/.exec(output)![1]!;
    expect(output).toMatch(/blog\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(await text(dialogue)).toContain('Dialogue');
    child.kill('SIGTERM');
    expect(await waitForExit(child)).toBe(0);
  }, 60_000);
});
