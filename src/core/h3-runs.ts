/**
 * Runs of an H3-sorted cell list that share a coarser parent: the blocks the
 * reach models scan. Each run has its parent's centre and the distance from
 * it to the furthest member, so a query can skip or take whole runs.
 */
import { cellToLatLng, cellToParent } from 'h3-js';
import { haversineKm } from './geo.ts';
import { ancestorHigh, ancestorLow, ancestorShift } from './h3-bits.ts';
import type { PopulationGrid } from './grid.ts';

export interface H3Runs {
  count: number;
  /** Member positions [start, end) of each run. */
  start: Int32Array;
  end: Int32Array;
  /** Centre of each run's parent cell. */
  lng: Float64Array;
  lat: Float64Array;
  /** Furthest member centre from the parent centre (km, padded by 1e-6 for rounding). */
  radiusKm: Float64Array;
  maxRadiusKm: number;
}

/**
 * Splits the members (grid cell indices in H3 order; null = every grid cell)
 * into runs sharing their parent at `resolution`. Throws when a parent's
 * members are not one run: the list was not H3-sorted.
 * @example h3Runs(grid, null, grid.resolution - 3).count // res-6 blocks of the grid
 */
export function h3Runs(grid: PopulationGrid, members: Int32Array | null, resolution: number): H3Runs {
  const n = members ? members.length : grid.size;
  const cellAt = (k: number) => (members ? members[k] : k);
  const halves = grid.h3Halves;
  // cells of one parent share its bits: no cellToParent per cell
  const shift = ancestorShift(Math.min(resolution, grid.resolution));
  const highOf = (c: number) => ancestorHigh(halves[2 * c + 1], shift);
  const lowOf = (c: number) => ancestorLow(halves[2 * c], shift);
  const starts: number[] = [];
  const parents: string[] = [];
  const seen = new Set<string>();
  let high = -1;
  let low = -1;
  const pair: [number, number] = [0, 0];
  for (let k = 0; k < n; k++) {
    const c = cellAt(k);
    if (k > 0 && highOf(c) === high && lowOf(c) === low) continue;
    high = highOf(c);
    low = lowOf(c);
    pair[0] = halves[2 * c];
    pair[1] = halves[2 * c + 1];
    const parent = cellToParent(pair, resolution);
    if (seen.has(parent)) throw new Error(`Cells are not sorted by H3 index (block ${parent} split).`);
    seen.add(parent);
    parents.push(parent);
    starts.push(k);
  }
  const m = parents.length;
  const runs: H3Runs = {
    count: m,
    start: Int32Array.from(starts),
    end: new Int32Array(m),
    lng: new Float64Array(m),
    lat: new Float64Array(m),
    radiusKm: new Float64Array(m),
    maxRadiusKm: 1e-6,
  };
  let maxRadius = 0;
  for (let b = 0; b < m; b++) {
    const end = b + 1 < m ? starts[b + 1] : n;
    runs.end[b] = end;
    const [lat, lng] = cellToLatLng(parents[b]);
    runs.lng[b] = lng;
    runs.lat[b] = lat;
    let radius = 0;
    for (let k = starts[b]; k < end; k++) radius = Math.max(radius, haversineKm(lng, lat, grid.lng[cellAt(k)], grid.lat[cellAt(k)]));
    runs.radiusKm[b] = radius + 1e-6;
    maxRadius = Math.max(maxRadius, radius);
  }
  runs.maxRadiusKm = maxRadius + 1e-6;
  return runs;
}
