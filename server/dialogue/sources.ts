/** The `sources` and `reactions` counters of the report: zeroes, and sums over posts. */
import type { Reactions, SourceCounts } from './types.js';

export const noSources = (): SourceCounts => ({ site: 0, webmention: 0, mastodon: 0, bluesky: 0 });

export const noReactions = (): Reactions => ({ likes: 0, reposts: 0 });

export function addSources(into: SourceCounts, add: SourceCounts): void {
  into.site += add.site;
  into.webmention += add.webmention;
  into.mastodon += add.mastodon;
  into.bluesky += add.bluesky;
}

export function addReactions(into: Reactions, add: Reactions): void {
  into.likes += add.likes;
  into.reposts += add.reposts;
}
