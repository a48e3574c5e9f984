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
  let total = 0;
  let within = 0;
  let reachedWeight = 0;
  for (let i = 0; i < minutes.length; i++) {
    const w = weight[i];
    total += w;
    const m = minutes[i];
    if (!(w > 0 && m <= horizonMinutes)) continue;
    bins[binOf(m)] += w;
    reachedWeight += w;
    if (m <= targetMinutes) within += w;
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
    medianMinutes: total > 0 ? quantile(minutes, weight, bins, horizonMinutes, 0.5 * total) : null,
    p90Minutes: total > 0 ? quantile(minutes, weight, bins, horizonMinutes, 0.9 * total) : null,
    unreached: total - reachedWeight,
  };
}

/** The curve's minute bin of a time: T holds the times in (T − 1, T] (and every time ≤ 0 in 0). */
const binOf = (m: number) => Math.max(0, Math.ceil(m));

/**
 * The least minutes by which `needed` weight is reached (null when it never
 * is within the horizon): the bin holding it is found from the bin sums, and
 * only that bin's cells are sorted, so a region of a million cells is not.
 */
function quantile(minutes: Float64Array, weight: ArrayLike<number>, bins: Float64Array, horizonMinutes: number, needed: number): number | null {
  let before = 0;
  let bin = 0;
  while (bin < bins.length && before + bins[bin] < needed) before += bins[bin++];
  if (bin === bins.length) return null;
  const cells: number[] = [];
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i];
    if (weight[i] > 0 && m <= horizonMinutes && binOf(m) === bin) cells.push(i);
  }
  cells.sort((a, b) => minutes[a] - minutes[b]);
  let sum = before;
  for (const i of cells) {
    sum += weight[i];
    if (sum >= needed) return minutes[i];
  }
  // rounding between the bin sums and this walk: the bin's last time
  return cells.length > 0 ? minutes[cells[cells.length - 1]] : null;
}
