/**
 * A consistent copy of a live file database. `VACUUM INTO` reads inside one
 * read transaction, so under WAL the server's writers go on and the copy is
 * the database as of one instant, compacted, with nothing of the WAL missing.
 */
import type { Db } from './connection.js';

export async function vacuumInto(db: Db, path: string): Promise<void> {
  await db.execute({ sql: 'VACUUM INTO ?', args: [path] });
}
