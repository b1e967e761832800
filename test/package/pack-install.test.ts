/**
 * The two packages as a blogger gets them: `npm pack` of both (prepack builds dist/),
 * installed from the tarballs with production dependencies only into fresh folders
 * outside the repository. The server starts from the installed `kommentar` (the
 * container's install and start steps, without Docker), takes a comment, and a small
 * Eleventy site built with the installed `eleventy-plugin-kommentar` prerenders it.
 * The README's "Add Kommentar to your blog" uses these same commands.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilListening } from '../helpers/process.js';

const root = resolve(import.meta.dirname, '../..');
const pluginDir = join(root, 'packages', 'eleventy-plugin-kommentar');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; a failure is a result, not an exception. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return promisify(execFile)(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function mustRun(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** `npm pack` into `dest`; returns the tarball's path. */
async function pack(dir: string, dest: string): Promise<string> {
  const [info] = JSON.parse(await mustRun('npm', ['pack', '--json', '--pack-destination', dest], dir, { KOMMENTAR_QUIET_BUILD: '1' })) as { filename: string; files: { path: string }[] }[];
  return join(dest, info!.filename);
}

// --prefer-offline: npm's cache answers without asking the registry again, so repeat runs are quick.
const npmInstall = (cwd: string, ...args: string[]) => mustRun('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', ...args], cwd);

