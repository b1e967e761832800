/** The `sources` and `reactions` counters of the report: zeroes, and sums over posts (a post taken out again subtracts). */
import type { Reactions, SourceCounts } from './types.js';

export const noSources = (): SourceCounts => ({ site: 0, webmention: 0, mastodon: 0, bluesky: 0 });

export const noReactions = (): Reactions => ({ likes: 0, reposts: 0 });

/** Adds `add` to `into` (`by` = -1 takes it back out). */
export function addSources(into: SourceCounts, add: SourceCounts, by = 1): void {
  into.site += by * add.site;
  into.webmention += by * add.webmention;
  into.mastodon += by * add.mastodon;
  into.bluesky += by * add.bluesky;
}

export function addReactions(into: Reactions, add: Reactions, by = 1): void {
  into.likes += by * add.likes;
  into.reposts += by * add.reposts;
}
