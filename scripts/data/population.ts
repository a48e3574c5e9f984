/**
 * The modelled demo population of one county on H3 cells (NOT a census grid;
 * see data/README.md for the model in words). Two steps per county, with the
 * WorldPop layer (worldpop-layer.ts) between them:
 * 1. kernelLayer — the village-unit model: census county total → village-level
 *    units, the census urban share to the urban-coded units (NBS 1xx) and the
 *    rest to the rural ones (2xx), equally within each class → each unit's
 *    share spread by a Gaussian kernel over its township's own cells (the
 *    fine structure, ~1 km);
 * 2. countyIntegers — the WorldPop-weighted cell values made integers by the
 *    largest-remainder method, townships first, so every township and the
 *    county sum exactly to the census total.
 */
import KDBush from 'kdbush';
import { cellToLatLng, getHexagonAreaAvg } from 'h3-js';
import { largestRemainder } from './apportion.ts';
import { boxAround, haversineKm } from './geo.ts';
import type { Township, VillageUnit } from './townships.ts';

/** σ of the kernel around a unit with its own coordinates, km. */
export const UNIT_SIGMA_KM = 1;
/** Kernels are cut off at this many σ. */
export const KERNEL_CUTOFF_SIGMAS = 3;
/** The seat kernel's σ as a fraction of the zone's equivalent-circle radius sqrt(area/π). */
export const SEAT_SIGMA_FRACTION = 0.5;

export interface KernelInput {
  /** Census resident population of the county (the exact total to reach). */
  total: number;
  /** Census share of the residents in urban areas (POPU_URB), or null to give every unit the same share. */
  urbanShare: number | null;
  /** Townships of the county, sorted by code. */
  townships: readonly Township[];
  villages: readonly VillageUnit[];
  /** The county's H3 cells, sorted. */
  cells: readonly string[];
  /** Zone (township code) of each cell, parallel to `cells`. */
  cellZones: readonly string[];
  resolution: number;
}

export interface KernelResult {
  /** People per cell of the village-unit model (floats; each township sums to its unit share), parallel to the cells. */
  values: Float64Array;
  /** Townships with cells and units, by code order: the ones that get people. */
  eligible: Township[];
  /** Cell indexes of each eligible township. */
  cellsByTown: Map<string, number[]>;
  /** Township totals ∝ village-level units (largest remainder; the model before WorldPop and the urban share): what the README compares against. */
  unitTownshipTotals: Map<string, number>;
  /** Townships that hold units but no cells: their share went to the others. */
  redistributed: Township[];
  /** Units whose own kernel reached no township cell and fell back to the seat kernel. */
  unitFallbacks: number;
  /** Townships whose seat kernel reached no cell and put everything on the cell nearest the seat. */
  seatFallbacks: string[];
}

export interface PopulationRow {
  h3: string;
  population: number;
  zone: string;
}

interface TownCells {
  h3: string[];
  lng: Float64Array;
  lat: Float64Array;
  index: KDBush;
}

function townCells(h3: string[]): TownCells {
  const lng = new Float64Array(h3.length);
  const lat = new Float64Array(h3.length);
  const index = new KDBush(h3.length);
  h3.forEach((h, i) => {
    const [la, ln] = cellToLatLng(h);
    lat[i] = la;
    lng[i] = ln;
    index.add(ln, la);
  });
  index.finish();
  return { h3, lng, lat, index };
}

/**
 * Gaussian weights exp(-d²/2σ²) of the town's cells within the cutoff of a
 * point, normalised to sum 1; null when no cell is that close.
 */
function kernel(town: TownCells, lng: number, lat: number, sigmaKm: number): Map<number, number> | null {
  const cutoffKm = KERNEL_CUTOFF_SIGMAS * sigmaKm;
  const [minX, minY, maxX, maxY] = boxAround(lng, lat, cutoffKm);
  // kdbush returns ids in tree order; sort so the float sums below never depend on it
  const ids = town.index.range(minX, minY, maxX, maxY).sort((a, b) => a - b);
  const weights = new Map<number, number>();
  let sum = 0;
  for (const i of ids) {
    const d = haversineKm(lng, lat, town.lng[i], town.lat[i]);
    if (d > cutoffKm) continue;
    const w = Math.exp((-d * d) / (2 * sigmaKm * sigmaKm));
    weights.set(i, w);
    sum += w;
  }
  if (weights.size === 0 || !(sum > 0)) return null;
  for (const [i, w] of weights) weights.set(i, w / sum);
  return weights;
}

function nearestCell(town: TownCells, lng: number, lat: number): number {
  let best = 0;
  let bestKm = Infinity;
  for (let i = 0; i < town.h3.length; i++) {
    const d = haversineKm(lng, lat, town.lng[i], town.lat[i]);
    if (d < bestKm) {
      bestKm = d;
      best = i;
    }
  }
  return best;
}

/** NBS urban–rural codes of urban (城镇) areas: 111–123. The census counts their residents as urban. */
const URBAN_AREA = /^1\d\d$/;

/**
 * People per unit by class: the census urban share of the total over the
 * urban-coded units, the rest over the others; one class alone (or no share
 * known) gives every unit the same.
 */
