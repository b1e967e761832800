/**
 * What a build knows about the site's comments: every public thread (one
 * request: GET /api/v1/threads) and the dialogue report (one request: the
 * full report with the admin token, else the public one). Fetched once per
 * build, never per page.
 */
import { z } from 'zod';
import type { PublicComment } from '../server/comments/public.js';
import type { DialogueReport } from '../server/dialogue/types.js';
import type { ResolvedOptions } from './options.js';
import { fetchJson, type RemoteResult } from './remote.js';

/** One thread as the API lists it (server/comments/site-threads.ts). */
export interface SiteThread {
  uri: string;
  title: string | null;
  count: number;
  comments: PublicComment[];
}

export interface SiteData {
  threads: Map<string, SiteThread>;
  /** null when the server has no report for this build (switched off, unreachable, nothing cached). */
  report: DialogueReport | null;
  /** Set when the data is older than this build: when it was fetched. */
  staleSince: number | null;
  /** Why the data is not fresh or complete; empty when all is well. */
  problems: string[];
  /** Whether the server sends email: the prerendered form offers reply notifications only then. */
  email: boolean;
}

const commentSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  depth: z.number(),
  html: z.string(),
  name: z.string().nullable(),
  url: z.string().nullable(),
  isAuthor: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
});

const threadsSchema = z.object({
  /** Whether the server sends email (older servers do not say: assumed yes). */
  email: z.boolean().default(true),
  threads: z.array(z.object({ uri: z.string(), title: z.string().nullable(), count: z.number(), comments: z.array(commentSchema) })),
});

/** The report's envelope; its numbers are the server's DialogueReport (server/dialogue/types.ts). */
const reportSchema = z.looseObject({
  generatedAt: z.string(),
  summary: z.looseObject({ monthly: z.array(z.looseObject({ month: z.string() })), dunbar: z.looseObject({ partners: z.number() }) }),
  posts: z.array(z.looseObject({ uri: z.string(), shape: z.string(), waitingForAuthorIds: z.array(z.number()) })),
});

/** Nothing known: what a build without any server data renders from. */
export function emptySiteData(): SiteData {
  return { threads: new Map(), report: null, staleSince: null, problems: [], email: true };
}

function describe(result: Exclude<RemoteResult, { kind: 'current' }>, options: ResolvedOptions): string {
  if (result.kind === 'refused') {
    if (result.code === 'unknown_site') return `the server ${options.server} has no site "${options.site}"`;
    if (result.status === 401 || result.status === 403) return `the server refused the admin token for the full report (${result.message})`;
    return `the server answered ${result.status} (${result.message})`;
  }
  return `could not reach ${options.server} (${result.problem})`;
}

/**
 * Loads threads and report. Problems are collected, not thrown: the caller
 * decides between one warning and, with `strict`, a failed build.
 */
export async function loadSiteData(options: ResolvedOptions): Promise<SiteData> {
  const remote = { directory: options.cacheDirectory, duration: options.cacheDuration, timeout: options.timeout };
  const site = encodeURIComponent(options.site);
  // people: who wrote which comment, numbered per post (the conversation maps' colours); compareDays: the headline changes.
  const extras = `&people=1&compareDays=${options.compareDays}`;
  const reportUrl = `${options.server}/api/v1/report${options.token ? '' : '/public'}?site=${site}${extras}`;
  const [threadsResult, reportResult] = await Promise.all([
    fetchJson(`${options.server}/api/v1/threads?site=${site}`, remote),
    fetchJson(reportUrl, { ...remote, headers: options.token ? { authorization: `Bearer ${options.token}` } : {} }),
  ]);

  const data = emptySiteData();
  const problems = new Set<string>();
  const staleSince: number[] = [];
  const take = <T,>(result: RemoteResult, schema: z.ZodType<T>, name: string): T | null => {
    if (result.kind !== 'current' && result.kind !== 'stale') {
      problems.add(describe(result, options));
      return null;
    }
    if (result.kind === 'stale') {
      problems.add(describe(result, options));
      staleSince.push(result.cachedAt);
    }
    const parsed = schema.safeParse(result.value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    problems.add(`the ${name} answer from ${options.server} is not Kommentar's (${issue?.path.join('.')}: ${issue?.message})`);
    return null;
  };

  const threads = take(threadsResult, threadsSchema, 'threads');
  for (const thread of threads?.threads ?? []) data.threads.set(thread.uri, thread);
  data.email = threads?.email ?? true;
  // A report switched off for the site (404) is the blogger's choice, not a problem: no dialogue pages then.
  const reportOff = reportResult.kind === 'refused' && reportResult.status === 404 && reportResult.code !== 'unknown_site';
  // The schema checks the envelope; the numbers inside are the server's DialogueReport.
  data.report = reportOff ? null : (take(reportResult, reportSchema, 'report') as DialogueReport | null);
  data.staleSince = staleSince.length > 0 ? Math.min(...staleSince) : null;
  data.problems = [...problems];
  return data;
}

/** The one warning (or, with `strict`, the error) for a build whose data is not fresh. */
export function problemMessage(data: SiteData, options: ResolvedOptions): string {
  const what = data.problems.join('; ');
  const fallback = data.staleSince !== null ? `building with what was cached at ${new Date(data.staleSince).toISOString()}` : 'building without comment data';
  return options.strict
    ? `[kommentar] ${what}. The "strict" option stops the build here; start the comment server, fix the options, or set strict: false to build from the cache.`
    : `[kommentar] ${what}; ${fallback}.`;
}
