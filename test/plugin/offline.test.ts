/**
 * Builds while the comment server is away: the site still builds (from the
 * cache, or without comments) with one warning, unless `strict` asks for a
 * failed build with a message that says why.
 */
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, commentNesting, page, startSeededServer, type SeededServer } from './helpers.js';

const BREAD = '/posts/sauerteig-ohne-dogma/';

let seeded: SeededServer;
/** A loopback address where nothing listens. */
let nobody: string;

beforeAll(async () => {
  seeded = await startSeededServer();
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  nobody = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => seeded?.close());
afterEach(() => vi.restoreAllMocks());

function kommentarWarnings(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith('[kommentar]'));
}

describe('a build without the comment server', () => {
  it('succeeds with empty threads and a working form, and warns exactly once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const output = await buildSite(seeded, 'down', { server: nobody });
    const warnings = kommentarWarnings(warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`could not reach ${nobody}`);
    expect(warnings[0]).toContain('building without comment data');

    const post = page(output, BREAD);
    expect(commentNesting(post).size).toBe(0);
    expect(post).toContain('<textarea name="body"');
    expect(page(output, '/archive/')).toContain(`<a href="${BREAD}">Sauerteig ohne Dogma</a>\n    <span class="meta">(0)</span>`);
    expect(page(output, '/dialogue/')).toContain('could not be reached and nothing was cached');
  });

  it.each([
    [{ site: 'nope' }, 'has no site "nope"'],
    [{ token: 'not-the-admin-token' }, 'refused the admin token for the full report'],
  ])('says what is wrong when the server refuses (%j)', async (settings, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await buildSite(seeded, `refused-${Object.keys(settings)[0]}`, settings);
    const warnings = kommentarWarnings(warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(message);
  });

  it('with strict: true fails the build and says what to do', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const build = buildSite(seeded, 'strict', { server: nobody, strict: true });
    await expect(build).rejects.toThrow(/\[kommentar\] could not reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. The "strict" option stops the build/);
  });

  it('falls back to the last answer it cached, and says from when', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cacheDirectory = `${seeded.dir}/fallback-cache`;
    const other = await startSeededServer();
    const server = other.server.url;
    const online = await buildSite(seeded, 'online', { server, cacheDirectory });
    expect(kommentarWarnings(warn)).toHaveLength(0);
    const comments = commentNesting(page(online, BREAD)).size;
    expect(comments).toBeGreaterThan(10);

    await other.close();
    const offline = await buildSite(seeded, 'offline', { server, cacheDirectory });
    const warnings = kommentarWarnings(warn);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`could not reach ${server}`);
    expect(warnings[0]).toMatch(/building with what was cached at \d{4}-\d\d-\d\dT/);
    expect(commentNesting(page(offline, BREAD)).size).toBe(comments);
    expect(page(offline, '/dialogue/')).toContain('could not be reached during this build');
  });
});
