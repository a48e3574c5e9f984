/**
 * Fractiles of per-cell minutes under one weight over all cells (the
 * hospital figures): the one implementation in fractiles.ts, as a single group.
 */
import { groupFractiles, minuteBins } from './fractiles.ts';
import type { Fractiles } from './types.ts';

/**
 * @param minutes per cell (Infinity or NaN: not reached)
 * @param weight per cell, same order (≥ 0)
 * @param targetMinutes the share `withinTarget` counts minutes ≤ this
 * @param horizonMinutes the curve's last minute; later minutes count as not reached
 * @example weightedFractiles(Float64Array.of(4, Infinity), [1, 1], 5, 60) // withinTarget 0.5, median 4, p90 null
 */
export function weightedFractiles(minutes: Float64Array, weight: ArrayLike<number>, targetMinutes: number, horizonMinutes: number): Fractiles {
  const w = weight instanceof Float64Array ? weight : Float64Array.from(weight);
  const f = groupFractiles(minutes, minuteBins(minutes, horizonMinutes), w, horizonMinutes, null, 1, targetMinutes)[0];
  // a weightless set has no percentiles (the histogram reads 0 of 0 as reached)
  return f.weight > 0 ? f : { ...f, medianMinutes: null, p90Minutes: null };
}
