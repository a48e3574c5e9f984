/**
 * Cell status drawn on the coarser parent hexagons at low zoom: a res-9 cell
 * is under a pixel there, and drawing 100,000 of them is what makes a frame
 * slow. Each parent shows the status of most of its residents (a display
 * generalisation of the engine's per-cell result, not a computation of
 * coverage); ties go to the worse status, so a gap is never hidden by a tie.
 */
import { cellToParent, getResolution } from 'h3-js';
import { PARENT_RESOLUTION } from './layers.ts';

/**
 * Index of each cell's parent: its position in `parents`, or -1 when not
 * listed; without a list, parents are numbered in order of first appearance
 * (the order aggregateParents gives the parent features).
 * @example cellParentIndex(['8941a008a1bffff'], ['8741a008affffff'], 7) // Int32Array [0]
 */
export function cellParentIndex(h3: readonly string[], parents: readonly string[] | null, resolution: number): { parentOf: Int32Array; count: number } {
  const byH3 = new Map((parents ?? []).map((p, k) => [p, k]));
  const parentOf = new Int32Array(h3.length);
  for (let i = 0; i < h3.length; i++) {
    const parent = getResolution(h3[i]) === resolution ? h3[i] : cellToParent(h3[i], resolution);
    let id = byH3.get(parent);
    if (id === undefined && !parents) byH3.set(parent, (id = byH3.size));
    parentOf[i] = id ?? -1;
  }
  return { parentOf, count: byH3.size };
}

const parentIndexes = new WeakMap<readonly string[], { parentOf: Int32Array; count: number }>();

/**
 * Each cell's parent feature id at the resolution the map draws parents (the
 * grid's own when it is already that coarse), computed once per cell list.
 * @example parentIndex(['8941a008a1bffff', '8941a008a13ffff']).count // 1
 */
export function parentIndex(h3: readonly string[]): { parentOf: Int32Array; count: number } {
  let index = parentIndexes.get(h3);
  if (!index) {
    const resolution = h3.length > 0 ? Math.min(PARENT_RESOLUTION, getResolution(h3[0])) : PARENT_RESOLUTION;
    index = cellParentIndex(h3, null, resolution);
    parentIndexes.set(h3, index);
  }
  return index;
}

export interface ParentStatus {
  /** Per parent: 0 covered, 1 marginal, 2 gap. */
  status: Uint8Array;
  /** Per parent: 1 when most of its residents are inside the emergency circle. */
  inside: Uint8Array;
}

/**
 * Majority-of-residents status per parent. A parent whose children hold no
 * residents counts its cells instead.
 * @param status per cell, 0 covered / 1 marginal / 2 gap
 * @param withinCircle per cell, 1 inside the emergency circle
 * @param population residents per cell
 * @param parentOf parent index per cell (from cellParentIndex)
 */
export function parentStatus(
  status: ArrayLike<number>,
  withinCircle: ArrayLike<number>,
  population: ArrayLike<number>,
  parentOf: Int32Array,
  parentCount: number,
): ParentStatus {
  // columns: covered, marginal, gap, inside, total — by residents, then by cells
  const sums = new Float64Array(parentCount * 10);
  for (let i = 0; i < parentOf.length; i++) {
    const p = parentOf[i];
    if (p < 0) continue;
    const row = p * 10;
    const pop = population[i];
    sums[row + status[i]] += pop;
    sums[row + 5 + status[i]] += 1;
    if (withinCircle[i]) {
      sums[row + 3] += pop;
      sums[row + 8] += 1;
    }
    sums[row + 4] += pop;
    sums[row + 9] += 1;
  }
  const out: ParentStatus = { status: new Uint8Array(parentCount), inside: new Uint8Array(parentCount) };
  for (let p = 0; p < parentCount; p++) {
    const row = p * 10 + (sums[p * 10 + 4] > 0 ? 0 : 5);
    let best = 0;
    for (let s = 1; s < 3; s++) if (sums[row + s] >= sums[row + best]) best = s;
    out.status[p] = best;
    out.inside[p] = sums[row + 3] * 2 > sums[row + 4] ? 1 : 0;
  }
  return out;
}
