/**
 * Versioned schema migrations, applied in order at start. Re-running is a
 * no-op; a database written by a newer Kommentar is refused.
 */
import type { Db } from './connection.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'threads and comments',
    statements: [
      `CREATE TABLE threads (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL,
        uri TEXT NOT NULL,
        title TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (site, uri)
      )`,
      `CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        parent_id INTEGER REFERENCES comments(id),
        depth INTEGER NOT NULL CHECK (depth >= 1),
        status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted')),
        body TEXT NOT NULL,
        html TEXT NOT NULL,
        name TEXT,
        url TEXT,
        email TEXT,
        commenter_key TEXT,
        is_author INTEGER NOT NULL DEFAULT 0,
        notify INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        edited_at INTEGER,
        edit_token_hash TEXT,
        import_source TEXT,
        import_id TEXT
      )`,
      'CREATE INDEX comments_by_thread ON comments (thread_id, created_at, id)',
      'CREATE INDEX comments_by_parent ON comments (parent_id)',
      'CREATE INDEX comments_by_key ON comments (commenter_key)',
      'CREATE UNIQUE INDEX comments_by_import ON comments (import_source, import_id) WHERE import_id IS NOT NULL',
      `CREATE TABLE trusted_commenters (
        site TEXT NOT NULL,
        commenter_key TEXT NOT NULL,
        trusted_at INTEGER NOT NULL,
        PRIMARY KEY (site, commenter_key)
      )`,
    ],
  },
  {
    version: 2,
    name: 'desk sessions, outbox, notification addresses',
    statements: [
      // Only a hash of the session token is stored: a leaked database opens no desk.
      `CREATE TABLE desk_sessions (
        token_hash TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      )`,
      'CREATE INDEX desk_sessions_by_expiry ON desk_sessions (expires_at)',
      `CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
        topic TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
      'CREATE INDEX outbox_due ON outbox (status, next_attempt_at)',
      // One row per email address (an HMAC of it, never the address) that asked for reply emails.
      `CREATE TABLE notify_addresses (
        address_hash TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'confirmed', 'unsubscribed')),
        confirm_sent_at INTEGER,
        updated_at INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'import content hash',
    statements: [
      // Hash of an imported comment's source content: a re-import tells unchanged from changed without converting again.
      'ALTER TABLE comments ADD COLUMN import_hash TEXT',
    ],
  },
  {
    version: 4,
    name: 'pending edits, proposed titles, identity keys',
    statements: [
      // An edit of a public comment that awaits moderation; the approved text stays public until then.
      'ALTER TABLE comments ADD COLUMN pending_body TEXT',
      'ALTER TABLE comments ADD COLUMN pending_html TEXT',
      'ALTER TABLE comments ADD COLUMN pending_at INTEGER',
      // The page title sent with a comment: it becomes the thread's title only when the comment is public.
      'ALTER TABLE comments ADD COLUMN page_title TEXT',
      // HMAC of the browser identity token: trust may rest on it, as on a confirmed email, never on a typed address.
      'ALTER TABLE comments ADD COLUMN identity_key TEXT',
      'CREATE INDEX comments_by_identity ON comments (identity_key) WHERE identity_key IS NOT NULL',
      'CREATE INDEX comments_with_pending_edit ON comments (pending_at) WHERE pending_at IS NOT NULL',
    ],
  },
  {
    version: 5,
    name: 'rate limits',
    statements: [
      // One fixed window per (scope, hashed client address): shared by every process on the file, kept across restarts.
      `CREATE TABLE rate_limits (
        scope TEXT NOT NULL,
        client_hash TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (scope, client_hash)
      ) WITHOUT ROWID`,
      'CREATE INDEX rate_limits_by_window ON rate_limits (window_start)',
    ],
  },
];

export const latestVersion = Math.max(...migrations.map((m) => m.version));

/** The database's schema version without changing anything: 0 for a database Kommentar never migrated. */
export async function schemaVersion(db: Db): Promise<number> {
  const table = await db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (table.rows.length === 0) return 0;
  const result = await db.execute('SELECT max(version) AS version FROM schema_migrations');
  return Number(result.rows[0]?.version ?? 0);
}

/** Brings the schema to `latestVersion`; returns the versions it applied. */
export async function migrate(db: Db): Promise<number[]> {
  await db.execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = await schemaVersion(db);
  if (current > latestVersion) {
    throw new SchemaTooNewError(
      `the database is at schema version ${current}, but this Kommentar knows versions up to ${latestVersion}: upgrade Kommentar or point KOMMENTAR_DB_URL at another database`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
    await db.batch(
      [
        ...migration.statements,
        { sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', args: [migration.version, migration.name, Date.now()] },
      ],
      'write',
    );
    applied.push(migration.version);
  }
  return applied;
}
