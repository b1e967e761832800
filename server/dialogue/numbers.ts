/** Small numeric helpers with the spec's null rules. */

/** part / whole (a share or a mean), or null when there is nothing to divide by (the spec's "null when … = 0"). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Median; the mean of the two middle values for an even count; null for no values. Sorts `values` in place. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
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
