/** What every route and domain function is handed: configuration, storage, the secret and a clock. */
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { CommentEvents } from './comments/events.js';
import type { ResponseCache } from './http/response-cache.js';

export interface AppContext {
  config: Config;
  db: Db;
  secret: string;
  /** Milliseconds since the epoch; replaceable so tests can move time. */
  now: () => number;
  events: CommentEvents;
  /** Ready-to-send answers (threads, fragments, the report), rebuilt when the data changes. */
  responses: ResponseCache;
}
