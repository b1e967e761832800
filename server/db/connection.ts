/**
 * Opens the database: an embedded libSQL file by default, a remote libSQL/Turso
 * URL by configuration; and someone else's SQLite file read-only, for an import.
 * The only module that creates a client.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client, InStatement, Transaction } from '@libsql/client';
// The embedded client alone: the remote ones (HTTP, WebSocket) are loaded only for a remote URL.
import { createClient as createFileClient } from '@libsql/client/sqlite3';
import { withCachedReads } from './cached-reads.js';
import { localPath } from './local-connection.js';

export type Db = Client;

/** One SQL statement with its arguments, as the domain hands batches back to storage. */
export type Statement = InStatement;

/** A client or an open transaction: what reads and writes run on. */
export type Queryable = Pick<Transaction, 'execute' | 'batch'>;

/** Busy timeout on every pooled connection: writers queue instead of failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export async function openDatabase(url: string, authToken?: string): Promise<Db> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const config = { url, authToken, timeout: BUSY_TIMEOUT_MS, intMode: 'number' } as const;
  const client = isFile ? createFileClient(config) : (await import('@libsql/client')).createClient(config);
  const path = localPath(url);
  const db = path === null ? client : withCachedReads(client, path);
  if (isFile) {
    // WAL lets readers (the server, a report run) proceed while a writer commits; it persists in the file.
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute('PRAGMA foreign_keys = ON');
  }
  return db;
}

/** A second connection to a file database that never writes: the change tracker asks it for `PRAGMA data_version`. */
export function openProbeConnection(url: string): Db {
  return createFileClient({ url, intMode: 'number' });
}

/**
 * Opens a foreign SQLite file (an Isso database) for reading only. Unlike
 * `openDatabase` it leaves the journal mode alone, which would otherwise switch
 * someone else's file to WAL, and refuses every write.
 */
export async function openReadOnly(path: string): Promise<Db> {
  const db = createFileClient({ url: pathToFileURL(path).href, intMode: 'number' });
  await db.execute('PRAGMA query_only = ON');
  return db;
}

/** Folds the write-ahead log into the database file, so the file alone is the whole database (e.g. before it is renamed or copied). */
export async function checkpoint(db: Db): Promise<void> {
  await db.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}

/**
 * Runs `work` inside a write transaction: committed when it resolves, always
 * rolled back when it throws.
 */
export async function withTransaction<T>(db: Db, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const tx = await db.transaction('write');
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  } finally {
    tx.close();
  }
}

/** Throws unless the database answers. */
export async function ping(db: Db): Promise<void> {
  await db.execute('SELECT 1');
}
