/**
 * Weighted response-time fractiles from per-cell minutes: the share of a
 * weight (residents, calls) reached within T minutes, the median and the
 * 90th percentile, for any number of cell groups (region, zones, first-due
 * areas) at once, without sorting the cells. One pass fills a histogram of
 * tenth-of-a-minute bins per group; the shares and the curve are read off
 * it; a second pass picks the cells of the one bin each percentile falls in,
 * and only those are sorted, so the percentiles are the exact minutes of a
 * cell, as a full sort would give them.
 *
 * Weight no station reaches within the horizon counts as "not reached": it is
 * in every share's denominator, never in a numerator, and a percentile that
 * falls among it is null, never an invented number.
 */
import type { CellList } from './cell-lists.ts';
import type { Fractiles } from './types.ts';

/** Histogram bins per minute. */
export const BINS_PER_MINUTE = 10;

/** Float noise allowed when minutes sit exactly on a bin edge (km converted to minutes). */
const EDGE = 1e-9;

/** The percentiles given, as shares of the weight. */
const MEDIAN = 0.5;
const P90 = 0.9;

/**
 * Per cell, the bin of its minutes (bin b holds minutes in ((b − 1)/10, b/10]),
 * or −1 when not reached within `horizonMinutes` (Infinity, NaN or beyond).
 * @example minuteBins(Float64Array.of(0, 7.43, 7.5, 61, Infinity), 60) // [0, 75, 75, -1, -1]
 */
export function minuteBins(minutes: Float64Array, horizonMinutes: number, out: Int32Array = new Int32Array(minutes.length)): Int32Array {
  for (let i = 0; i < minutes.length; i++) out[i] = minuteBin(minutes[i], horizonMinutes);
  return out;
}

/** The bin of one cell's minutes, as minuteBins gives it. */
export function minuteBin(m: number, horizonMinutes: number): number {
  // NaN fails the test too: not reached
  if (!(m <= horizonMinutes)) return -1;
  const b = Math.ceil(m * BINS_PER_MINUTE - EDGE);
  const last = Math.round(horizonMinutes * BINS_PER_MINUTE);
  return b < 0 ? 0 : b > last ? last : b;
}

/** Bins a histogram row has: 0 … horizon × BINS_PER_MINUTE. */
export const binsUpTo = (horizonMinutes: number): number => Math.round(horizonMinutes * BINS_PER_MINUTE) + 1;

/** Cells split into groups: per cell its group 0…groups−1, or −1 for none; groupOf null: every cell in group 0. */
export interface Grouping {
  groupOf: Int32Array | null;
  groups: number;
}

/**
 * The fractiles of each group of cells.
 * @param minutes per cell (Infinity: not reached)
 * @param bins minuteBins(minutes, horizonMinutes)
 * @param weight per cell (residents, calls per year)
 * @param targetMinutes the share `withinTarget` counts minutes up to and including this
 */
export function groupFractiles(minutes: Float64Array, bins: Int32Array, weight: Float64Array, horizonMinutes: number, groupOf: Int32Array | null, groups: number, targetMinutes: number): Fractiles[] {
  return groupingFractiles(minutes, bins, weight, horizonMinutes, [{ groupOf, groups }], targetMinutes)[0];
}

/** The histograms' buffer, reused (zeroed) by each grouping: read only by readHistogram before the next. */
let histogramBuffer = new Float64Array(0);

function histogram(length: number): Float64Array {
  if (histogramBuffer.length < length) histogramBuffer = new Float64Array(length);
  else histogramBuffer.fill(0, 0, length);
  return histogramBuffer;
}

/**
 * As groupFractiles for several groupings of the same cells (region, zones,
 * first-due areas): per grouping one pass over the cells for the histograms
 * and one for the exact percentiles. Returns one list per grouping.
 */
export function groupingFractiles(minutes: Float64Array, bins: Int32Array, weight: Float64Array, horizonMinutes: number, groupings: readonly Grouping[], targetMinutes: number): Fractiles[][] {
  const width = binsUpTo(horizonMinutes);
  const read: Read[] = [];
  for (const { groupOf, groups } of groupings) {
    // one tight loop per grouping (a loop over groupings inside the cell loop is several times slower)
    const reached = histogram(groups * width);
    const total = new Float64Array(groups);
    if (groupOf === null) {
      let all = 0;
      for (let i = 0; i < bins.length; i++) {
        const w = weight[i];
        all += w;
        const b = bins[i];
        if (b >= 0) reached[b] += w;
      }
      total[0] = all;
    } else {
      for (let i = 0; i < bins.length; i++) {
        const g = groupOf[i];
        if (g < 0) continue;
        const w = weight[i];
        total[g] += w;
        const b = bins[i];
        if (b >= 0) reached[g * width + b] += w;
      }
    }
    read.push(readHistogram(reached, total, groups, width, horizonMinutes, targetMinutes));
  }
  if (read.some((r) => r.pending > 0)) exactPercentiles(minutes, bins, weight, groupings, read);
  return read.map((r) => r.out);
}

/**
 * What a grouping's histograms give, with the bin each percentile falls in
 * (−1: among the not reached, or a group not read) and the weight before it.
 */
