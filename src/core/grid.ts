/**
 * The population grid: H3 cells laid out in typed arrays for the hot loops
 * (cell index → lat, lng, population, zone), with the H3 adjacency and cell
 * areas precomputed once per dataset.
 */
import { cellArea, cellToLatLng, getResolution, gridDisk, isValidCell } from 'h3-js';
import type { Zone } from './types.ts';

export interface PopulationGrid {
  readonly size: number;
  readonly resolution: number;
  readonly h3: readonly string[];
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly population: Float64Array;
  /** Index into `zones`, or -1 when the cell belongs to no zone. */
  readonly zone: Int32Array;
  readonly zones: readonly Zone[];
  /** Area of each cell in km². */
  readonly areaKm2: Float64Array;
  /** Up to 6 neighbour cell indices per cell (i*6 … i*6+5), -1 where the neighbour is not in the grid. */
  readonly neighbours: Int32Array;
  /** Cell index by H3 string. */
  readonly indexOf: ReadonlyMap<string, number>;
}

export interface CellInput {
  h3: string;
  population: number;
  /** Zone code; must name one of the zones, or be empty/undefined for no zone. */
  zone?: string;
}

/**
 * Builds a grid from cell rows. Throws with the offending row number when a
 * cell is invalid, repeated, of another resolution, or names an unknown zone.
 * Cells are stored sorted by H3 index, so the children of any coarser cell
 * sit side by side (the reach model scans them as contiguous runs).
 */
export function buildGrid(rows: readonly CellInput[], zones: readonly Zone[]): PopulationGrid {
  const n = rows.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (rows[a].h3 < rows[b].h3 ? -1 : rows[a].h3 > rows[b].h3 ? 1 : a - b));
  const zoneIndex = zoneIndexOf(zones);
  const h3: string[] = new Array(n);
  const population = new Float64Array(n);
  const zone = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = order[i] + 1;
    const c = rows[order[i]];
    if (!isValidCell(c.h3)) throw new Error(`Cell row ${row}: "${c.h3}" is not a valid H3 index.`);
    if (i > 0 && c.h3 === h3[i - 1]) throw new Error(`Cell row ${row}: ${c.h3} appears twice.`);
    if (!Number.isFinite(c.population) || c.population < 0) {
      throw new Error(`Cell row ${row}: population must be a finite number ≥ 0, got ${c.population}.`);
    }
    let z = -1;
    if (c.zone) {
      const found = zoneIndex.get(c.zone);
      if (found === undefined) throw new Error(`Cell row ${row}: zone "${c.zone}" is not a known zone.`);
      z = found;
    }
    h3[i] = c.h3;
    population[i] = c.population;
    zone[i] = z;
  }
  return gridFromColumns({ h3, population, zone }, zones, (i) => order[i] + 1);
}

function zoneIndexOf(zones: readonly Zone[]): Map<string, number> {
  const zoneIndex = new Map<string, number>();
  zones.forEach((z, i) => {
    if (zoneIndex.has(z.code)) throw new Error(`Zone code ${z.code} appears twice.`);
    zoneIndex.set(z.code, i);
  });
  return zoneIndex;
}

/** Cells as parallel arrays, sorted by H3 index (how a region pack holds them). */
export interface GridColumns {
  h3: readonly string[];
  population: Float64Array;
  /** Index into the zones, -1 for none. */
  zone: Int32Array;
}

/**
 * Builds a grid from cells already sorted by H3 index with zone indexes (a
 * region pack, or buildGrid's sorted rows): no per-cell objects and no sort.
 * The arrays are taken as they are, not copied. Throws naming the row when a
 * cell is invalid, out of order, of another resolution, or points at no zone.
 * @param rowOf the row number to name in a message (default index + 1)
 */
export function gridFromColumns(columns: GridColumns, zones: readonly Zone[], rowOf: (index: number) => number = (i) => i + 1): PopulationGrid {
  const { h3, population, zone } = columns;
  const n = h3.length;
  if (population.length !== n || zone.length !== n) throw new Error(`Got ${population.length} populations and ${zone.length} zones for ${n} cells.`);
  zoneIndexOf(zones);
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const areaKm2 = new Float64Array(n);
  const indexOf = new Map<string, number>();
  let resolution = -1;
  for (let i = 0; i < n; i++) {
    const cell = h3[i];
    if (i > 0 && !(cell > h3[i - 1])) throw new Error(`Cell row ${rowOf(i)}: ${cell} is not after ${h3[i - 1]} (cells must be sorted by H3 index, each once).`);
    const res = getResolution(cell);
    if (res < 0) throw new Error(`Cell row ${rowOf(i)}: "${cell}" is not a valid H3 index.`);
    if (resolution === -1) resolution = res;
    else if (res !== resolution) throw new Error(`Cell row ${rowOf(i)}: resolution ${res} where the grid is resolution ${resolution}.`);
    if (zone[i] < -1 || zone[i] >= zones.length) throw new Error(`Cell row ${rowOf(i)}: zone index ${zone[i]} is not one of the ${zones.length} zones.`);
    indexOf.set(cell, i);
    const [la, ln] = cellToLatLng(cell);
    lat[i] = la;
    lng[i] = ln;
    areaKm2[i] = cellArea(cell, 'km2');
  }
  const neighbours = new Int32Array(n * 6).fill(-1);
  for (let i = 0; i < n; i++) {
    let k = 0;
    for (const nb of gridDisk(h3[i], 1)) {
      if (nb === h3[i]) continue;
      const j = indexOf.get(nb);
      if (j !== undefined && k < 6) neighbours[i * 6 + k++] = j;
    }
  }
  return { size: n, resolution: Math.max(resolution, 0), h3, lat, lng, population, zone, zones, areaKm2, neighbours, indexOf };
}

/** Sum of the population of all cells. */
export function totalPopulation(grid: PopulationGrid): number {
  let sum = 0;
  for (let i = 0; i < grid.size; i++) sum += grid.population[i];
  return sum;
}
