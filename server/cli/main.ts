#!/usr/bin/env node
/** The `kommentar` command: dispatches to one module per subcommand and maps failures to the contract's exit codes. */
import { ConfigError } from '../config.js';
import { SchemaTooNewError } from '../db/migrations.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { UsageError } from './usage-error.js';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  serve: { run: serveCommand, summary: 'run the comment server' },
  report: { run: reportCommand, summary: 'the dialogue report (--site S [--json | --csv] [--from D] [--to D] [--post URI])' },
  'set-password': { run: async (argv) => (await import('./set-password.js')).setPasswordCommand(argv), summary: 'set the desk password (read from stdin or a prompt) in the config file' },
  import: { run: async (argv) => (await import('./import.js')).importCommand(argv), summary: 'import comments (wordpress|disqus|isso|json FILE --site S [--dry-run] [--base-url URL] [--json])' },
  backup: { run: async (argv) => (await import('./backup.js')).backupCommand(argv), summary: 'a consistent copy of the live database (FILE), safe while the server writes' },
  export: { run: async (argv) => (await import('./export.js')).exportCommand(argv), summary: "a site's comments as JSON on stdout (--site S [--include-private])" },
};

function usage(): string {
  return ['Usage: kommentar <command> [options]', '', ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
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
  try {
    return await command.run(rest);
  } catch (error) {
    const err = error as Error & { code?: string };
    if (error instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`kommentar ${name}: ${err.message.split('\n')[0]}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof SchemaTooNewError) {
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
