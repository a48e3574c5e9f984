/**
 * Weighted response-time fractiles from per-cell minutes: the share of a
 * weight (residents, calls) reached within T minutes, the median and the
 * 90th percentile, for any number of cell groups (region, zones, first-due
 * areas) at once. Minutes are binned to the tenth of a minute above (a cell
 * reached in 7.43 min counts at 7.5), so no sort is needed: one pass per
 * weight fills a histogram per group, and every figure is read off it.
 *
 * Weight no station reaches within the horizon counts as "not reached": it is
 * in every share's denominator, never in a numerator, and a percentile that
 * falls among it is null, never an invented number.
 */
import type { Fractiles } from './types.ts';

/** Histogram bins per minute: percentiles are given to the tenth of a minute above. */
export const BINS_PER_MINUTE = 10;

/** Float noise allowed when minutes sit exactly on a bin edge (km converted to minutes, sums of weights). */
const EDGE = 1e-9;

/**
 * Per cell, the bin of its minutes (minutes rounded up to the tenth), or -1
 * when not reached within `horizonMinutes` (Infinity, NaN or beyond).
 * @example minuteBins(Float64Array.of(0, 7.43, 7.5, 61, Infinity), 60) // [0, 75, 75, -1, -1]
 */
export function minuteBins(minutes: Float64Array, horizonMinutes: number, out: Int32Array = new Int32Array(minutes.length)): Int32Array {
  const last = Math.round(horizonMinutes * BINS_PER_MINUTE);
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i];
    // NaN fails the test too: not reached
    if (m <= horizonMinutes + EDGE) {
      const b = Math.ceil(m * BINS_PER_MINUTE - EDGE);
      out[i] = b < 0 ? 0 : b > last ? last : b;
    } else out[i] = -1;
  }
  return out;
}

/** Weight per bin of each group (row g: bins 0…last), and each group's total weight reached or not. */
export interface Histograms {
  groups: number;
  /** Bins per group (horizon × BINS_PER_MINUTE + 1). */
  width: number;
  /** groups × width weights. */
  reached: Float64Array;
  /** Per group: all its weight, reached or not. */
  total: Float64Array;
}

/**
 * Fills one histogram per group in one pass over the cells.
 * @param bins from minuteBins
 * @param weight per cell (residents, calls per year)
 * @param groupOf per cell its group 0…groups−1, or −1 for none; null: every cell in group 0
 */
export function histograms(bins: Int32Array, weight: Float64Array, horizonMinutes: number, groupOf: Int32Array | null, groups: number): Histograms {
  const width = Math.round(horizonMinutes * BINS_PER_MINUTE) + 1;
  const reached = new Float64Array(groups * width);
  const total = new Float64Array(groups);
  for (let i = 0; i < bins.length; i++) {
    const w = weight[i];
    if (w === 0) continue;
    const g = groupOf === null ? 0 : groupOf[i];
    if (g < 0) continue;
    total[g] += w;
    const b = bins[i];
    if (b >= 0) reached[g * width + b] += w;
  }
  return { groups, width, reached, total };
}

/**
 * The fractiles of group `g`: share within `targetMinutes`, the curve at each
 * whole minute 0…horizon, median and 90th percentile (null when they fall
 * among the not reached, or the group has no weight).
 */
export function fractilesOf(h: Histograms, g: number, targetMinutes: number): Fractiles {
  const { width, reached } = h;
  const total = h.total[g];
  const horizon = (width - 1) / BINS_PER_MINUTE;
  const targetBin = Math.floor(targetMinutes * BINS_PER_MINUTE + EDGE);
  const curve: number[] = new Array(Math.floor(horizon) + 1);
  const slack = EDGE * total;
  let cum = 0;
  let within = 0;
  let median: number | null = null;
  let p90: number | null = null;
  const row = g * width;
  for (let b = 0; b < width; b++) {
    cum += reached[row + b];
    if (b === targetBin) within = cum;
    if (median === null && total > 0 && cum >= 0.5 * total - slack) median = b / BINS_PER_MINUTE;
    if (p90 === null && total > 0 && cum >= 0.9 * total - slack) p90 = b / BINS_PER_MINUTE;
    if (b % BINS_PER_MINUTE === 0) curve[b / BINS_PER_MINUTE] = total > 0 ? cum / total : 0;
  }
  if (targetBin >= width) within = cum;
  return {
    weight: total,
    withinTarget: total > 0 ? within / total : 0,
    curve,
    medianMinutes: median,
    p90Minutes: p90,
    unreached: Math.max(0, total - cum),
  };
}
