/**
 * Opens the database: an embedded libSQL file by default, a remote libSQL/Turso
 * URL by configuration. The only module that creates a client.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client, type Transaction } from '@libsql/client';

export type Db = Client;

/** Busy timeout on every pooled connection: writers queue instead of failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export async function openDatabase(url: string, authToken?: string): Promise<Db> {
  const isFile = url.startsWith('file:');
  if (isFile) {
    const path = url.slice('file:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const db = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS, intMode: 'number' });
  if (isFile) {
    // WAL lets readers (the server, a report run) proceed while a writer commits; it persists in the file.
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute('PRAGMA foreign_keys = ON');
  }
  return db;
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
