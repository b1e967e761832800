/**
 * A file database's connection of our own (local-connection.ts), which keeps
 * its prepared statements: the libSQL client prepares every statement anew, and
 * on a comment's way in (its thread, its parent, who wants a notification) and
 * on every cache rebuild that cost more than running the small queries. Plain
 * SELECTs run on it, and so do the write queue's commits: one connection for
 * both keeps its page cache, where a reader beside the writer found its cache
 * invalidated by every commit and read its pages again. Everything on it runs
 * synchronously in this thread, so a read never lands inside a commit and sees
 * every write committed before it. Batches of writes may run on it too
 * (`writeBatch`: the write queue's commits, the report's snapshots); other writes
 * and transactions stay on the client.
 */
import type { Client, InArgs, InStatement, ResultSet } from '@libsql/client';
import { LocalConnection } from './local-connection.js';

const PLAIN_SELECT = /^\s*SELECT\b/i;

/** Each client's own connection, opened when first wanted; null once the client is closed. */
const connections = new WeakMap<Client, () => LocalConnection | null>();

/** Makes `client`'s `execute` answer SELECTs from a connection of its own on `path`; `close` closes both. */
export function withCachedReads(client: Client, path: string): Client {
  let own: LocalConnection | undefined;
  let closed = false;
  const connection = () => (closed ? null : (own ??= new LocalConnection(path)));
  connections.set(client, connection);
  const execute = client.execute.bind(client);
  const close = client.close.bind(client);
  client.execute = ((stmt: InStatement | string, args?: InArgs): Promise<ResultSet> => {
    const statement: InStatement = typeof stmt === 'string' ? (args === undefined ? stmt : { sql: stmt, args }) : stmt;
    const sql = typeof statement === 'string' ? statement : statement.sql;
    const reader = PLAIN_SELECT.test(sql) ? connection() : null;
    if (reader === null) return execute(statement);
    try {
      return Promise.resolve(reader.run(statement));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as Client['execute'];
  client.close = () => {
    closed = true;
    own?.close();
    own = undefined;
    close();
  };
  return client;
}

/** The client's own connection (a file database opened with withCachedReads), else null. */
export function ownConnectionOf(client: Client): LocalConnection | null {
  return connections.get(client)?.() ?? null;
}

/**
 * Runs `statements` in one write transaction: on the client's own connection where it has one,
 * which prepares each distinct statement once; else as the client's batch. The client prepares
 * every statement anew, and a prepared statement's native memory (its bound values too) lasts
 * until the garbage collector, which does not see that memory, gets round to its handle.
 */
export function writeBatch(client: Client, statements: InStatement[]): Promise<ResultSet[]> {
  const connection = ownConnectionOf(client);
  if (connection === null) return client.batch(statements, 'write');
  try {
    return Promise.resolve(connection.writeBatch(statements));
  } catch (error) {
    return Promise.reject(error);
  }
}
