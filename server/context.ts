/**
 * What every route and domain function is handed: configuration, storage, the
 * secret, a clock, and the state that lives as long as the app (never in module
 * variables, so two apps in one process never share it).
 */
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { CommentEvents } from './comments/events.js';
import type { ChangeTracker } from './db/changes.js';
import type { Logger } from './log.js';
import type { SiteOrigins } from './site-origins.js';
import type { ResponseCache } from './http/response-cache.js';

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
  /** Which browser origins belong to which site (CORS and the write check). */
  origins: SiteOrigins;
  /** Ready-to-send answers (threads, fragments, the report), rebuilt when the data changes. */
  responses: ResponseCache;
}
