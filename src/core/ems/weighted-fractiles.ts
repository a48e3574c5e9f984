/**
 * Fractiles of per-cell minutes under any weight (residents, calls): the
 * share within a target, the curve T = 0…horizon, the median and the 90th
 * percentile. The same conventions as response-times.ts: a cell beyond the
 * horizon (or never reached, Infinity) counts in the denominator only, and
 * a percentile that falls among such cells is null, never invented.
 * (Written for the hospital figures; the EMS figures may share one later.)
 */
import type { Fractiles } from './types.ts';

/**
 * @param minutes per cell (Infinity or NaN: not reached)
 * @param weight per cell, same order (≥ 0)
 * @param targetMinutes the share `withinTarget` counts minutes ≤ this
 * @param horizonMinutes the curve's last minute; later minutes count as not reached
 * @example weightedFractiles(Float64Array.of(4, Infinity), [1, 1], 5, 60) // withinTarget 0.5, median 4, p90 null
 */
export function weightedFractiles(minutes: Float64Array, weight: ArrayLike<number>, targetMinutes: number, horizonMinutes: number): Fractiles {
  const horizon = Math.ceil(horizonMinutes);
  const bins = new Float64Array(horizon + 1);
  const reached: number[] = [];
  let total = 0;
  let within = 0;
  for (let i = 0; i < minutes.length; i++) {
    const w = weight[i];
    total += w;
    const m = minutes[i];
    if (!(w > 0 && m <= horizonMinutes)) continue;
    reached.push(i);
    bins[Math.max(0, Math.ceil(m))] += w;
    if (m <= targetMinutes) within += w;
  }
  reached.sort((a, b) => minutes[a] - minutes[b] || a - b);
  let sum = 0;
  let median: number | null = null;
  let p90: number | null = null;
  for (const i of reached) {
    sum += weight[i];
    if (median === null && sum >= 0.5 * total) median = minutes[i];
    if (p90 === null && sum >= 0.9 * total) p90 = minutes[i];
  }
  const curve: number[] = new Array(horizon + 1);
  let cumulative = 0;
  for (let t = 0; t <= horizon; t++) {
    cumulative += bins[t];
    curve[t] = total > 0 ? cumulative / total : 0;
  }
  return {
    weight: total,
    withinTarget: total > 0 ? within / total : 0,
    curve,
    medianMinutes: total > 0 ? median : null,
    p90Minutes: total > 0 ? p90 : null,
    unreached: total - sum,
  };
}
