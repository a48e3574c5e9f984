/**
 * Small generated site questions for the suggester's tests: a patch of
 * random populated H3 cells near Yongchun, fixed stations with their
 * ambulances, random candidate sites; and the independent distances the
 * enumerations count with (haversine from the site to the cell centre).
 */
import { latLngToCell } from 'h3-js';
import { haversineKm } from '../../src/core/geo.ts';
import { buildGrid, type CellInput, type PopulationGrid } from '../../src/core/grid.ts';
import type { Station } from '../../src/core/types.ts';
import { stationCandidates, type Candidate } from '../../src/core/suggest/index.ts';
import { mulberry32 } from './random.ts';
import { zone } from './tiny.ts';

export interface SiteInstance {
  grid: PopulationGrid;
  fixed: Station[];
  candidates: Candidate[];
}

/** Every k-subset of 0 … n−1, in lexicographic order. */
export function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let j = start; j <= n - (k - prefix.length); j++) yield* subsets(n, k, j + 1, [...prefix, j]);
}

/**
 * A patch `sizeDeg` wide of clustered populated cells (west third urban),
 * `fixedCount` fixed stations with 1–3 ambulances each, `candidateCount` random sites.
 */
export function siteInstance(seed: number, candidateCount: number, fixedCount = 2, sizeDeg = 0.3): SiteInstance {
  const rnd = mulberry32(seed);
  const cells = new Map<string, CellInput>();
  const lng0 = 118.0;
  const lat0 = 25.2;
  const villages = Array.from({ length: 7 }, () => [lng0 + rnd() * sizeDeg, lat0 + rnd() * sizeDeg * 0.9]);
  for (let c = 0; c < 160; c++) {
    const [vx, vy] = villages[Math.floor(rnd() * villages.length)];
    const lng = vx + (rnd() - 0.5) * 0.06;
    const lat = vy + (rnd() - 0.5) * 0.06;
    const h3 = latLngToCell(lat, lng, 9);
    cells.set(h3, { h3, population: 1 + Math.floor(rnd() * 300), zone: lng < lng0 + sizeDeg / 3 ? 'town' : 'country' });
  }
  const grid = buildGrid([...cells.values()], [zone('town', 'urban'), zone('country', 'rural')]);
  const at = () => ({ lng: lng0 + rnd() * sizeDeg, lat: lat0 + rnd() * sizeDeg * 0.9 });
  const fixed: Station[] = Array.from({ length: fixedCount }, (_, s) => ({ id: `fixed${s}`, name: `fixed ${s}`, kind: 'station', status: 'existing', ...at(), ambulances: 1 + Math.floor(rnd() * 3) }));
  const sites: Station[] = Array.from({ length: candidateCount }, (_, j) => ({ id: `c${j}`, name: `site ${j}`, kind: 'candidate', status: 'disabled', ...at() }));
  return { grid, fixed, candidates: stationCandidates(grid, sites) };
}

/** Haversine km from a point to every cell centre of the grid. */
export function kmToCells(grid: PopulationGrid, lng: number, lat: number): Float64Array {
  return Float64Array.from({ length: grid.size }, (_, i) => haversineKm(lng, lat, grid.lng[i], grid.lat[i]));
}