/** Names of the packages installed in `folder`'s node_modules (one level, scopes expanded). */
function installed(folder: string): string[] {
  const output = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  return Object.keys(output.packages).map((path) => path.replace(/^.*node_modules\//, ''));
}

/** The config the README's "Add Kommentar to your blog" shows. */
const README_CONFIG = {
  publicUrl: 'https://comments.blog.example',
  sites: [{ id: 'blog', title: 'My blog', origins: ['https://blog.example'], moderation: 'none' }],
};

/** The installed server's environment: the image's (data folder, host, port) on a loopback ephemeral port. */
const serverEnv = (): Record<string, string> => ({ PORT: '0', HOST: '127.0.0.1', KOMMENTAR_DATA_DIR: dataDir, KOMMENTAR_RATE_LIMIT: '0' });

/** Each test starts npm, npx or Eleventy processes: slow on a loaded two-core machine, so more than vitest's default. */
const PROCESS_TIMEOUT = 120_000;

let work: string;
let serverTarball: string;
let pluginTarball: string;
let serverFolder: string;
let siteFolder: string;
let server: ChildProcess | undefined;
let serverUrl: string;
let dataDir: string;

/** `npx kommentar serve` in the install folder, as its own process group so npx and node stop together. */
function startInstalledServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('npx', ['kommentar', 'serve'], { cwd: serverFolder, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return untilListening(child);
}

function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kommentar-pack-'));
  // One pack per package and run; both prepack scripts build, so pack one after the other.
  serverTarball = await pack(root, work);
  pluginTarball = await pack(pluginDir, work);
  serverFolder = join(work, 'server');
  siteFolder = join(work, 'site');
  mkdirSync(serverFolder);
  mkdirSync(siteFolder);
  // What `npm init -y` would write (a site with an ESM eleventy.config.js says "type": "module").
  writeFileSync(join(serverFolder, 'package.json'), JSON.stringify({ name: 'comments', private: true }));
  writeFileSync(join(siteFolder, 'package.json'), JSON.stringify({ name: 'blog', private: true, type: 'module' }));
  // The site first gets the plugin without its peer (checked below), then Eleventy beside it.
  await Promise.all([npmInstall(serverFolder, serverTarball), npmInstall(siteFolder, '--omit=peer', pluginTarball)]);

  dataDir = join(work, 'data');
  // The README's config, found as ./kommentar.config.json in the install folder.
  writeFileSync(join(serverFolder, 'kommentar.config.json'), JSON.stringify(README_CONFIG, null, 2));
  const started = await startInstalledServer(serverEnv());
  server = started.child;
  serverUrl = started.url;
}, 240_000);

afterAll(async () => {
  await stopGroup(server);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed kommentar package', { timeout: PROCESS_TIMEOUT }, () => {
  it('ships the built server, widget, plugin and types, and no sources, tests or example', async () => {
    const files = (await mustRun('tar', ['-tzf', serverTarball], work)).split('\n');
    for (const file of ['package/bin/kommentar.js', 'package/dist/server/cli/main.js', 'package/dist/widget/widget.js', 'package/dist/plugin/index.js', 'package/dist/plugin/index.d.ts', 'package/LICENSE']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((file) => /site-example|bench|\.map$|\.test\./.test(file))).toEqual([]);
  });

  it('runs from a production install: --version, /healthz, a comment, and the secret and database in KOMMENTAR_DATA_DIR', async () => {
    const version = await mustRun('npx', ['kommentar', '--version'], serverFolder);
    expect(version.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);

    expect(installed(serverFolder)).not.toContain('@11ty/eleventy');
    expect((await fetch(`${serverUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${serverUrl}/widget.js`)).status).toBe(200);
    const posted = await fetch(`${serverUrl}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://blog.example' },
      body: JSON.stringify({ site: 'blog', uri: '/posts/hello/', name: 'Ada', body: 'Installed from the **tarball** and it works.' }),
    });
    expect(posted.status).toBe(201);
    expect(existsSync(join(dataDir, 'kommentar.db'))).toBe(true);
    expect(statSync(join(dataDir, 'secret')).mode & 0o077).toBe(0);
  });

  it('kommentar check on the README config: warnings only, exit 0', async () => {
    const result = await run('npx', ['kommentar', 'check'], serverFolder, { ...serverEnv(), KOMMENTAR_DATA_DIR: join(work, 'fresh') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning: no desk password');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('all good, with 3 warnings above');
  });

  it("the Dockerfile installs the packed tarball for production, runs as non-root on 0.0.0.0 with /data, and its HEALTHCHECK passes", async () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.map((stage) => stage.split(/\s/)[0])).toEqual(['node:20-slim', 'node:20-slim']);
    const final = stages[1]!;
    expect(final).toMatch(/npm install --omit=dev .*\/tmp\/kommentar\.tgz/);
    expect(final).toMatch(/HOST=0\.0\.0\.0/);
    expect(final).toMatch(/KOMMENTAR_DATA_DIR=\/data/);
    expect(final).toMatch(/^VOLUME \/data$/m);
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^CMD \["kommentar", "serve"\]$/m);
    const healthcheck = /^HEALTHCHECK[^\n]*\\\n\s*CMD (.*)$/m.exec(final)?.[1];
    expect(healthcheck).toContain('/healthz');
    const port = new URL(serverUrl).port;
    expect((await run('sh', ['-c', healthcheck!], serverFolder, { PORT: port })).code).toBe(0);
    expect((await run('sh', ['-c', healthcheck!], serverFolder, { PORT: '9' })).code).toBe(1);
  });

  it('imports old comments into the running server from the installed CLI', async () => {
    const wxr = join(root, 'test', 'fixtures', 'import', 'wordpress-com.xml');
    const output = await mustRun('npx', ['kommentar', 'import', 'wordpress', wxr, '--site', 'blog'], serverFolder, serverEnv());
    expect(output).toContain('posts:      2 (2 new)');
    const thread = (await (await fetch(`${serverUrl}/api/v1/comments?site=blog&uri=/2012/01/03/template-comments/`)).json()) as { comments: unknown[] };
    expect(thread.comments).toHaveLength(3);
  });

  it('refuses --example outside the repository with one line and exit 2', async () => {
    const result = await run('npx', ['kommentar', 'serve', '--example'], serverFolder);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the packed eleventy-plugin-kommentar package', { timeout: PROCESS_TIMEOUT }, () => {
  it('installs without the server, its database driver, HTTP server or mail', () => {
    const names = installed(siteFolder);
    expect(names).toContain('eleventy-plugin-kommentar');
    for (const server of ['kommentar', '@libsql/client', 'libsql', 'hono', '@hono/node-server', 'nodemailer', 'sanitize-html', 'marked']) {
      expect(names).not.toContain(server);
    }
    const pkg = JSON.parse(readFileSync(join(siteFolder, 'node_modules', 'eleventy-plugin-kommentar', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.keywords).toContain('eleventy-plugin');
    expect(pkg.peerDependencies).toEqual({ '@11ty/eleventy': '>=3' });
    expect(existsSync(join(siteFolder, 'node_modules', 'eleventy-plugin-kommentar', 'dist', 'index.d.ts'))).toBe(true);
  });

  it('without its peer: imports, and used outside Eleventy says what to do in one line', async () => {
    expect(installed(siteFolder)).not.toContain('@11ty/eleventy');
    const script = `import kommentar from 'eleventy-plugin-kommentar';
try { kommentar({}, { server: 'https://comments.example', site: 'blog' }); } catch (error) { console.error(error.message); process.exit(2); }`;
    const result = await run(process.execPath, ['--input-type=module', '-e', script], siteFolder);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('npm install @11ty/eleventy');
  });

  describe('in an Eleventy site', () => {
    beforeAll(async () => {
      await npmInstall(siteFolder, '@11ty/eleventy@3');
      mkdirSync(join(siteFolder, 'posts'));
      mkdirSync(join(siteFolder, '_includes'));
      writeFileSync(join(siteFolder, '_includes', 'post.njk'), '<!doctype html><html lang="en"><title>{{ title }}</title><main>{{ content | safe }}</main>{% comments %}</html>\n');
      writeFileSync(join(siteFolder, 'posts', 'hello.md'), '---\ntitle: Hello\nlayout: post.njk\npermalink: /posts/hello/\n---\nMy first post.\n');
      writeFileSync(
        join(siteFolder, 'eleventy.config.js'),
        `import kommentar from "eleventy-plugin-kommentar";\n\nexport default function (eleventyConfig) {\n  eleventyConfig.addPlugin(kommentar, { server: process.env.KOMMENTAR_SERVER, site: "blog" });\n}\n`,
      );
      writeFileSync(join(siteFolder, 'no-server.config.js'), `import kommentar from "eleventy-plugin-kommentar";\nexport default (eleventyConfig) => { eleventyConfig.addPlugin(kommentar, { site: "blog" }); };\n`);
    }, 120_000);

    it('prerenders the comment posted to the installed server into the built page', async () => {
      await mustRun('npx', ['@11ty/eleventy'], siteFolder, { KOMMENTAR_SERVER: serverUrl });
      const html = readFileSync(join(siteFolder, '_site', 'posts', 'hello', 'index.html'), 'utf8');
      expect(html).toContain('Installed from the <strong>tarball</strong> and it works.');
      expect(html).toMatch(/id="comment-\d+"/);
      expect(html).toContain(`${serverUrl}/widget.js`);
      expect(existsSync(join(siteFolder, '_site', 'dialogue', 'index.html'))).toBe(true);
    });

    it('a plugin config without server: one clear line, no stack trace', async () => {
      const result = await run('npx', ['@11ty/eleventy', '--config=no-server.config.js'], siteFolder);
      expect(result.code).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toContain('[kommentar] option "server" is required');
      expect(output).not.toMatch(/^\S*\s+at /m);
    });
  });
});
