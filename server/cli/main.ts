#!/usr/bin/env node
/**
 * The `kommentar` command: dispatches to one module per subcommand and maps
 * failures to the contract's exit codes. A subcommand is one entry in
 * `commands` (its module is loaded only when it runs); `kommentar CMD --help`
 * prints the entry's usage, so the modules themselves never see `--help`.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';
import { SchemaTooNewError } from '../db/migrations.js';
import { UsageError } from './usage-error.js';

interface Command {
  /** One line for `kommentar --help`. */
  summary: string;
  /** What `kommentar CMD --help` prints: the synopsis, then one line per option. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'run the comment server',
    usage: `kommentar serve [--port N] [--host H] [--workers N] [--example]
  --port N      listen on port N (default: PORT, else 8787; 0 picks a free one)
  --host H      listen on address H (default: HOST, else 127.0.0.1; 0.0.0.0 in a container)
  --workers N   N server processes on the one port and database (default: one per core; 1: a single process)
  --example     also build and serve the example blog (a checkout of the repository only)
The database, secret and sites come from KOMMENTAR_DB_URL, KOMMENTAR_DATA_DIR and KOMMENTAR_CONFIG.`,
    run: async (argv) => (await import('./serve.js')).serveCommand(argv),
  },
  check: {
    summary: 'check the config and environment: what is wrong or risky, one line each',
    usage: `kommentar check
Reads KOMMENTAR_CONFIG (or ./kommentar.config.json) and the environment like the server would and
prints one line per problem ("error: …") or risk ("warning: …"). Exit 2 when there is an error.`,
    run: async (argv) => (await import('./check.js')).checkCommand(argv),
  },
  report: {
    summary: 'the dialogue report (--site S [--json | --csv] [--from D] [--to D] [--post URI])',
    usage: `kommentar report --site S [--json | --csv] [--from D] [--to D] [--post URI] [--partner-min N] [--hide-names] [--lang L]
  --site S          the site id
  --json, --csv     machine-readable output instead of text
  --from D, --to D  the window: YYYY-MM-DD (a day as --to means its end, UTC) or ISO timestamps
  --post URI        one post only
  --partner-min N   exchanges that make someone a dialogue partner
  --hide-names      no commenter names in the output
  --lang L          language of the text report: en, de, fr or es (default: the site's lang)`,
    run: async (argv) => (await import('./report.js')).reportCommand(argv),
  },
  import: {
    summary: 'import comments (wordpress|disqus|isso|json FILE --site S [--dry-run] [--base-url URL] [--json])',
    usage: `kommentar import wordpress|disqus|isso|json FILE --site S [--dry-run] [--base-url URL] [--json]
  --site S          the site to import into
  --dry-run         read and check everything, store nothing
  --base-url URL    strip this old address (and path prefix) from post links
  --json            the summary as JSON`,
    run: async (argv) => (await import('./import.js')).importCommand(argv),
  },
  export: {
    summary: "a site's comments as JSON on stdout (--site S [--include-private])",
    usage: `kommentar export --site S [--include-private]
  --site S            the site to export
  --include-private   include emails and notification wishes`,
    run: async (argv) => (await import('./export.js')).exportCommand(argv),
  },
  backup: {
    summary: 'a consistent copy of the live database (FILE), safe while the server writes',
    usage: `kommentar backup FILE
Copies the database in KOMMENTAR_DB_URL into FILE while the server may be writing (SQLite VACUUM INTO),
through a temporary file beside FILE that is renamed when complete. Exit 2 for a bad target, 1 when writing fails.`,
    run: async (argv) => (await import('./backup.js')).backupCommand(argv),
  },
  'set-password': {
    summary: 'set the desk password (read from stdin or a prompt) in the config file',
    usage: `kommentar set-password
Reads the password from a hidden prompt, or the first line of stdin (echo "$PW" | kommentar set-password),
and stores its scrypt hash as adminPasswordHash in KOMMENTAR_CONFIG or ./kommentar.config.json.`,
    run: async (argv) => (await import('./set-password.js')).setPasswordCommand(argv),
  },
};

function usage(): string {
  return [
    'Usage: kommentar <command> [options]   (kommentar <command> --help for its options)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`),
    '',
    '  --version     print the version',
  ].join('\n');
}

/** The installed package's version (dist/server/cli/main.js → package.json). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const wantsHelp = (argv: string[]) => argv.some((arg) => arg === '--help' || arg === '-h');

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(version());
    return 0;
  }
  if (!name) {
    console.error(`kommentar: which command? (${Object.keys(commands).join(', ')}; --help for more)`);
    return 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`kommentar: unknown command "${name}" (try: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  if (wantsHelp(rest)) {
    console.log(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const err = error as Error & { code?: string };
    // A wrong configuration is bad input too (the contract's exit 2), with its one-line reason.
    if (error instanceof UsageError || error instanceof ConfigError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`kommentar ${name}: ${err.message.split('\n')[0]}`);
      return 2;
    }
    if (error instanceof SchemaTooNewError) {
      console.error(`kommentar ${name}: ${err.message}`);
      return 1;
    }
    console.error(`kommentar ${name}: ${err.message}`);
    if (process.env.KOMMENTAR_DEBUG) console.error(err.stack);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
