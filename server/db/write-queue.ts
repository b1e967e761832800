/**
 * One writer per database with group commit. Every commit of a file database
 * costs an fsync (and with many writers, a wait on the lock), so writes that
 * arrive while a transaction is being committed are gathered and committed
 * together in the next one: one transaction, one fsync, many comments. A
 * caller's promise settles only after the transaction that holds its
 * statements has committed, so nothing is acknowledged before it is durable.
 *
 * On a database file the commits run on the client's own connection, which
 * keeps its prepared statements and its page cache (cached-reads.ts): a
 * comment's statements are the same every time, and preparing them anew cost
 * more than running them.
 */
import type { InStatement, ResultSet } from '@libsql/client';
import { writeBatch } from './cached-reads.js';
import type { Db } from './connection.js';

interface Job {
  statements: InStatement[];
  resolve: (results: ResultSet[]) => void;
  reject: (error: unknown) => void;
}

/** A transaction is kept short enough that a burst does not make one reader of the lock wait long. */
const MAX_STATEMENTS_PER_COMMIT = 2000;

export class WriteQueue {
  private pending: Job[] = [];
  private running = false;
  /** Transactions committed so far (tests and the benchmark read it to see grouping happen). */
  commits = 0;

  constructor(private readonly db: Db) {}

  /** Runs `statements` atomically (all or none), possibly in one transaction with other callers' statements. */
  write(statements: InStatement[]): Promise<ResultSet[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ statements, resolve, reject });
      if (!this.running) {
        this.running = true;
        // A millisecond lets the requests already arriving on other sockets join the first commit.
        setTimeout(() => void this.drain(), 1);
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      let count = 0;
      let take = 0;
      while (take < this.pending.length && (take === 0 || count + this.pending[take]!.statements.length <= MAX_STATEMENTS_PER_COMMIT)) {
        count += this.pending[take]!.statements.length;
        take++;
      }
      await this.commit(this.pending.splice(0, take));
      // Writes that arrived during that commit are picked up by the next turn of the loop.
      if (this.pending.length > 0) await new Promise((r) => setTimeout(r, 1));
    }
    this.running = false;
  }

  private async commit(jobs: Job[]): Promise<void> {
    try {
      const results = await writeBatch(this.db, jobs.flatMap((job) => job.statements));
      this.commits++;
      let at = 0;
      for (const job of jobs) {
        job.resolve(results.slice(at, at + job.statements.length));
        at += job.statements.length;
      }
    } catch (error) {
      if (jobs.length === 1) {
        jobs[0]!.reject(error);
        return;
      }
      // One bad write must not fail its neighbours: the group rolled back whole, so each goes again alone.
      for (const job of jobs) await this.commit([job]);
    }
  }
}

const queues = new WeakMap<Db, WriteQueue>();

/** The one write queue of this database client. */
export function writeQueue(db: Db): WriteQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new WriteQueue(db)));
  return queue;
}
