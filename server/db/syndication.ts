/**
 * Storage for syndicated copies of posts (on Mastodon or Bluesky) and their
 * fetch schedule. Every query on the syndication_copies table lives here.
 */
import type { Db } from './connection.js';

export type Platform = 'mastodon' | 'bluesky';

export interface SyndicationCopy {
  id: number;
  site: string;
  uri: string;
  url: string;
  platform: Platform;
  etag: string | null;
  failures: number;
  unchanged: number;
  nextFetchAt: number;
  lastFetchedAt: number | null;
  lastError: string | null;
}

const COLUMNS = 'id, site, uri, url, platform, etag, failures, unchanged, next_fetch_at, last_fetched_at, last_error';

function toCopy(row: Record<string, unknown>): SyndicationCopy {
  return {
    id: Number(row.id),
    site: String(row.site),
    uri: String(row.uri),
    url: String(row.url),
    platform: String(row.platform) as Platform,
    etag: row.etag === null ? null : String(row.etag),
    failures: Number(row.failures),
    unchanged: Number(row.unchanged),
    nextFetchAt: Number(row.next_fetch_at),
    lastFetchedAt: row.last_fetched_at === null ? null : Number(row.last_fetched_at),
    lastError: row.last_error === null ? null : String(row.last_error),
  };
}

/** Makes `copies` the post's copies: new ones are due at once, known ones keep their schedule, others go. */
export async function replaceCopies(db: Db, site: string, uri: string, copies: { url: string; platform: Platform }[], now: number): Promise<void> {
  await db.batch(
    [
      {
        sql: `DELETE FROM syndication_copies WHERE site = ? AND uri = ?${copies.length ? ` AND url NOT IN (${copies.map(() => '?').join(', ')})` : ''}`,
        args: [site, uri, ...copies.map((c) => c.url)],
      },
      ...copies.map((copy) => ({
        sql: `INSERT INTO syndication_copies (site, uri, url, platform, next_fetch_at, created_at) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (site, uri, url) DO NOTHING`,
        args: [site, uri, copy.url, copy.platform, now, now],
      })),
    ],
    'write',
  );
}

export async function listCopies(db: Db, site: string, uri?: string): Promise<SyndicationCopy[]> {
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM syndication_copies WHERE site = ?${uri === undefined ? '' : ' AND uri = ?'} ORDER BY uri, id`,
    args: uri === undefined ? [site] : [site, uri],
  });
  return result.rows.map(toCopy);
}

/** Copies whose next fetch is due, soonest first. */
export async function dueCopies(db: Db, now: number, limit: number): Promise<SyndicationCopy[]> {
  const result = await db.execute({
    sql: `SELECT ${COLUMNS} FROM syndication_copies WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id LIMIT ?`,
    args: [now, limit],
  });
  return result.rows.map(toCopy);
}

export async function recordFetch(
  db: Db,
  id: number,
  fields: { etag: string | null; failures: number; unchanged: number; nextFetchAt: number; lastError: string | null },
  now: number,
): Promise<void> {
  await db.execute({
    sql: `UPDATE syndication_copies SET etag = ?, failures = ?, unchanged = ?, next_fetch_at = ?, last_error = ?, last_fetched_at = ?
          WHERE id = ?`,
    args: [fields.etag, fields.failures, fields.unchanged, fields.nextFetchAt, fields.lastError, now, id],
  });
}
