/**
 * The population grid: H3 cells laid out in typed arrays for the hot loops
 * (cell index → lat, lng, population, zone). A cell's neighbours and area are
 * found when first asked for (only gap areas need them, so a region of a
 * million cells opens without a million gridDisk and cellArea calls), and so
 * is the index of H3 strings.
 */
import { cellArea, cellToLatLng, gridDisk, isValidCell } from 'h3-js';
import { h3High, h3Low, resolutionOfHigh } from './h3-bits.ts';
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
  /** Area of cell `i` in km² (computed on first call, then kept). */
  areaKm2(i: number): number;
  /**
   * Up to 6 neighbour cell indices of cell `i` as a view of 6 slots, -1 where
   * the neighbour is not in the grid (computed on first call, then kept).
   */
  neighbours(i: number): Int32Array;
  /** Cell index by H3 string (built on first use). */
  readonly indexOf: ReadonlyMap<string, number>;
  /**
   * Each cell's H3 index as two 32-bit halves [low, high] (2 × size), the
   * form h3-js takes in place of a string and bit operations read directly.
   */
  readonly h3Halves: Uint32Array;
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
  /**
   * The same indexes as 64-bit integers, when known (a region pack): order
   * and resolution are then checked on the numbers, and the grid reads no
   * string until one is asked for (`h3` may be a lazy getter).
   */
  h3Int?: BigInt64Array;
  /** The cells' centres (cellToLatLng), when already known (a region pack stores them): taken as they are. */
  lat?: Float64Array;
  lng?: Float64Array;
}

/**
 * Builds a grid from cells already sorted by H3 index with zone indexes (a
 * region pack, or buildGrid's sorted rows): no per-cell objects and no sort.
 * The arrays are taken as they are, not copied. Throws naming the row when a
 * cell is invalid, out of order, of another resolution, or points at no zone.
 * @param rowOf the row number to name in a message (default index + 1)
 */
export function gridFromColumns(columns: GridColumns, zones: readonly Zone[], rowOf: (index: number) => number = (i) => i + 1): PopulationGrid {
  const { population, zone } = columns;
  const n = population.length;
  // [low, high] 32-bit halves per cell, which h3-js takes in place of a string
  const given = columns.h3Int && columns.h3Int.length === n ? new Uint32Array(columns.h3Int.buffer, columns.h3Int.byteOffset, 2 * n) : null;
  // read only when needed: a pack's strings may be made on first use
  const h3 = given ? null : columns.h3;
  if (h3 && h3.length !== n) throw new Error(`Got ${population.length} populations and ${zone.length} zones for ${h3.length} cells.`);
  const halves = given ?? new Uint32Array(2 * n);
  const pair: [number, number] = [0, 0];
  if (population.length !== n || zone.length !== n) throw new Error(`Got ${population.length} populations and ${zone.length} zones for ${n} cells.`);
  zoneIndexOf(zones);
  const known = columns.lat !== undefined && columns.lng !== undefined && columns.lat.length === n && columns.lng.length === n;
  const lat = known ? columns.lat! : new Float64Array(n);
  const lng = known ? columns.lng! : new Float64Array(n);
  let resolution = -1;
  const cellName = (i: number) => (h3 ? h3[i] : columns.h3[i]);
  for (let i = 0; i < n; i++) {
    let res: number;
    if (h3) {
      const cell = h3[i];
      if (i > 0 && !(cell > h3[i - 1])) throw new Error(`Cell row ${rowOf(i)}: ${cell} is not after ${h3[i - 1]} (cells must be sorted by H3 index, each once).`);
      // the resolution is the index's second hex digit (a cell's mode bits come first); the readers checked the rest
      res = parseInt(cell[1], 16);
      if (!(res >= 0) || cell.length < 15) throw new Error(`Cell row ${rowOf(i)}: "${cell}" is not a valid H3 index.`);
      halves[2 * i] = h3Low(cell);
      halves[2 * i + 1] = h3High(cell);
    } else {
      // H3 order is by the high half, then the low half (unsigned): the string order of the hex
      const high = halves[2 * i + 1];
      if (i > 0 && !(high > halves[2 * i - 1] || (high === halves[2 * i - 1] && halves[2 * i] > halves[2 * i - 2]))) {
        throw new Error(`Cell row ${rowOf(i)}: ${cellName(i)} is not after ${cellName(i - 1)} (cells must be sorted by H3 index, each once).`);
      }
      res = resolutionOfHigh(high);
    }
    if (resolution === -1) resolution = res;
    else if (res !== resolution) throw new Error(`Cell row ${rowOf(i)}: resolution ${res} where the grid is resolution ${resolution}.`);
    if (zone[i] < -1 || zone[i] >= zones.length) throw new Error(`Cell row ${rowOf(i)}: zone index ${zone[i]} is not one of the ${zones.length} zones.`);
    if (known) continue;
    pair[0] = halves[2 * i];
    pair[1] = halves[2 * i + 1];
    const [la, ln] = cellToLatLng(pair);
    lat[i] = la;
    lng[i] = ln;
  }
  let index: Map<string, number> | null = null;
  const indexOf = (): Map<string, number> => {
    if (index) return index;
    index = new Map();
    const list = columns.h3;
    for (let i = 0; i < n; i++) index.set(list[i], i);
    return index;
  };
  /** Index of the cell with these halves (cells are sorted by H3 index, i.e. by high then low, unsigned), or -1. */
  const find = (high: number, low: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = halves[2 * mid + 1];
      const l = halves[2 * mid];
      if (h === high && l === low) return mid;
      if (h < high || (h === high && l < low)) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  // NaN: not computed yet
  const areas = new Float64Array(n).fill(NaN);
  // -2: not computed yet
  const adjacency = new Int32Array(n * 6).fill(-2);
  return {
    size: n,
    resolution: Math.max(resolution, 0),
    get h3() {
      return columns.h3;
    },
    lat,
    lng,
    population,
    zone,
    zones,
    areaKm2(i: number): number {
      if (Number.isNaN(areas[i])) areas[i] = cellArea([halves[2 * i], halves[2 * i + 1]], 'km2');
      return areas[i];
    },
    neighbours(i: number): Int32Array {
      const slots = adjacency.subarray(i * 6, i * 6 + 6);
      if (slots[0] !== -2) return slots;
      slots.fill(-1);
      let k = 0;
      pair[0] = halves[2 * i];
      pair[1] = halves[2 * i + 1];
      for (const nb of gridDisk(pair, 1)) {
        // a binary search of the sorted halves: no million-entry string map to build
        const j = find(h3High(nb), h3Low(nb));
        if (j >= 0 && j !== i && k < 6) slots[k++] = j;
      }
      return slots;
    },
    get indexOf() {
      return indexOf();
    },
    h3Halves: halves,
  };
}

/** Sum of the population of all cells. */
export function totalPopulation(grid: PopulationGrid): number {
  let sum = 0;
  for (let i = 0; i < grid.size; i++) sum += grid.population[i];
  return sum;
}
