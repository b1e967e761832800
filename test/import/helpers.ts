/** Shared parts of the import tests: the site, fixtures, the real CLI as a process, and reading back what was stored. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findSite } from '../../server/config.js';
import { listSiteComments } from '../../server/db/comments.js';
import { listThreads } from '../../server/db/threads.js';
import { computeReport, type DialogueReport } from '../../server/dialogue/index.js';
import { importFile, type ImportOptions, type ImportSummary } from '../../server/import/import.js';
import type { TestServer } from '../helpers/server.js';
import type { PublicComment } from '../../server/comments/public.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

export const SITE_CONFIG = {
  sites: [{ id: 'blog', origins: ['https://blog.example'], authorEmails: ['me@blog.example'], authorName: 'Anna' }],
};
export const SECRET = 'import-test-secret-0123456789abcdef';

export function fixture(name: string): string {
  return join(ROOT, 'test', 'fixtures', 'import', name);
}

/** Imports through the domain function, as the CLI does, into the test server's database. */
export function importInto(server: TestServer, path: string, options: Partial<ImportOptions> & Pick<ImportOptions, 'format'>): Promise<ImportSummary> {
  return importFile(server.ctx, findSite(server.ctx.config, 'blog')!, { path, baseUrl: null, dryRun: false, ...options });
}

/** A comment as the public API lists it. */
export type Listed = PublicComment;

/** A thread as a visitor gets it from the public API. */
export async function publicThread(server: TestServer, uri: string): Promise<Listed[]> {
  const response = await server.api(`/api/v1/comments?site=blog&uri=${encodeURIComponent(uri)}`);
  if (response.status !== 200) throw new Error(`GET comments answered ${response.status}`);
  return ((await response.json()) as { comments: Listed[] }).comments;
}

/** The dialogue report over every thread and comment stored for the site. */
export async function report(server: TestServer): Promise<DialogueReport> {
  const threads = await listThreads(server.ctx.db, 'blog');
  const rows = await listSiteComments(server.ctx.db, 'blog', ['approved', 'pending', 'spam', 'deleted']);
  const comments = rows.map((row) => ({
    id: row.id,
    postUri: row.uri,
    parentId: row.parentId,
    status: row.status,
    createdAt: row.createdAt,
    participant: row.commenterKey,
    isAuthor: row.isAuthor,
    name: row.name,
  }));
  return computeReport(threads, comments, { site: 'blog', generatedAt: new Date('2030-01-01T00:00:00Z'), from: null, to: null });
}

/** Builds dist/ once if it is missing (npm test builds before vitest). */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'server', 'cli', 'import.js'))) {
    await run(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, env: { ...process.env, KOMMENTAR_QUIET_BUILD: '1' } });
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kommentar …` as a real process with the given environment additions. */
export async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/kommentar.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, KOMMENTAR_SECRET: SECRET, ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
