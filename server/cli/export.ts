/**
 * `kommentar export --site S [--include-private]`: the site's threads and
 * comments as JSON on stdout (format: server/export/format.ts). Emails appear
 * only with --include-private.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { findSite, loadConfig } from '../config.js';
import { exportSite } from '../export/export.js';
import { openContext } from '../open-context.js';
import { UsageError } from './usage-error.js';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { site: { type: 'string' }, 'include-private': { type: 'boolean' } } });
  if (!values.site) throw new UsageError('--site is required; usage: kommentar export --site S [--include-private]');
  const config = loadConfig();
  if (!findSite(config, values.site)) throw new UsageError(`unknown site "${values.site}" (configured: ${config.sites.map((s) => s.id).join(', ')})`);
  const ctx = await openContext(config);
  try {
    for await (const piece of exportSite(ctx, values.site, { includePrivate: values['include-private'] ?? false })) {
      if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
    }
  } catch (error) {
    // The reader went away (`| head`): nobody is left to tell.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw error;
  } finally {
    ctx.db.close();
  }
  return 0;
}
