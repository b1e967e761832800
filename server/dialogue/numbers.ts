/** Small numeric helpers with the spec's null rules. */

/** part / whole (a share or a mean), or null when there is nothing to divide by (the spec's "null when … = 0"). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Median; the mean of the two middle values for an even count; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, far faster than Array#sort with a comparator (a site's months hold thousands).
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Greatest h >= 1 with at least h comments at depth exactly h, else 0 (Gómez, Kaltenbrunner
 * & López 2008). `perDepth[d]` is the number of comments at depth d. A maximum over levels:
 * a deep level can qualify even when a shallower one has fewer comments.
 */
export function hIndex(perDepth: ArrayLike<number>): number {
  for (let h = perDepth.length - 1; h >= 1; h--) if (perDepth[h]! >= h) return h;
  return 0;
}
