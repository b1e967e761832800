/** What fetching one syndicated copy gives, whatever the platform. */
import type { Reactions } from '../dialogue/types.js';
import type { RemoteComment } from './remote-comments.js';

export type FetchedCopy =
  /** Nothing new since the ETag; reactions when they were read anyway. */
  | { unchanged: true; etag: string | null; reactions: Reactions | null; itemUrl: string }
  | {
      unchanged: false;
      etag: string | null;
      reactions: Reactions;
      /** The copy itself, where its reactions are counted. */
      itemUrl: string;
      /** Every reply at any depth, parents before their replies. */
      replies: RemoteComment[];
    };
