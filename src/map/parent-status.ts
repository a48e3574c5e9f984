/**
 * Cell status drawn on the coarser parent hexagons at low zoom: a res-9 cell
 * is under a pixel there, and drawing 100,000 of them is what makes a frame
 * slow. Each parent shows the status of most of its residents (a display
 * generalisation of the engine's per-cell result, not a computation of
 * coverage); ties go to the worse status, so a gap is never hidden by a tie.
 */
import { getResolution } from 'h3-js';
import { parentsOf } from './parent-of.ts';
import { PARENT_RESOLUTION } from './layers.ts';

/**
 * Index of each cell's parent: its position in `parents`, or -1 when not
 * listed; without a list, parents are numbered in order of first appearance
 * (the order aggregateParents gives the parent features).
 * @example cellParentIndex(['8941a008a1bffff'], ['8741a008affffff'], 7) // Int32Array [0]
 */
export function cellParentIndex(h3: readonly string[], parents: readonly string[] | null, resolution: number): { parentOf: Int32Array; count: number } {
  const found = parentsOf(h3, resolution, parents);
  return { parentOf: found.parentOf, count: found.parents.length };
}

export interface ParentIndex {
  parentOf: Int32Array;
  count: number;
  children: ParentChildren;
}

const parentIndexes = new WeakMap<readonly string[], ParentIndex>();

/**
 * Each cell's parent feature id at the resolution the map draws parents (the
 * grid's own when it is already that coarse), computed once per cell list.
 * @example parentIndex(['8941a008a1bffff', '8941a008a13ffff']).count // 1
 */
export function parentIndex(h3: readonly string[]): ParentIndex {
  let index = parentIndexes.get(h3);
  if (!index) {
    const resolution = h3.length > 0 ? Math.min(PARENT_RESOLUTION, getResolution(h3[0])) : PARENT_RESOLUTION;
    const { parentOf, count } = cellParentIndex(h3, null, resolution);
    index = { parentOf, count, children: parentChildren(parentOf, count) };
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

/** The children of each parent: cells[start[p] … start[p + 1]) (cell indices). */
export interface ParentChildren {
  start: Int32Array;
  cells: Int32Array;
}

/** Groups cell indices by parent (cells with parent -1 are left out). */
export function parentChildren(parentOf: Int32Array, parentCount: number): ParentChildren {
  const start = new Int32Array(parentCount + 1);
  for (let i = 0; i < parentOf.length; i++) if (parentOf[i] >= 0) start[parentOf[i] + 1]++;
  for (let p = 0; p < parentCount; p++) start[p + 1] += start[p];
  const fill = start.slice(0, parentCount);
  const cells = new Int32Array(start[parentCount]);
  for (let i = 0; i < parentOf.length; i++) if (parentOf[i] >= 0) cells[fill[parentOf[i]]++] = i;
  return { start, cells };
}

/**
 * Recomputes the majority status of the listed parents into `out`, from their
 * children (after a drag only the parents of cells that changed need it).
 */
export function refreshParents(
  out: ParentStatus,
  parents: Iterable<number>,
  children: ParentChildren,
  status: ArrayLike<number>,
  withinCircle: ArrayLike<number>,
  population: ArrayLike<number>,
): void {
  // columns: covered, marginal, gap, inside, total — by residents, then by cells
  const sums = new Float64Array(10);
  for (const p of parents) {
    sums.fill(0);
    for (let k = children.start[p]; k < children.start[p + 1]; k++) {
      const i = children.cells[k];
      const pop = population[i];
      sums[status[i]] += pop;
      sums[5 + status[i]] += 1;
      if (withinCircle[i]) {
        sums[3] += pop;
        sums[8] += 1;
      }
      sums[4] += pop;
      sums[9] += 1;
    }
    const row = sums[4] > 0 ? 0 : 5;
    let best = 0;
    for (let st = 1; st < 3; st++) if (sums[row + st] >= sums[row + best]) best = st;
    out.status[p] = best;
    out.inside[p] = sums[row + 3] * 2 > sums[row + 4] ? 1 : 0;
  }
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
  children: ParentChildren = parentChildren(parentOf, parentCount),
): ParentStatus {
  const out: ParentStatus = { status: new Uint8Array(parentCount), inside: new Uint8Array(parentCount) };
  refreshParents(out, Array.from({ length: parentCount }, (_, p) => p), children, status, withinCircle, population);
  return out;
}

/**
 * Recomputes the response-time class of the listed parents into `out`: the
 * population-weighted median of their children's classes (classes ordered
 * faster to slower, then not reached, then no road access), so a parent
 * shows what its middle resident waits, the figure the response curve's
 * median reports. Not the worst: at a prefecture's zoom one far hamlet would
 * colour a whole parent as slow. A parent without residents counts cells.
 */
export function refreshParentClasses(out: Uint8Array, parents: Iterable<number>, children: ParentChildren, classes: ArrayLike<number>, population: ArrayLike<number>): void {
  const byPopulation = new Float64Array(256);
  const byCells = new Float64Array(256);
  for (const p of parents) {
    byPopulation.fill(0);
    byCells.fill(0);
    let total = 0;
    let cells = 0;
    for (let k = children.start[p]; k < children.start[p + 1]; k++) {
      const i = children.cells[k];
      byPopulation[classes[i]] += population[i];
      byCells[classes[i]] += 1;
      total += population[i];
      cells++;
    }
    const weights = total > 0 ? byPopulation : byCells;
    const half = (total > 0 ? total : cells) / 2;
    let sum = 0;
    let c = 0;
    while (c < 255 && sum + weights[c] < half) sum += weights[c++];
    out[p] = c;
  }
}
