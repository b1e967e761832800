/** The `kommentar` command's own surface: help, version, and the contract's exit codes for usage mistakes. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/process.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

beforeAll(ensureBuilt);

describe('kommentar', () => {
  it('prints the commands on --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'check', 'report', 'import', 'export', 'backup', 'set-password']) expect(stdout).toContain(command);
  });

  it.each(['serve', 'check', 'report', 'import', 'export', 'backup', 'set-password'])('%s --help prints its usage on stdout and exits 0', async (command) => {
    const { code, stdout, stderr } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: kommentar ${command}`));
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version);
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['an unknown flag to serve', ['serve', '--colour']],
    ['an unknown flag to report', ['report', '--site', 'x', '--colour']],
    ['an unknown flag to check', ['check', '--fix']],
    ['a worker count that is not one', ['serve', '--workers', '0']],
    ['a backup without a target', ['backup']],
  ])('exits 2 with one line on stderr for %s', async (_name, args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['a log level it does not know', { KOMMENTAR_LOG_LEVEL: 'loud' }],
    ['a config file that does not exist', { KOMMENTAR_CONFIG: '/nonexistent/kommentar.config.json' }],
  ])('exits 2 with one line naming the problem for %s', async (_name, env) => {
    const { code, stderr } = await run(['report', '--site', 'example'], env);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/KOMMENTAR_LOG_LEVEL|does not exist/);
  });
});
