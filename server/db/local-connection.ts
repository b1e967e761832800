/**
 * A connection of our own to a database file, for the two write paths that run
 * the same few statements many times: a bulk load (an import) and the write
 * queue (every new comment). The libSQL client prepares every statement anew,
 * and preparing costs more than running a small insert; here each distinct
 * statement is prepared once per connection and kept.
 */
import type { InStatement, InValue, ResultSet, Row } from '@libsql/client';
import Database from 'libsql';

/** The same busy timeout as the pooled connections: a writer waits for another instead of failing. */
const BUSY_TIMEOUT_MS = 5000;

type Args = InValue[] | Record<string, InValue>;

/** Prepared statements kept per connection. */
const MAX_STATEMENTS = 500;

/** The file path of a plain `file:` URL, or null for anything else (remote, memory, URL options). */
export function localPath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes('?')) return null;
  const path = url.slice('file:'.length);
  return path === '' || path.includes(':memory:') ? null : path;
}

export class LocalConnection {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The result columns of each reading statement, asked once (asking costs a native call). */
  private readonly columns = new Map<Database.Statement, string[]>();

  constructor(path: string) {
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    this.db.exec('PRAGMA foreign_keys = ON');
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** Runs SQL without arguments or results (BEGIN, COMMIT, ROLLBACK). */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
      // Statements with a list of ? of varying length are many: the oldest go (a bulk load's few stay).
      if (this.statements.size > MAX_STATEMENTS) {
        const oldest = this.statements.keys().next().value!;
        this.columns.delete(this.statements.get(oldest)!);
        this.statements.delete(oldest);
      }
    }
    return statement;
  }

  /** One statement, answered in the client's ResultSet shape (rows by column name). */
  run(stmt: InStatement): ResultSet {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] as Args } : { sql: stmt.sql, args: stmt.args ?? [] };
    const statement = this.statement(sql);
    const bound = Array.isArray(args) ? args : [args];
    if (statement.reader) {
      const rows = statement.all(...bound) as Row[];
      let columns = this.columns.get(statement);
      if (!columns) this.columns.set(statement, (columns = statement.columns().map((c) => c.name)));
      return { columns, columnTypes: [], rows, rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => rows };
    }
    const info = statement.run(...bound);
    return { columns: [], columnTypes: [], rows: [], rowsAffected: info.changes, lastInsertRowid: BigInt(info.lastInsertRowid), toJSON: () => [] };
  }

  /**
   * Runs `statements` in one write transaction, committed whole or rolled back whole.
   * Immediate: the write lock is taken at once, as the client's write batches do.
   */
  writeBatch(statements: InStatement[]): ResultSet[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const results = statements.map((stmt) => this.run(stmt));
      this.db.exec('COMMIT');
      return results;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}
