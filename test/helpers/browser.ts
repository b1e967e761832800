/**
 * Real Chromium for the browser suites (Debian's, through playwright-core; no
 * browser is ever downloaded), the demo blog on its own origin, and a comment
 * server that trusts that origin. Without Chromium the suites skip with one
 * line, unless KOMMENTAR_REQUIRE_BROWSER=1 (CI), where that is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './server.js';

const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The Chromium executable, or undefined when there is none (the suites then skip). */
export const chromiumPath: string | undefined = existsSync(candidate) ? candidate : undefined;

if (!chromiumPath) {
  const reason = `no Chromium at ${candidate} (set CHROMIUM_PATH or apt-get install chromium)`;
  if (process.env.KOMMENTAR_REQUIRE_BROWSER === '1') throw new Error(`KOMMENTAR_REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(`browser tests skipped: ${reason}`);
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  /** A fresh tab that records uncaught page errors and console errors into `errors`. */
  page(): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

/** One Chromium with a fresh temporary profile (share it across a test file: launching costs about a second). */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kommentar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: ARGS, ...options });
  const errors: string[] = [];
  return {
    context,
    errors,
    async page() {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // Chromium asks every origin for a favicon; neither demo server has one.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How the demo blog renders a page; `server` is the comment server's URL. */
export type BlogPage = (path: string, server: string) => string | undefined;

export interface BlogSetup {
  blog: { url: string };
  server: TestServer;
  close(): Promise<void>;
}

/**
 * The demo blog on its own loopback port (a different origin, like a real
 * blog) and a comment server whose sites list that origin. `sites` are the
 * site entries; one that brings its own `origins` keeps them (a setup mistake to test).
 */
export async function startBlogAndServer(render: BlogPage, sites: Array<Record<string, unknown>>): Promise<BlogSetup> {
  let serverUrl = '';
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://blog').pathname;
    const html = render(path, serverUrl);
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const server = await startTestServer({ config: { sites: sites.map((site) => ({ origins: [url], ...site })) } });
  serverUrl = server.url;
  return {
    blog: { url },
    server,
    async close() {
      await server.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** Builds the widget from source into dist/widget/ so a browser suite always tests the current code. */
export async function buildWidget(): Promise<void> {
  await (await import('../../server/widget/build.mjs')).buildWidget();
}
