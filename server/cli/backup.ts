/**
 * `kommentar backup FILE`: a consistent copy of the database in
 * KOMMENTAR_DB_URL, safe while the server writes. The copy is written beside
 * FILE under a temporary name, flushed to disk and then renamed, so FILE is
 * either the previous backup or the complete new one, never half a file.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { vacuumInto } from '../db/backup.js';
import { openDatabase } from '../db/connection.js';
import { UsageError } from './usage-error.js';

const USAGE = 'usage: kommentar backup FILE';

/** A failed write with the reason an operator can act on. */
function writeFailure(target: string, error: unknown): Error {
  const code = (error as { code?: string; extendedCode?: string }).extendedCode ?? (error as { code?: string }).code ?? '';
  const reason = /FULL|IOERR_WRITE|ENOSPC|EFBIG/.test(code)
    ? 'the disk is full (or the file size limit was reached)'
    : /CANTOPEN|EACCES|EPERM|EROFS/.test(code)
      ? 'the folder is not writable'
      : (error as Error).message;
  return new Error(`could not write the backup ${target}: ${reason}; nothing was changed there`);
}

function flush(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function backupCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError(`one target file, please; ${USAGE}`);
  const config = loadConfig();
  if (!config.dbUrl.startsWith('file:')) {
    throw new UsageError(`KOMMENTAR_DB_URL is a remote database (${new URL(config.dbUrl).protocol}); back it up with its server's tools (see the README)`);
  }
  const source = resolve(config.dbUrl.slice('file:'.length));
  if (!existsSync(source)) throw new UsageError(`there is no database at ${source} (KOMMENTAR_DB_URL)`);
  const target = resolve(positionals[0]!);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`the folder ${folder} does not exist`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`${target} is a folder; name the backup file`);
  if (target === source) throw new UsageError('the backup cannot replace the database itself');

  const partial = join(folder, `.${basename(target)}.${process.pid}.partial`);
  const db = await openDatabase(config.dbUrl, config.dbAuthToken);
  try {
    rmSync(partial, { force: true });
    await vacuumInto(db, partial);
    flush(partial);
    renameSync(partial, target);
    // The rename is durable only once the folder's entry is on disk too.
    flush(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw writeFailure(target, error);
  } finally {
    db.close();
  }
  console.log(`backup written to ${target} (${statSync(target).size} bytes)`);
  return 0;
}