function unitShares(total: number, urbanShare: number | null, units: readonly VillageUnit[]): { urban: number; rural: number } {
  const urban = units.filter((u) => URBAN_AREA.test(u.urCode)).length;
  const rural = units.length - urban;
  if (urbanShare === null || urban === 0 || rural === 0) return { urban: total / units.length, rural: total / units.length };
  return { urban: (total * urbanShare) / urban, rural: (total * (1 - urbanShare)) / rural };
}

/**
 * Step 1, the village-unit kernel model: each village-level unit of the
 * county's zoned townships gets its class's share (unitShares), spread by its
 * kernel. Returns the float value of every county cell.
 */
export function kernelLayer(input: KernelInput): KernelResult {
  const { total, urbanShare, townships, villages, cells, cellZones, resolution } = input;
  if (cells.length !== cellZones.length) throw new Error(`Got ${cellZones.length} zones for ${cells.length} cells`);
  const cellsByTown = new Map<string, number[]>();
  cellZones.forEach((zone, i) => {
    const list = cellsByTown.get(zone);
    if (list) list.push(i);
    else cellsByTown.set(zone, [i]);
  });
  const eligible = townships.filter((t) => cellsByTown.has(t.code) && t.villageUnits > 0);
  const redistributed = townships.filter((t) => !cellsByTown.has(t.code) && t.villageUnits > 0);
  const unitTotals = largestRemainder(
    total,
    eligible.map((t) => t.villageUnits),
    eligible.map((t) => t.code),
  );
  const unitsByTown = new Map<string, VillageUnit[]>();
  for (const v of villages) {
    const list = unitsByTown.get(v.town);
    if (list) list.push(v);
    else unitsByTown.set(v.town, [v]);
  }
  const perUnit = unitShares(
    total,
    urbanShare,
    eligible.flatMap((t) => unitsByTown.get(t.code) ?? []),
  );
  const shareOf = (u: VillageUnit) => (URBAN_AREA.test(u.urCode) ? perUnit.urban : perUnit.rural);
  const cellAreaKm2 = getHexagonAreaAvg(resolution, 'km2');
  const values = new Float64Array(cells.length);
  const unitTownshipTotals = new Map<string, number>();
  const seatFallbacks: string[] = [];
  let unitFallbacks = 0;
  eligible.forEach((t, ti) => {
    unitTownshipTotals.set(t.code, unitTotals[ti]);
    const indexes = cellsByTown.get(t.code)!;
    const town = townCells(indexes.map((i) => cells[i]));
    const units = unitsByTown.get(t.code) ?? [];
    const [seatLng, seatLat] = t.seat!;
    let seatPeople = 0;
    const add = (w: Map<number, number>, amount: number) => {
      for (const [i, wi] of w) values[indexes[i]] += amount * wi;
    };
    for (const u of units) {
      const w = u.point ? kernel(town, u.point[0], u.point[1], UNIT_SIGMA_KM) : null;
      if (!w) {
        if (u.point) unitFallbacks++;
        seatPeople += shareOf(u);
        continue;
      }
      add(w, shareOf(u));
    }
    if (seatPeople > 0) {
      const zoneAreaKm2 = town.h3.length * cellAreaKm2;
      const sigmaKm = SEAT_SIGMA_FRACTION * Math.sqrt(zoneAreaKm2 / Math.PI);
      let w = kernel(town, seatLng, seatLat, sigmaKm);
      if (!w) {
        seatFallbacks.push(t.code);
        w = new Map([[nearestCell(town, seatLng, seatLat), 1]]);
      }
      add(w, seatPeople);
    }
  });
  return { values, eligible, cellsByTown, unitTownshipTotals, redistributed, unitFallbacks, seatFallbacks };
}

/**
 * Step 2: integers from the final cell values. Township totals are the county
 * total split in proportion to the township's summed values, then each
 * township's cells in proportion to their values (largest remainder, ties to
 * the smaller code / H3 index), so everything sums exactly.
 * @returns cells with ≥ 1 person, sorted by H3 index, and each eligible township's total
 */
export function countyIntegers(total: number, cells: readonly string[], layer: KernelResult, values: Float64Array): { rows: PopulationRow[]; townshipTotals: Map<string, number> } {
  if (values.length !== cells.length) throw new Error(`Got ${values.length} values for ${cells.length} cells`);
  const { eligible, cellsByTown } = layer;
  const totals = largestRemainder(
    total,
    eligible.map((t) => cellsByTown.get(t.code)!.reduce((s, i) => s + values[i], 0)),
    eligible.map((t) => t.code),
  );
  const rows: PopulationRow[] = [];
  const townshipTotals = new Map<string, number>();
  eligible.forEach((t, ti) => {
    townshipTotals.set(t.code, totals[ti]);
    if (totals[ti] === 0) return;
    const indexes = cellsByTown.get(t.code)!;
    const ints = largestRemainder(
      totals[ti],
      indexes.map((i) => values[i]),
      indexes.map((i) => cells[i]),
    );
    indexes.forEach((cell, k) => {
      if (ints[k] > 0) rows.push({ h3: cells[cell], population: ints[k], zone: t.code });
    });
  });
  rows.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  return { rows, townshipTotals };
}
