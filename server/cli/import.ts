/**
 * `kommentar import wordpress|disqus|isso|json FILE --site S [--dry-run] [--base-url URL] [--json]`:
 * brings another system's comments into a site. A progress bar on a terminal,
 * a summary at the end; refused input exits 2 with its position and writes nothing.
 */
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { findSite, loadConfig } from '../config.js';
import { ImportInputError } from '../import/errors.js';
import { IMPORT_FORMATS, importFile, type ImportProgress, type ImportSummary } from '../import/import.js';
import { parseBaseUrl } from '../import/thread-uri.js';
import type { ImportFormat } from '../import/types.js';
import { openContext } from '../open-context.js';
import { UsageError } from './usage-error.js';

const USAGE = 'usage: kommentar import wordpress|disqus|isso|json FILE --site S [--dry-run] [--base-url URL] [--json]';
const CONFLICTS_LISTED = 20;
/** Summary words for the summary's keys: [one, many]. */
const WORDS: Record<string, [string, string]> = {
  approved: ['approved', 'approved'],
  pending: ['pending', 'pending'],
  spam: ['spam', 'spam'],
  deleted: ['deleted', 'deleted'],
  pingback: ['pingback', 'pingbacks'],
  trackback: ['trackback', 'trackbacks'],
  'thread-without-id': ['thread without id', 'threads without id'],
  'without-post': ['comment without its post', 'comments without their post'],
  unpublished: ['draft or private post (no thread)', 'drafts or private posts (no threads)'],
  attachment: ['attachment (no thread)', 'attachments (no threads)'],
  'menu-item': ['menu item', 'menu items'],
  'other-post-type': ['entry of another post type', 'entries of other post types'],
  'comment-on-skipped-entry': ['comment on those', 'comments on those'],
};

/** A progress bar on stderr when it is a terminal; nothing otherwise (scripts, CI, pipes). */
function progressReporter(): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'importing: {phase} |{bar}| {percentage}%', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | null = null;
  return {
    update(progress) {
      if (progress.phase !== phase) {
        if (phase !== null) bar.stop();
        phase = progress.phase;
        bar.start(Math.max(progress.total, 1), progress.done, { phase });
      } else {
        bar.update(progress.done);
      }
    },
    stop: () => {
      if (phase !== null) bar.stop();
    },
  };
}

function describe(summary: ImportSummary): string {
  const count = (entries: [string, number][]) =>
    entries
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n} ${WORDS[what]?.[n === 1 ? 0 : 1] ?? what}`)
      .join(', ') || 'none';
  const total = Object.values(summary.imported).reduce((a, b) => a + b, 0);
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} ${summary.format} into site "${summary.site}" in ${(summary.timeMs / 1000).toFixed(1)} s`,
    `  posts:      ${summary.posts} (${summary.newPosts} new)`,
    `  comments:   ${total} new: ${count(Object.entries(summary.imported))}`,
    `  unchanged:  ${summary.unchanged} (imported before)`,
    `  skipped:    ${count(Object.entries(summary.skipped))}`,
    `  orphans:    ${summary.orphans} (parent missing: imported as top-level)`,
    `  conflicts:  ${summary.conflicts.length}${summary.conflicts.length ? ' (changed in the source since the last import; kept as stored)' : ''}`,
    ...summary.conflicts.slice(0, CONFLICTS_LISTED).map((c) => `    ${c.at}: comment ${c.sourceId} is #comment-${c.commentId} here; changed: ${c.changed.join(', ')}`),
  ];
  if (summary.conflicts.length > CONFLICTS_LISTED) lines.push(`    … and ${summary.conflicts.length - CONFLICTS_LISTED} more (--json lists all)`);
  if (summary.renumbered) lines.push('  note:       the export\'s comment ids were taken here, so its comments got new ids');
  return lines.join('\n');
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { site: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'base-url': { type: 'string' }, json: { type: 'boolean' } },
  });
  const [format, path, ...extra] = positionals;
  if (!format || !path || extra.length > 0) throw new UsageError(USAGE);
  if (!(format in IMPORT_FORMATS)) throw new UsageError(`unknown format "${format}" (${Object.keys(IMPORT_FORMATS).join(', ')})`);
  if (!values.site) throw new UsageError(`--site is required; ${USAGE}`);
  const baseUrl = values['base-url'] === undefined ? null : parseBaseUrl(values['base-url']);
  if (baseUrl === null && values['base-url'] !== undefined) throw new UsageError(`--base-url must be an http(s) URL, got "${values['base-url']}"`);
  const config = loadConfig();
  const site = findSite(config, values.site);
  if (!site) throw new UsageError(`unknown site "${values.site}" (configured: ${config.sites.map((s) => s.id).join(', ')})`);

  const ctx = await openContext(config);
  const progress = progressReporter();
  let summary: ImportSummary;
  try {
    summary = await importFile(ctx, site, { format: format as ImportFormat, path, baseUrl, dryRun: values['dry-run'] ?? false, onProgress: progress.update });
  } catch (error) {
    if (error instanceof ImportInputError) throw new UsageError(`${path}: ${error.message} (nothing was imported)`);
    throw error;
  } finally {
    progress.stop();
    ctx.db.close();
  }
  if (values.json) {
    // The process's own figures, for benchmarks and capacity planning: peak memory, and CPU over all threads.
    const usage = process.resourceUsage();
    console.log(JSON.stringify({ ...summary, peakRssBytes: usage.maxRSS * 1024, cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) }));
  }
  else console.log(describe(summary));
  return 0;
}
