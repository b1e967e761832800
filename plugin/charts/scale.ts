/** Axis arithmetic shared by the charts. */

export interface NiceScale {
  /** The top of the axis: the largest value rounded up to a whole number of steps. */
  max: number;
  /** Gridline spacing: 1, 2 or 5 times a power of ten (never below 1: counts are whole). */
  step: number;
}

/**
 * An axis that fits the data: the smallest 1/2/5 step that reaches `value`
 * in at most `ticks` steps, and the top at the first step at or above it
 * (24 → 0, 5, … 25; never an axis to 50 for a largest bar of 24).
 */
export function niceScale(value: number, ticks = 5): NiceScale {
  if (!(value > 1)) return { max: 1, step: 1 };
  for (let power = 1; ; power *= 10) {
    for (const factor of [1, 2, 5]) {
      const step = factor * power;
      if (Math.ceil(value / step) <= ticks) return { max: Math.ceil(value / step) * step, step };
    }
  }
}

/** Every `step`-th index gets a label so at most `most` labels share an axis. */
export function labelStep(count: number, most: number): number {
  return Math.max(1, Math.ceil(count / most));
}
