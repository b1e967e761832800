/** Axis arithmetic shared by the bar charts. */

/** The smallest 1, 2 or 5 × 10^k at or above `value` (at least 1), so gridlines land on round numbers. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Every `step`-th index gets a label so at most `most` labels share an axis. */
export function labelStep(count: number, most: number): number {
  return Math.max(1, Math.ceil(count / most));
}
