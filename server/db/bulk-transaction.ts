/**
 * One write transaction for a bulk load (an import), with a way to insert many
 * rows fast. On a database file the transaction runs on a connection of its
 * own (local-connection.ts) that prepares each distinct statement once and
 * runs it per row (about three times cheaper per row than the client, most of
 * a large import's write time). Any other database (remote libSQL, memory)
 * gets the client's transaction, with many rows per statement as JSON.
 * Either way the work is one transaction: committed whole or rolled back.
 */
import type { InStatement, InValue, ResultSet } from '@libsql/client';
import { withTransaction, type Db, type Queryable } from './connection.js';
import { LocalConnection, localPath } from './local-connection.js';

/** A transaction that reads and writes like any other, plus bulk inserts. */
export interface BulkTransaction extends Queryable {
  /** Inserts `rows` (values in `columns` order) into `table`, in the given order. Names come from code, never from input. */
  insertRows(table: string, columns: readonly string[], rows: InValue[][]): Promise<void>;
  /** Schema names of other database files readable in this transaction's SQL (`attach`); none on the client path. */
  readonly attached: readonly string[];
}

/**
 * Runs `load` with `table`'s indexes dropped, then builds them again from
 * their own definitions, all inside `tx`: when most of a table's rows are new,
 * building an index once is cheaper than updating it row by row. A unique
 * index that no longer holds fails the rebuild, and with it the transaction.
 * The indexes named in `keep` stay: partial ones the new rows do not enter
 * cost nothing to update, and building one again reads the whole table.
 */
export async function withIndexesDeferred<T>(tx: Queryable, table: string, load: () => Promise<T>, keep: readonly string[] = []): Promise<T> {
  const found = await tx.execute({ sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", args: [table] });
  const deferred = found.rows.filter((index) => !keep.includes(String(index.name)));
  for (const index of deferred) await tx.execute(`DROP INDEX "${String(index.name).replace(/"/g, '""')}"`);
  const result = await load();
  for (const index of deferred) await tx.execute(String(index.sql));
  return result;
}

/** Rows per statement on the client path: one JSON parameter keeps the statement small whatever the row count. */
const ROWS_PER_STATEMENT = 500;

/** Arguments per statement on the own connection, well below SQLite's limit of 32,766. */
const ARGS_PER_STATEMENT = 2000;

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const values = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(values).join(', ')}`;
}

/**
 * Inserts `rows` on `connection` with statements prepared once, many rows per
 * statement (the rest in one more): each call into the driver costs more than
 * a narrow row's insert.
 */
export function insertMany(connection: LocalConnection, table: string, columns: readonly string[], rows: InValue[][]): void {
  const perStatement = Math.max(1, Math.min(100, Math.floor(ARGS_PER_STATEMENT / columns.length)));
  // Looked up once: its SQL is long, and every full step runs it.
  const full = rows.length >= perStatement ? connection.statement(insertSql(table, columns, perStatement)) : null;
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(start + perStatement, rows.length);
    (end - start === perStatement && full ? full : connection.statement(insertSql(table, columns, end - start))).run(flatten(rows, start, end, columns.length));
  }
}

/** The values of rows `start` to `end` in one list, as a statement binds them (a plain loop: `slice().flat()` took 20 times as long). */
function flatten(rows: InValue[][], start: number, end: number, width: number): InValue[] {
  const values: InValue[] = new Array((end - start) * width);
  let at = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i]!;
    for (let column = 0; column < width; column++) values[at++] = row[column]!;
  }
  return values;
}

/**
 * The client path. Many rows per statement passed as one JSON parameter: a
 * multi-row VALUES list compiles to a program per row, and those programs stay
 * in native memory until the garbage collector finalises them.
 */
function clientTransaction(tx: Queryable): BulkTransaction {
  return {
    execute: (stmt) => tx.execute(stmt),
    batch: (stmts) => tx.batch(stmts),
    attached: [],
    async insertRows(table, columns, rows) {
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await tx.execute({ sql, args: [JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT))] });
      }
    },
  };
}

/** The own-connection path: statements prepared once per transaction. */
export class LocalTransaction implements BulkTransaction {
  constructor(
    private readonly connection: LocalConnection,
    readonly attached: readonly string[] = [],
  ) {}

  async execute(stmt: InStatement): Promise<ResultSet> {
    return this.connection.run(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return stmts.map((stmt) => this.connection.run(stmt));
  }

  async insertRows(table: string, columns: readonly string[], rows: InValue[][]): Promise<void> {
    insertMany(this.connection, table, columns, rows);
  }
}

/**
 * Runs `work` in one write transaction on `url`'s database (`db` is the
 * client already open on it): committed when it resolves, rolled back when it
 * throws. On a database file, the files in `attach` are readable in it as
 * `staged0`, `staged1`, … (`tx.attached`).
 */
export async function withBulkTransaction<T>(db: Db, url: string, work: (tx: BulkTransaction) => Promise<T>, attach: readonly string[] = []): Promise<T> {
  const path = localPath(url);
  if (path === null) return withTransaction(db, (tx) => work(clientTransaction(tx)));
  const connection = new LocalConnection(path);
  try {
    // Attaching is refused inside a transaction.
    const attached = attach.map((file, i) => {
      connection.run({ sql: `ATTACH DATABASE ? AS staged${i}`, args: [file] });
      return `staged${i}`;
    });
    // Immediate: take the write lock now, as the client's write transactions do, not at the first insert.
    connection.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(new LocalTransaction(connection, attached));
      connection.exec('COMMIT');
      return result;
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      throw error;
    }
  } finally {
    connection.close();
  }
}
