/**
 * Imports comments from another system into a site: read the whole file
 * (new comments converted and staged in the pool's files meanwhile), plan
 * against what earlier imports stored, then write everything in one
 * transaction (the staged rows moved into place in plan order), so a file is
 * imported whole or not at all. Imported comments send no notifications and
 * keep no IP address.
 */
import type { SiteConfig } from '../config.js';
import type { AppContext } from '../context.js';
import type { CommentStatus } from '../db/comments.js';
import { withBulkTransaction } from '../db/bulk-transaction.js';
import { localPath } from '../db/local-connection.js';
import { countImportedComments, findImportedComments, threadIdsByUri, type Queryable } from '../db/imports.js';
import { Collector } from './collect.js';
import { ConvertPool } from './convert-pool.js';
import { readDisqus } from './disqus.js';
import { readIsso } from './isso.js';
import { readKommentarJson } from './json.js';
import { planImport, type ImportConflict, type ImportPlan } from './plan.js';
import { fileSize } from './text-file.js';
import type { BaseUrl, ImportFormat, ImportReader } from './types.js';
import { readWordpress } from './wordpress.js';
import { writePlan } from './write.js';

/** The reader of each format the CLI accepts. */
export const IMPORT_FORMATS: Record<ImportFormat, ImportReader> = {
  wordpress: readWordpress,
  disqus: readDisqus,
  isso: readIsso,
  json: readKommentarJson,
};

/** How far an import has got, for a progress bar: bytes (or records) read, then comments written. */
export interface ImportProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

/** What to import and how. */
export interface ImportOptions {
  format: ImportFormat;
  path: string;
  baseUrl: BaseUrl | null;
  /** Read and plan, report what would happen, write nothing. */
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** What an import did (or, in a dry run, would do): the CLI prints it, `--json` prints it as is. */
export interface ImportSummary {
  site: string;
  format: ImportFormat;
  dryRun: boolean;
  /** Posts (threads) in the file, and how many of them the site did not know. */
  posts: number;
  newPosts: number;
  /** New comments by status. */
  imported: Record<CommentStatus, number>;
  /** Already imported and unchanged. */
  unchanged: number;
  conflicts: ImportConflict[];
  /** Not imported, by reason: pingbacks, trackbacks, threads without id, comments without a post. */
  skipped: Record<string, number>;
  /** Comments whose parent is missing, imported as top-level. */
  orphans: number;
  /** A Kommentar export's ids were taken in this database, so its comments got new ones. */
  renumbered: boolean;
  timeMs: number;
}

/** Imports `options.path` into `site`. Throws `ImportInputError` (nothing written) for input it refuses. */
export async function importFile(ctx: AppContext, site: SiteConfig, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const onProgress = options.onProgress ?? (() => undefined);
  const importSource = `${options.format}:${site.id}`;

  const pool = ConvertPool.forInput(await fileSize(options.path), localPath(ctx.config.dbUrl));
  try {
    // What earlier imports stored: those bodies need no conversion, and the plan compares against them.
    let stored = await findImportedComments(ctx.db, importSource);
    const collector = new Collector(site, ctx.secret, options.dryRun ? null : pool, new Set(stored.map((row) => row.importId)), (done, total) =>
      onProgress({ phase: 'reading', done, total }),
    );
    await IMPORT_FORMATS[options.format]({ path: options.path, baseUrl: options.baseUrl }, collector);
    await collector.finish();
    await pool.stop();

    const prepare = async (db: Queryable) => {
      // Another import of the same source may have finished meanwhile; the transaction sees the final state.
      if ((await countImportedComments(db, importSource)) !== stored.length) stored = await findImportedComments(db, importSource);
      const knownThreads = await threadIdsByUri(db, site.id);
      const plan = planImport(collector.threads, collector.comments, stored, ctx.now(), collector);
      return { plan, newPosts: plan.threads.filter((thread) => !knownThreads.has(thread.uri)).length, renumbered: false };
    };
    const outcome = options.dryRun
      ? await prepare(ctx.db)
      : await withBulkTransaction(
          ctx.db,
          ctx.config.dbUrl,
          async (tx) => {
            const prepared = await prepare(tx);
            const onWritten = (done: number, total: number) => onProgress({ phase: 'writing', done, total });
            return { ...prepared, renumbered: await writePlan(tx, prepared.plan, { site: site.id, importSource, staged: pool.files, onWritten, now: ctx.now() }) };
          },
          pool.files,
        );
    return summarize(site, options, collector, outcome, started);
  } finally {
    await pool.close();
  }
}

function summarize(
  site: SiteConfig,
  options: ImportOptions,
  collector: Collector,
  outcome: { plan: ImportPlan; newPosts: number; renumbered: boolean },
  started: number,
): ImportSummary {
  const imported: Record<CommentStatus, number> = { approved: 0, pending: 0, spam: 0, deleted: 0 };
  for (const p of outcome.plan.comments) imported[p.comment.status]++;
  const skipped: Record<string, number> = Object.fromEntries(collector.skipped);
  if (outcome.plan.withoutThread > 0) skipped['without-post'] = outcome.plan.withoutThread;
  return {
    site: site.id,
    format: options.format,
    dryRun: options.dryRun,
    posts: outcome.plan.threads.length,
    newPosts: outcome.newPosts,
    imported,
    unchanged: outcome.plan.unchanged,
    conflicts: outcome.plan.conflicts,
    skipped,
    orphans: outcome.plan.orphans,
    renumbered: outcome.renumbered,
    timeMs: Math.round(performance.now() - started),
  };
}
