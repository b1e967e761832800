/**
 * Versioned schema migrations, applied in order at start. Re-running is a
 * no-op; a database written by a newer Kommentar is refused.
 */
import { withTransaction, type Db } from './connection.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/** Trigger statement of migration 15: one more change to what the report reads of the thread `threadId` names. */
function countChange(threadId: string): string {
  return `INSERT INTO report_thread_changes (thread_id, changes) VALUES (${threadId}, 1) ON CONFLICT (thread_id) DO UPDATE SET changes = changes + 1;`;
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
  {
    version: 6,
    name: 'deploy hook schedule',
    statements: [
      // One row per configured deploy hook (`hook` is a hash of site and URL, not the URL, which may carry a secret).
      // due_at: when the next call goes out (NULL: nothing waiting); every public change pushes it to now + debounce.
      `CREATE TABLE deploy_hook_schedule (
        hook TEXT PRIMARY KEY,
        due_at INTEGER,
        last_queued_at INTEGER
      )`,
    ],
  },
  {
    version: 8,
    name: 'comments from elsewhere, reactions, webmentions',
    statements: [
      // Where a comment was written, and for one written elsewhere, the URL of the original.
      "ALTER TABLE comments ADD COLUMN source TEXT NOT NULL DEFAULT 'site' CHECK (source IN ('site', 'webmention', 'mastodon', 'bluesky'))",
      'ALTER TABLE comments ADD COLUMN source_url TEXT',
      // A re-sent or re-fetched original updates its comment, never adds a second one.
      'CREATE UNIQUE INDEX comments_by_source_url ON comments (thread_id, source_url) WHERE source_url IS NOT NULL',
      // Applause and mentions from elsewhere, one row per source item and kind: likes/reposts are counted, never comments.
      `CREATE TABLE reactions (
        id INTEGER PRIMARY KEY,
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        source TEXT NOT NULL CHECK (source IN ('webmention', 'mastodon', 'bluesky')),
        item_url TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('like', 'repost', 'bookmark', 'mention')),
        count INTEGER NOT NULL CHECK (count >= 0),
        author_name TEXT,
        author_url TEXT,
        updated_at INTEGER NOT NULL,
        UNIQUE (thread_id, item_url, kind)
      )`,
      // Received Webmentions: the verification queue and its outcome. public_id names the status URL.
      `CREATE TABLE webmentions (
        id INTEGER PRIMARY KEY,
        public_id TEXT NOT NULL UNIQUE,
        site TEXT NOT NULL,
        uri TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'verified', 'failed', 'deleted')),
        kind TEXT,
        comment_id INTEGER REFERENCES comments(id),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_check_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (source, target)
      )`,
      'CREATE INDEX webmentions_due ON webmentions (next_check_at)',
    ],
  },
  {
    version: 9,
    name: 'syndicated copies',
    statements: [
      // A post's copies on Mastodon or Bluesky, fetched for replies on a schedule with backoff.
      `CREATE TABLE syndication_copies (
        id INTEGER PRIMARY KEY,
        site TEXT NOT NULL,
        uri TEXT NOT NULL,
        url TEXT NOT NULL,
        platform TEXT NOT NULL CHECK (platform IN ('mastodon', 'bluesky')),
        etag TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        next_fetch_at INTEGER NOT NULL,
        last_fetched_at INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (site, uri, url)
      )`,
      'CREATE INDEX syndication_due ON syndication_copies (next_fetch_at)',
    ],
  },
  {
    version: 10,
    name: 'no answer needed',
    statements: [
      // When the author marked a reader comment "no answer needed" (null: not marked); the report's waitingForAuthor leaves it out.
      'ALTER TABLE comments ADD COLUMN acknowledged_at INTEGER',
    ],
  },
  {
    version: 13,
    name: 'thread language',
    statements: [
      // The catalogue language of the page a comment was written on ('de'; null: the page named none Kommentar speaks).
      'ALTER TABLE comments ADD COLUMN page_lang TEXT',
      // The thread's language, adopted from its first public comment that named one, like its title; emails about it use it.
      'ALTER TABLE threads ADD COLUMN lang TEXT',
    ],
  },
  {
    version: 14,
    name: 'desk settings',
    statements: [
      // The author's choices for the desk (one desk spans every site): name → value, e.g. lang → 'de'.
      `CREATE TABLE desk_settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
    ],
  },
  {
    version: 15,
    name: 'report snapshots',
    statements: [
      // Per thread, a count of the changes to what the report reads of it; bumped by the triggers below on every
      // write path (API, desk, imports, Webmentions, moderation), so no code that writes needs to remember it.
      // New comments need no trigger (one per inserted row made bulk inserts a third slower): a snapshot also
      // keeps its thread's comment count, which only an insert raises (a delete bumps the changes).
      `CREATE TABLE report_thread_changes (
        thread_id INTEGER PRIMARY KEY,
        changes INTEGER NOT NULL
      )`,
      // A thread's part of the report computed once (server/db/report-snapshots.ts, server/report/post-snapshot.ts): valid while its thread's
      // changes count and comment count are the same and the cut-off lies in [cutoff, valid_until). One row per thread and kind of report.
      `CREATE TABLE report_snapshots (
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        shift_days INTEGER NOT NULL,
        people INTEGER NOT NULL,
        format INTEGER NOT NULL,
        changes INTEGER NOT NULL,
        comment_count INTEGER NOT NULL,
        cutoff INTEGER NOT NULL,
        valid_until INTEGER,
        any_approved INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (thread_id, shift_days, people)
      )`,
      // Small lasting ids for reader keys (as the report reads them), so snapshots name readers by number.
      `CREATE TABLE report_readers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE
      )`,
      // Every column the report reads (new comments aside): comments (streamSiteThreads), reactions (reactionsOfThreads), the thread's uri and title.
      `CREATE TRIGGER report_comment_updated AFTER UPDATE ON comments
        WHEN OLD.thread_id IS NOT NEW.thread_id OR OLD.parent_id IS NOT NEW.parent_id OR OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at OR OLD.commenter_key IS NOT NEW.commenter_key OR OLD.is_author IS NOT NEW.is_author OR OLD.name IS NOT NEW.name OR OLD.acknowledged_at IS NOT NEW.acknowledged_at OR OLD.source IS NOT NEW.source BEGIN
        ${countChange('OLD.thread_id')}
        ${countChange('NEW.thread_id')}
      END`,
      `CREATE TRIGGER report_comment_deleted AFTER DELETE ON comments BEGIN
        ${countChange('OLD.thread_id')}
      END`,
      `CREATE TRIGGER report_reaction_inserted AFTER INSERT ON reactions BEGIN
        ${countChange('NEW.thread_id')}
      END`,
      `CREATE TRIGGER report_reaction_updated AFTER UPDATE ON reactions BEGIN
        ${countChange('OLD.thread_id')}
        ${countChange('NEW.thread_id')}
      END`,
      `CREATE TRIGGER report_reaction_deleted AFTER DELETE ON reactions BEGIN
        ${countChange('OLD.thread_id')}
      END`,
      `CREATE TRIGGER report_thread_updated AFTER UPDATE ON threads
        WHEN OLD.uri IS NOT NEW.uri OR OLD.title IS NOT NEW.title OR OLD.site IS NOT NEW.site BEGIN
        ${countChange('NEW.id')}
      END`,
    ],
  },
  {
    version: 16,
    name: 'report folds',
    statements: [
      // Snapshots are a cache: the table is made again, keyed by what each was computed from, so a thread's older
      // snapshot stays while the site's fold holds it (a report takes it out of the fold when the thread changed), and
      // with the public report's posts apart (it counts only threads with an approved comment, so its fold differs).
      'DROP TABLE report_snapshots',
      `CREATE TABLE report_snapshots (
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        shift_days INTEGER NOT NULL,
        people INTEGER NOT NULL,
        public_only INTEGER NOT NULL,
        format INTEGER NOT NULL,
        changes INTEGER NOT NULL,
        comment_count INTEGER NOT NULL,
        cutoff INTEGER NOT NULL,
        valid_until INTEGER,
        any_approved INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (thread_id, shift_days, people, public_only, changes, comment_count, cutoff)
      )`,
      // Comments deleted (rows, not marked deleted), ever: while the count stays, no comment id has come back, so the
      // comments added since a report are those above its highest id (server/db/report-snapshots.ts, CommentsMark).
      `CREATE TABLE report_comment_deletions (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        deletions INTEGER NOT NULL
      )`,
      `CREATE TRIGGER report_comment_deletion AFTER DELETE ON comments BEGIN
        INSERT INTO report_comment_deletions (id, deletions) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET deletions = deletions + 1;
      END`,
      // The site level of a report folded over every thread's snapshot (server/db/report-snapshots.ts, server/report/site-fold.ts),
      // naming the snapshot each thread's part came from, so the next report replaces only the parts of changed threads.
      `CREATE TABLE report_folds (
        site TEXT NOT NULL,
        shift_days INTEGER NOT NULL,
        people INTEGER NOT NULL,
        public_only INTEGER NOT NULL,
        format INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (site, shift_days, people, public_only)
      )`,
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

/**
 * Brings the schema to `latestVersion`; returns the versions it applied. The
 * version is read and the migrations applied in one write transaction, so
 * several processes starting at once (serve --workers) migrate exactly once.
 */
export async function migrate(db: Db): Promise<number[]> {
  await db.execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  return withTransaction(db, async (tx) => {
    const result = await tx.execute('SELECT version FROM schema_migrations');
    const done = new Set(result.rows.map((row) => Number(row.version)));
    const current = Math.max(0, ...done);
    if (current > latestVersion) {
      throw new SchemaTooNewError(
        `the database is at schema version ${current}, but this Kommentar knows versions up to ${latestVersion}: upgrade Kommentar or point KOMMENTAR_DB_URL at another database`,
      );
    }
    const applied: number[] = [];
    // Every version not applied yet, not only those above the highest: versions are numbered with gaps.
    for (const migration of migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version)) {
      for (const statement of migration.statements) await tx.execute(statement);
      await tx.execute({ sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', args: [migration.version, migration.name, Date.now()] });
      applied.push(migration.version);
    }
    return applied;
  });
}
