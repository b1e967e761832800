/**
 * `kommentar set-password`: asks for the desk password (hidden prompt on a
 * terminal, else the first line of stdin) and writes its scrypt hash as
 * `adminPasswordHash` into the config file (KOMMENTAR_CONFIG or
 * ./kommentar.config.json), creating the file if needed and keeping every other key.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ReadStream } from 'node:tty';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { hashPassword } from '../desk/password.js';
import { UsageError } from './usage-error.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Where the command reads from and which environment it sees (tests pass their own). */
export interface SetPasswordIo {
  input: Readable;
  env: NodeJS.ProcessEnv;
}

/** Reads a line on a terminal without echoing it. */
function promptHidden(input: ReadStream, question: string): Promise<string> {
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolvePassword, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolvePassword(value);
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          return reject(new UsageError('cancelled'));
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a piped stdin (`echo "$PASSWORD" | kommentar set-password`). */
async function firstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]!.replace(/\r$/, '');
}

async function readPassword(input: Readable): Promise<string> {
  if (!(input instanceof ReadStream) || !input.isTTY) return firstLine(input);
  const password = await promptHidden(input, 'New desk password: ');
  if ((await promptHidden(input, 'Again, to be sure: ')) !== password) throw new UsageError('the two passwords differ; nothing was changed');
  return password;
}

/** The config file's current content as an object, or {} when there is no file yet. */
function readConfigObject(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}; fix it first, nothing was changed`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`config file ${path} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

export async function setPasswordCommand(argv: string[], io: SetPasswordIo = { input: process.stdin, env: process.env }): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true, allowPositionals: false });
  const password = await readPassword(io.input);
  if (password.trim().length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1000) throw new UsageError('the password must have at most 1000 characters');

  const path = resolve(io.env.KOMMENTAR_CONFIG || 'kommentar.config.json');
  const config = readConfigObject(path);
  config.adminPasswordHash = await hashPassword(password);
  // Write beside, then rename: a crash never leaves half a config file. A new file is private to its owner.
  const mode = existsSync(path) ? statSync(path).mode & 0o777 : 0o600;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode });
  renameSync(temporary, path);
  console.log(`Desk password set in ${path}. Restart the server to use it.`);
  if (io.env.KOMMENTAR_ADMIN_PASSWORD_HASH) {
    console.error('Note: KOMMENTAR_ADMIN_PASSWORD_HASH is set in the environment and wins over the file; unset it to use this password.');
  }
  return 0;
}
