/** `kommentar report --site S [--json | --csv] [--from D] [--to D] [--post URI] [--lang L]`: the dialogue report from the database. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findSite, loadConfig } from '../config.js';
import { DEFAULT_LANG, type Lang, LANGUAGES, langOf } from '../i18n/languages.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrations.js';
import { siteHasThreads } from '../db/report.js';
import { formatReportCsv } from '../report/report-csv.js';
import { reportQuerySchema } from '../report/report-query.js';
import { formatReportText } from '../report/report-text.js';
import { buildSiteReport } from '../report/site-report.js';
import { UsageError } from './usage-error.js';

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      post: { type: 'string' },
      'partner-min': { type: 'string' },
      'hide-names': { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    strict: true,
  });
  if (!values.site) throw new UsageError('--site is required (kommentar report --site S [--json | --csv] [--from D] [--to D] [--post URI])');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const parsed = reportQuerySchema.safeParse({ site: values.site, from: values.from, to: values.to, post: values.post, partnerMinExchanges: values['partner-min'] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path[0] === 'partnerMinExchanges' ? 'partner-min' : String(issue.path[0] ?? 'site')}: ${issue.message}`);
  }
  const query = parsed.data;

  const config = loadConfig();
  if (config.dbUrl.startsWith('file:') && !existsSync(resolve(config.dbUrl.slice('file:'.length)))) {
    throw new UsageError(`no database at ${config.dbUrl} (set KOMMENTAR_DB_URL, or start the server once to create it)`);
  }
  const db = await openDatabase(config.dbUrl, config.dbAuthToken);
  try {
    await migrate(db);
    if (!findSite(config, query.site) && !(await siteHasThreads(db, query.site))) {
      throw new UsageError(`unknown site "${query.site}": it is neither configured nor in the database`);
    }
    const siteLang = findSite(config, query.site)?.lang;
    const report = await buildSiteReport({ db, now: Date.now }, query.site, { ...query, hideNames: values['hide-names'], lang: siteLang });
    if (query.post && report.posts.length === 0) throw new UsageError(`site "${query.site}" has no post ${query.post}`);
    const lang = reportLang(values.lang, siteLang ?? DEFAULT_LANG);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : values.csv ? formatReportCsv(report) : formatReportText(report, lang));
    return 0;
  } finally {
    db.close();
  }
}

/**
 * The text report's language: `--lang` (a tag like `de` or `de-AT`), else the
 * site's `lang`. An unknown code is no reason to withhold the report: it falls
 * back to the site's language with a one-line warning on stderr.
 */
function reportLang(asked: string | undefined, siteLang: Lang): Lang {
  if (asked === undefined) return siteLang;
  const lang = langOf(asked);
  if (lang) return lang;
  process.stderr.write(`kommentar report: --lang ${JSON.stringify(asked)} is not a language Kommentar speaks (${LANGUAGES.join(', ')}); using the site's "${siteLang}"\n`);
  return siteLang;
}
