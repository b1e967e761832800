/** Storage for commenters the author trusts: their comments skip first-time moderation. */
import type { Db } from './connection.js';

export async function isTrusted(db: Db, site: string, commenterKey: string): Promise<boolean> {
  const result = await db.execute({ sql: 'SELECT 1 FROM trusted_commenters WHERE site = ? AND commenter_key = ?', args: [site, commenterKey] });
  return result.rows.length > 0;
}

export async function trust(db: Db, site: string, commenterKey: string, now: number): Promise<void> {
  await db.execute({
    sql: 'INSERT INTO trusted_commenters (site, commenter_key, trusted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    args: [site, commenterKey, now],
  });
}
