/**
 * The modelled demo population of one county on H3 cells (NOT a census grid;
 * see data/README.md for the model in words):
 * census county total → townships ∝ village-level units (largest remainder) →
 * each unit an equal share spread by a Gaussian kernel over the township's
 * own cells → integer cells by largest remainder per township.
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

export interface PopulationInput {
  /** Census resident population of the county (the exact total to reach). */
  total: number;
  /** Townships of the county, sorted by code. */
  townships: readonly Township[];
  villages: readonly VillageUnit[];
  /** The county's H3 cells, sorted. */
  cells: readonly string[];
  /** Zone (township code) of each cell, parallel to `cells`. */
  cellZones: readonly string[];
  resolution: number;
}

export interface PopulationRow {
  h3: string;
  population: number;
  zone: string;
}

export interface PopulationResult {
  /** Cells with population ≥ 1, sorted by H3 index. */
  rows: PopulationRow[];
  /** Integer population per township code (townships without cells are absent). */
  townshipTotals: Map<string, number>;
  /** Townships that hold units but no cells: their share went to the others. */
  redistributed: Township[];
  /** Units whose own kernel reached no township cell and fell back to the seat kernel. */
  unitFallbacks: number;
  /** Townships whose seat kernel reached no cell and put everything on the cell nearest the seat. */
  seatFallbacks: string[];
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

/** Models one county's population on its cells; every township and the county sum exactly. */
export function modelCountyPopulation(input: PopulationInput): PopulationResult {
  const { total, townships, villages, cells, cellZones, resolution } = input;
  if (cells.length !== cellZones.length) throw new Error(`Got ${cellZones.length} zones for ${cells.length} cells`);
  const cellsByTown = new Map<string, string[]>();
  cells.forEach((h, i) => {
    const list = cellsByTown.get(cellZones[i]);
    if (list) list.push(h);
    else cellsByTown.set(cellZones[i], [h]);
  });
  const eligible = townships.filter((t) => cellsByTown.has(t.code) && t.villageUnits > 0);
  const redistributed = townships.filter((t) => !cellsByTown.has(t.code) && t.villageUnits > 0);
  const totals = largestRemainder(
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
  const cellAreaKm2 = getHexagonAreaAvg(resolution, 'km2');
  const rows: PopulationRow[] = [];
  const townshipTotals = new Map<string, number>();
  const seatFallbacks: string[] = [];
  let unitFallbacks = 0;

  eligible.forEach((t, ti) => {
    const townTotal = totals[ti];
    townshipTotals.set(t.code, townTotal);
    const town = townCells(cellsByTown.get(t.code)!);
    const acc = new Float64Array(town.h3.length);
    const units = unitsByTown.get(t.code) ?? [];
    const share = townTotal / units.length;
    const [seatLng, seatLat] = t.seat!;
    let seatUnits = 0;
    for (const u of units) {
      const w = u.point ? kernel(town, u.point[0], u.point[1], UNIT_SIGMA_KM) : null;
      if (!w) {
        if (u.point) unitFallbacks++;
        seatUnits++;
        continue;
      }
      for (const [i, wi] of w) acc[i] += share * wi;
    }
    if (seatUnits > 0) {
      const zoneAreaKm2 = town.h3.length * cellAreaKm2;
      const sigmaKm = SEAT_SIGMA_FRACTION * Math.sqrt(zoneAreaKm2 / Math.PI);
      let w = kernel(town, seatLng, seatLat, sigmaKm);
      if (!w) {
        seatFallbacks.push(t.code);
        w = new Map([[nearestCell(town, seatLng, seatLat), 1]]);
      }
      for (const [i, wi] of w) acc[i] += seatUnits * share * wi;
    }
    const ints = largestRemainder(townTotal, acc, town.h3);
    town.h3.forEach((h, i) => {
      if (ints[i] > 0) rows.push({ h3: h, population: ints[i], zone: t.code });
    });
  });
  rows.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  return { rows, townshipTotals, redistributed, unitFallbacks, seatFallbacks };
}
