/**
 * Opens storage and builds the context shared by the server and the CLI. Its
 * own module, apart from server.ts: the CLI's import and export need the
 * context, not the HTTP app and its libraries, whose loading a command would wait for.
 */
import { CommentEvents } from './comments/events.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { ChangeTracker } from './db/changes.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrations.js';
import { ResponseCache } from './http/response-cache.js';
import { loadSecret } from './identity/secret.js';
import { createLogger } from './log.js';
import { SiteOrigins } from './site-origins.js';

export async function openContext(config: Config): Promise<AppContext> {
  const db = await openDatabase(config.dbUrl, config.dbAuthToken);
  try {
    await migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { config, db, secret: loadSecret(config.secret, config.dataDir), now: Date.now, events: new CommentEvents(), changes: new ChangeTracker(config.dbUrl), log: createLogger(config.logLevel), origins: new SiteOrigins(config), responses: new ResponseCache() };
}
