/**
 * A per-database counter of writes to comments, so caches in this process can
 * tell at no cost whether anything changed. Writes from other processes (a CLI
 * import) are not seen here; caches bound that staleness with a short lifetime.
 */
import type { Db } from './connection.js';

const generations = new WeakMap<Db, number>();

export function changeGeneration(db: Db): number {
  return generations.get(db) ?? 0;
}

export function recordChange(db: Db): void {
  generations.set(db, changeGeneration(db) + 1);
}