export interface Read {
  out: Fractiles[];
  total: Float64Array;
  /** Per group: [median, p90]. */
  pBin: Int32Array;
  pBefore: Float64Array;
  pending: number;
}

/**
 * The fractiles of each group from its histogram row (`reached`, bins
 * 0…width−1) and its total weight; the percentiles are left for exactPercentiles.
 * @param only the groups to read (1), or null for all: the others keep their entry of `out`
 * @param out where each group's fractiles go (a list kept from an earlier read when `only` is given)
 */
export function readHistogram(reached: Float64Array, total: Float64Array, groups: number, width: number, horizonMinutes: number, targetMinutes: number, only: Uint8Array | null = null, out: Fractiles[] = new Array(groups)): Read {
  const targetBin = Math.floor(targetMinutes * BINS_PER_MINUTE + EDGE);
  const wholeMinutes = Math.floor(horizonMinutes);
  const pBin = new Int32Array(2 * groups).fill(-1);
  const pBefore = new Float64Array(2 * groups);
  let pending = 0;
  for (let g = 0; g < groups; g++) {
    if (only !== null && only[g] === 0) continue;
    const all = total[g];
    const curve: number[] = new Array(wholeMinutes + 1).fill(0);
    const row = g * width;
    let cum = 0;
    let within = 0;
    if (all > 0) {
      for (let b = 0; b < width; b++) {
        const before = cum;
        cum += reached[row + b];
        if (b === targetBin) within = cum;
        if (pBin[2 * g] < 0 && cum >= MEDIAN * all) {
          pBin[2 * g] = b;
          pBefore[2 * g] = before;
          pending++;
        }
        if (pBin[2 * g + 1] < 0 && cum >= P90 * all) {
          pBin[2 * g + 1] = b;
          pBefore[2 * g + 1] = before;
          pending++;
        }
        if (b % BINS_PER_MINUTE === 0 && b / BINS_PER_MINUTE <= wholeMinutes) curve[b / BINS_PER_MINUTE] = cum / all;
      }
      if (targetBin >= width) within = cum;
    }
    out[g] = { weight: all, withinTarget: all > 0 ? within / all : 0, curve, medianMinutes: null, p90Minutes: null, unreached: Math.max(0, all - cum) };
  }
  return { out, total, pBin, pBefore, pending };
}

/**
 * The exact minutes of each percentile: the cells of its bin, in order of
 * minutes (then index), walked from the weight before the bin.
 * @param among per grouping, the cells to look among (they must hold every cell of the percentile bins), or null/missing: all
 */
export function exactPercentiles(minutes: Float64Array, bins: Int32Array, weight: Float64Array, groupings: readonly Grouping[], read: readonly Read[], among: readonly (CellList | null)[] = []): void {
  groupings.forEach(({ groupOf }, k) => {
    const { out, total, pBin, pBefore, pending } = read[k];
    if (pending === 0) return;
    const picked: number[] = [];
    const list = among[k] ?? null;
    const count = list ? list.count : bins.length;
    if (groupOf === null) {
      const b0 = pBin[0];
      const b1 = pBin[1];
      for (let j = 0; j < count; j++) {
        const i = list ? list.cells[j] : j;
        const b = bins[i];
        if ((b === b0 || b === b1) && b >= 0 && weight[i] !== 0) picked.push(i);
      }
    } else {
      for (let j = 0; j < count; j++) {
        const i = list ? list.cells[j] : j;
        const g = groupOf[i];
        const b = bins[i];
        if (g >= 0 && b >= 0 && (b === pBin[2 * g] || b === pBin[2 * g + 1]) && weight[i] !== 0) picked.push(i);
      }
    }
    // bucket the picked cells by group (counting sort), then sort each small bucket by minutes
    const start = new Int32Array(out.length + 1);
    for (const i of picked) start[(groupOf === null ? 0 : groupOf[i]) + 1]++;
    for (let g = 0; g < out.length; g++) start[g + 1] += start[g];
    const cells = new Int32Array(picked.length);
    const fill = start.slice(0, out.length);
    for (const i of picked) cells[fill[groupOf === null ? 0 : groupOf[i]]++] = i;
    const byMinutes = (a: number, b: number) => minutes[a] - minutes[b] || a - b;
    for (let g = 0; g < out.length; g++) {
      const s = start[g];
      const e = start[g + 1];
      if (e === s) continue;
      cells.subarray(s, e).sort(byMinutes);
      for (let p = 0; p < 2; p++) {
        const bin = pBin[2 * g + p];
        if (bin < 0) continue;
        const share = p === 0 ? MEDIAN : P90;
        let cum = pBefore[2 * g + p];
        let found = NaN;
        for (let j = s; j < e; j++) {
          const i = cells[j];
          if (bins[i] !== bin) continue;
          cum += weight[i];
          found = minutes[i];
          if (cum >= share * total[g]) break;
        }
        // the histogram sums the same weights in another order: on a float tie the bin's last cell stands
        if (p === 0) out[g].medianMinutes = found;
        else out[g].p90Minutes = found;
      }
    }
  });
}
