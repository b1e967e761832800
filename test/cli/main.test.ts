/** The `kommentar` command's own surface: help, and the contract's exit codes for usage mistakes. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../helpers/process.js';

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

beforeAll(ensureBuilt);

describe('kommentar', () => {
  it('prints the commands on --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'report', 'import', 'export', 'backup', 'set-password']) expect(stdout).toContain(command);
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['an unknown flag to serve', ['serve', '--colour']],
    ['a worker count that is not one', ['serve', '--workers', '0']],
    ['a backup without a target', ['backup']],
  ])('exits 2 with one line on stderr for %s', async (_name, args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
