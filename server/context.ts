/** What every route and domain function is handed: configuration, storage, the secret and a clock. */
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { CommentEvents } from './comments/events.js';
import type { ChangeTracker } from './db/changes.js';
import type { Logger } from './log.js';

export interface AppContext {
  config: Config;
  db: Db;
  secret: string;
  /** Milliseconds since the epoch; replaceable so tests can move time. */
  now: () => number;
  events: CommentEvents;
  /** Whether comments changed, here or in another process on the same database (caches ask it). */
  changes: ChangeTracker;
  log: Logger;
}
