/**
 * Reads of a database file on a connection that keeps its prepared statements
 * (local-connection.ts). The libSQL client prepares every statement anew; on a
 * comment's way in (its thread, its parent, who wants a notification) and on
 * every cache rebuild that cost more than running the small queries. Only
 * plain SELECTs take this way: writes, batches and transactions stay on the
 * client. Both run synchronously in this thread, so a read still sees every
 * write committed before it.
 */
import type { Client, InArgs, InStatement, ResultSet } from '@libsql/client';
import { LocalConnection } from './local-connection.js';

const PLAIN_SELECT = /^\s*SELECT\b/i;

/** Makes `client`'s `execute` answer SELECTs from a connection of its own on `path`; `close` closes both. */
export function withCachedReads(client: Client, path: string): Client {
  let reader: LocalConnection | undefined;
  const execute = client.execute.bind(client);
  const close = client.close.bind(client);
  client.execute = ((stmt: InStatement | string, args?: InArgs): Promise<ResultSet> => {
    const statement: InStatement = typeof stmt === 'string' ? (args === undefined ? stmt : { sql: stmt, args }) : stmt;
    const sql = typeof statement === 'string' ? statement : statement.sql;
    if (!PLAIN_SELECT.test(sql)) return execute(statement);
    reader ??= new LocalConnection(path);
    try {
      return Promise.resolve(reader.run(statement));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as Client['execute'];
  client.close = () => {
    reader?.close();
    reader = undefined;
    close();
  };
  return client;
}
