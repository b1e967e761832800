/**
 * Shared by the plugin suites: a real server seeded with the example's demo
 * conversation, the example blog built against it into a temp folder, and
 * small readers for the built HTML.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExampleSite, type ExampleBuild } from '../../site-example/build-site.js';
import { seedIfEmpty } from '../../site-example/seed.js';
import { ensureBuilt } from '../helpers/process.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server.js';

export interface SeededServer {
  server: TestServer;
  /** A fresh temp folder for outputs and caches, removed by close(). */
  dir: string;
  close(): Promise<void>;
}

/** The example's demo conversation on a real server (dist/ is built first: the example imports kommentar/eleventy). */
export async function startSeededServer(options: TestServerOptions = {}): Promise<SeededServer> {
  ensureBuilt();
  const server = await startTestServer(options);
  await seedIfEmpty(server.ctx, server.ctx.config.sites[0]!);
  const dir = mkdtempSync(join(tmpdir(), 'kommentar-site-'));
  return {
    server,
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the example blog into `<dir>/<name>` with its own cache folder; returns the output folder. */
export async function buildSite(seeded: SeededServer, name: string, settings: Partial<ExampleBuild> = {}): Promise<string> {
  const output = join(seeded.dir, name);
  await buildExampleSite({
    output,
    server: seeded.server.url,
    site: 'example',
    cacheDirectory: join(seeded.dir, `${name}-cache`),
    cacheDuration: '0s',
    ...settings,
  });
  return output;
}

/** A built page by its URL path. */
export function page(output: string, path: string): string {
  return readFileSync(join(output, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

/**
 * For every `<li … id="comment-N">` in the HTML: the id of the comment item it
 * sits in, or null at the top. Counts `<li>` tags, which is all the nesting
 * the thread markup has.
 */
export function commentNesting(html: string): Map<number, number | null> {
  const open: Array<number | null> = [];
  const parents = new Map<number, number | null>();
  for (const [tag] of html.matchAll(/<li\b[^>]*>|<\/li>/g)) {
    if (tag === '</li>') {
      open.pop();
      continue;
    }
    const id = /\bid="comment-(\d+)"/.exec(tag);
    const enclosing = open.findLast((entry) => entry !== null) ?? null;
    if (id) parents.set(Number(id[1]), enclosing);
    open.push(id ? Number(id[1]) : null);
  }
  return parents;
}

/** The cells of the table row whose first cell mentions `needle`, as text. */
export function tableRow(html: string, needle: string): string[] {
  const row = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(needle));
  if (!row) throw new Error(`no table row with ${needle}`);
  return [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

/** Text of a chart figure's data table, row by row. */
export function tableRows(figure: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/.exec(figure)![1]!;
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!));
}

/** The key numbers of the dialogue page: label → value. */
export function numberGrid(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1]!, m[2]!]));
}

/** HTML text with the escapes our pages use turned back into characters. */
export function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
