/**
 * What happened to comments, told after it is committed, for whoever wants
 * to react at once without the comment path waiting for them (the example
 * site's rebuild, the outbox worker's wake-up). What must not be lost is not
 * left to a listener: outbox rows are written with the comment itself.
 */
import { EventEmitter } from 'node:events';
import type { CommentRow } from '../db/comments.js';

interface EventMap {
  /** A comment was stored (any status). */
  created: [CommentRow];
  /** A pending comment became public. */
  approved: [CommentRow];
  /** Items were committed to the outbox: the worker may deliver now instead of at its next poll. */
  queued: [];
}

export class CommentEvents extends EventEmitter<EventMap> {
  /** Emits without letting a listener's failure reach the caller. */
  notify<K extends keyof EventMap>(event: K, ...args: EventMap[K]): void {
    try {
      this.emit(event, ...(args as never));
    } catch (error) {
      console.error(`[kommentar] ${String(event)} listener failed:`, error);
    }
  }
}
