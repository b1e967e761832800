/**
 * Oldest first, for comments with the API's ISO 8601 UTC times: those compare
 * as plain strings (code units), which is the order localeCompare gives them
 * at a fraction of its cost (no collation); the id breaks ties.
 */
export function byCreation(a: { createdAt: string; id: number }, b: { createdAt: string; id: number }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}
