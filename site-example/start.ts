/**
 * `npm start` (and `kommentar serve --example`, which bin/kommentar.js routes here): the comment server and the
 * example blog together on one port. Seeds a demo conversation into an empty
 * database, builds the blog with Eleventy, serves it beside the API, and
 * rebuilds it a few seconds after every new public comment, so counts and
 * dialogue pages follow what readers write.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../server/config.js';
import { hashPassword } from '../server/desk/password.js';
import { serveEnv } from '../server/cli/serve.js';
import { startServer, type RunningServer } from '../server/server.js';
import { EXAMPLE_DIR } from './example-dir.js';
import { seedIfEmpty } from './seed.js';

/** Quiet time after the last new comment before the blog is rebuilt. */
const REBUILD_DELAY_MS = 2000;

export interface RunningExample {
  server: RunningServer;
  /** A password for the desk made up for this run, when none is configured. */
  deskPassword: string | undefined;
  close(): Promise<void>;
}

/** The example's config: its kommentar.config.json (formRedirect "thread") unless KOMMENTAR_CONFIG names another. */
export function exampleConfig(env: NodeJS.ProcessEnv): Config {
  const config = loadConfig({ KOMMENTAR_CONFIG: join(EXAMPLE_DIR, 'kommentar.config.json'), ...env });
  config.staticRoot = resolve(config.staticRoot ?? join(EXAMPLE_DIR, '_site'));
  return config;
}

/** Builds serially and debounced: comments arriving during a build lead to exactly one more build after it. */
function rebuilder(build: () => Promise<void>) {
  let running: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    const started = Date.now();
    try {
      await build();
      console.log(`[example] site rebuilt in ${Date.now() - started} ms`);
    } catch (error) {
      console.error(`[example] rebuild failed: ${(error as Error).message}`);
    }
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(run);
      }, REBUILD_DELAY_MS);
    },
    stop() {
      clearTimeout(timer);
      return running;
    },
  };
}

/**
 * A newcomer should see the desk too: without a configured password, this run
 * gets one of its own, passed on as KOMMENTAR_ADMIN_PASSWORD_HASH (so several
 * workers all accept it).
 */
export async function prepareExampleEnv(env: NodeJS.ProcessEnv): Promise<{ env: NodeJS.ProcessEnv; deskPassword: string | undefined }> {
  if (exampleConfig(env).adminPasswordHash) return { env, deskPassword: undefined };
  const deskPassword = randomBytes(9).toString('base64url');
  return { env: { ...env, KOMMENTAR_ADMIN_PASSWORD_HASH: await hashPassword(deskPassword) }, deskPassword };
}

/** How often the blog looks for changed comments (made by this process or by any other worker). */
const WATCH_MS = 500;

export async function startExample(given: NodeJS.ProcessEnv = process.env): Promise<RunningExample> {
  const { env, deskPassword } = await prepareExampleEnv(given);
  const config = exampleConfig(env);
  mkdirSync(config.staticRoot!, { recursive: true });
  const server = await startServer(config);
  const site = config.sites.find((s) => s.id === 'example') ?? config.sites[0]!;
  const seeded = await seedIfEmpty(server.ctx, site);
  if (seeded > 0) console.log(`[example] seeded ${seeded} demo comments into the empty database`);

  // Eleventy is loaded only here: the other workers and the primary never build.
  const { buildExampleSite } = await import('./build-site.js');
  // Every build asks the server (cache duration 0); an unchanged answer costs a 304.
  const build = () =>
    buildExampleSite({ output: config.staticRoot!, server: config.publicUrl, site: site.id, cacheDuration: '0s', cacheDirectory: env.KOMMENTAR_CACHE_DIR });
  const started = Date.now();
  await build();
  console.log(`[example] site built in ${Date.now() - started} ms`);

  const rebuilds = rebuilder(build);
  // Comments may arrive through any worker, so the blog follows the database's change
  // generation rather than this process's events; a pending comment costs a needless build.
  let seen = await server.ctx.changes.generation();
  const watch = setInterval(() => {
    void server.ctx.changes.generation().then((generation) => {
      if (generation === seen) return;
      seen = generation;
      rebuilds.schedule();
    }, () => undefined);
  }, WATCH_MS);

  return {
    server,
    deskPassword,
    async close() {
      clearInterval(watch);
      await rebuilds.stop();
      await server.close();
    },
  };
}

export function printUrls(url: string, deskPassword: string | undefined): void {
  console.log(
    [
      '',
      'Kommentar and the example blog are running:',
      `  blog             ${url}/`,
      `  dialogue report  ${url}/dialogue/`,
      `  author's desk    ${url}/admin${deskPassword ? `   (password for this run: ${deskPassword})` : ''}`,
      `  threads API      ${url}/api/v1/threads?site=example`,
      '',
      'Write a comment under any post: the blog rebuilds a few seconds later. Ctrl+C stops.',
    ].join('\n'),
  );
}

/** Runs until SIGINT or SIGTERM; the exit code for the CLI. */
export async function runExample(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const example = await startExample(env);
  printUrls(example.server.ctx.config.publicUrl, example.deskPassword);
  await new Promise<void>((resolveStop) => {
    const stop = (signal: string) => {
      console.log(`${signal}: stopping.`);
      example.close().then(resolveStop, resolveStop);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

/** `kommentar serve --example [--port N] [--host H]`, routed here by bin/kommentar.js: runs and returns the exit code. */
export async function exampleCommand(argv: string[]): Promise<number> {
  try {
    return await runExample(serveEnv(argv));
  } catch (error) {
    const err = error as Error & { code?: string };
    console.error(`kommentar serve: ${err.message.split('\n')[0]}`);
    return err.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runExample().then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(`kommentar example: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
