/**
 * The EMS figures of each group of cells (the region, every zone, every
 * first-due area): fractiles for residents and calls, and each area's sums
 * for the workload, kept per engine between evaluations.
 *
 * A station move changes the minutes or the first-due station of the cells
 * near it only. Those cells are found by comparing with the minutes and
 * areas kept from the last evaluation, and only the groups that hold one
 * (before or after the move) are built again, by the same passes in the same
 * cell order as a full build: every figure is the one a full build gives (a
 * float sum is never updated by subtracting a weight). The other groups keep
 * their figures: their cells, minutes and weights are those they were made from.
 * Anything else changed (stations added or removed, calls, target) builds all groups.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { CallsPerYear } from './calls.ts';
import { rowsOfSlots, type FirstDueAreas } from './first-due.ts';
import { binsUpTo, exactPercentiles, minuteBin, readHistogram, type Grouping } from './fractiles.ts';
import type { FractilePair, Fractiles } from './types.ts';
import type { AreaSums } from './workload.ts';

export interface GroupFigures {
  /** The first-due areas; `areaOf` is kept for the next evaluation: read, never edit or keep. */
  areas: FirstDueAreas;
  region: FractilePair;
  /** Per zone, in zone order (zones without cells too). */
  zones: FractilePair[];
  /** Per first-due area, by row. */
  areaPairs: FractilePair[];
  /** Per first-due area, its cells, residents and calls (kept arrays: read, never edit). */
  sums: AreaSums;
}

/** Calls modelled as residents × rate: the same shares and minutes, the weights scaled. */
export const scaled = (f: Fractiles, rate: number): Fractiles => ({ ...f, weight: f.weight * rate, unreached: f.unreached * rate });

/** What an engine's figures were made from, and the figures. */
interface Kept {
  calls: CallsPerYear;
  callsPerResident: number;
  targetMinutes: number;
  horizonMinutes: number;
  rowOfSlot: Int32Array;
  /** Per cell, as at the last evaluation: minutes, their bin, first-due row. */
  minutes: Float64Array;
  bins: Int32Array;
  areaOf: Int32Array;
  /** Per weight (residents, imported calls), per grouping (region, zones, areas), per group. */
  fractiles: Fractiles[][][];
  /** Per grouping, per group. */
  pairs: FractilePair[][];
  sums: AreaSums;
  /** Histogram rows and totals of the zones and areas (scratch: only the rows being built are read). */
  zoneReached: Float64Array;
  areaReached: Float64Array;
}

const kept = new WeakMap<CoverageEngine, Kept>();

/**
 * @param engine the scenario; first-due areas are its circle engine's nearest stations
 * @param minutes per cell, Infinity when not reached (cellMinutes)
 * @param calls calls per year per cell (from the rate: the residents' fractiles scaled by `callsPerResident`)
 */
export function groupFigures(engine: CoverageEngine, minutes: Float64Array, calls: CallsPerYear, callsPerResident: number, targetMinutes: number, horizonMinutes: number): GroupFigures {
  const { grid } = engine;
  const stations = engine.activeStations();
  const rowOfSlot = rowsOfSlots(engine.circleEngine, stations);
  const zones = grid.zones.length;
  const areas = stations.length;
  let k = kept.get(engine);
  const same = k !== undefined && k.calls === calls && k.callsPerResident === callsPerResident && k.targetMinutes === targetMinutes && k.horizonMinutes === horizonMinutes && sameValues(k.rowOfSlot, rowOfSlot);
  if (!same) kept.set(engine, (k = fresh(grid.size, zones, areas, horizonMinutes, { calls, callsPerResident, targetMinutes, horizonMinutes, rowOfSlot })));
  const zoneDirty = new Uint8Array(zones);
  const areaDirty = new Uint8Array(areas);
  const changed = markChanged(k!, minutes, engine.circleEngine.nearestSlot, rowOfSlot, grid.zone, zoneDirty, areaDirty);
  if (!same) {
    zoneDirty.fill(1);
    areaDirty.fill(1);
  }
  if (changed > 0 || !same) build(k!, grid.zone, grid.population, zoneDirty, areaDirty);
  const [[region], zonePairs, areaPairs] = k!.pairs;
  return { areas: { stations, areaOf: k!.areaOf }, region, zones: zonePairs, areaPairs, sums: k!.sums };
}

function sameValues(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A state that every cell differs from (NaN minutes equal nothing), so the first evaluation takes every cell. */
function fresh(cells: number, zones: number, areas: number, horizonMinutes: number, made: Pick<Kept, 'calls' | 'callsPerResident' | 'targetMinutes' | 'horizonMinutes' | 'rowOfSlot'>): Kept {
  const width = binsUpTo(horizonMinutes);
  const lists = () => [new Array<Fractiles>(1), new Array<Fractiles>(zones), new Array<Fractiles>(areas)];
  return {
    ...made,
    minutes: new Float64Array(cells).fill(NaN),
    bins: new Int32Array(cells).fill(-1),
    areaOf: new Int32Array(cells).fill(-1),
    fractiles: [lists(), lists()],
    pairs: [new Array(1), new Array(zones), new Array(areas)],
    sums: { cells: new Int32Array(areas), residents: new Float64Array(areas), calls: new Float64Array(areas) },
    zoneReached: new Float64Array(zones * width),
    areaReached: new Float64Array(areas * width),
  };
}

/**
 * Takes the cells whose minutes or first-due area differ from the kept ones
 * into the kept state and marks their zone and both areas (old, new) to be
 * built. Returns how many cells changed.
 */
function markChanged(k: Kept, minutes: Float64Array, nearestSlot: Int32Array, rowOfSlot: Int32Array, zone: Int32Array, zoneDirty: Uint8Array, areaDirty: Uint8Array): number {
  const { minutes: was, areaOf, bins, horizonMinutes } = k;
  let changed = 0;
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i];
    const s = nearestSlot[i];
    const a = s < 0 ? -1 : rowOfSlot[s];
    if (m === was[i] && a === areaOf[i]) continue;
    changed++;
    const z = zone[i];
    if (z >= 0) zoneDirty[z] = 1;
    const before = areaOf[i];
    if (before >= 0) areaDirty[before] = 1;
    if (a >= 0) areaDirty[a] = 1;
    was[i] = m;
    areaOf[i] = a;
    bins[i] = minuteBin(m, horizonMinutes);
  }
  return changed;
}

/** Builds the region and the marked zones and areas again, for each weight, and their pairs and area sums. */
function build(k: Kept, zone: Int32Array, population: Float64Array, zoneDirty: Uint8Array, areaDirty: Uint8Array): void {
  const { calls } = k;
  const weights = calls.summary.source === 'rate' ? [population] : [population, calls.perCell];
  const groupings: Grouping[] = [
    { groupOf: null, groups: 1 },
    { groupOf: zone, groups: zoneDirty.length },
    { groupOf: k.areaOf, groups: areaDirty.length },
  ];
  const only = [Uint8Array.of(1), zoneDirty, areaDirty];
  weights.forEach((weight, w) => {
    const reads = histograms(k, weight, zone, zoneDirty, areaDirty, w === 0 ? calls.perCell : null).map((h, g) =>
      readHistogram(h.reached, h.total, groupings[g].groups, binsUpTo(k.horizonMinutes), k.horizonMinutes, k.targetMinutes, only[g], k.fractiles[w][g]),
    );
    if (reads.some((r) => r.pending > 0)) exactPercentiles(k.minutes, k.bins, weight, groupings, reads);
  });
  const [residents, byCalls] = k.fractiles;
  only.forEach((dirty, g) => {
    const pairs = k.pairs[g];
    for (let j = 0; j < dirty.length; j++) {
      if (dirty[j] === 0) continue;
      const r = residents[g][j];
      pairs[j] = { residents: r, calls: byCalls && weights.length > 1 ? byCalls[g][j] : scaled(r, k.callsPerResident) };
    }
  });
}

/** A grouping's histogram rows (groups × bins) and total weight per group. */
interface Histograms {
  reached: Float64Array;
  total: Float64Array;
}

/**
 * One pass over the cells for one weight: the region's histogram, and those
 * of the marked zones and areas (their rows zeroed first), each summed in
 * cell order as a full build sums it. With `areaCalls` (the first weight,
 * residents) the marked areas' sums are taken in the same pass.
 */
function histograms(k: Kept, weight: Float64Array, zone: Int32Array, zoneDirty: Uint8Array, areaDirty: Uint8Array, areaCalls: Float64Array | null): Histograms[] {
  const width = binsUpTo(k.horizonMinutes);
  const { bins, areaOf, zoneReached, areaReached, sums } = k;
  const region = new Float64Array(width);
  const zoneTotal = new Float64Array(zoneDirty.length);
  const areaTotal = new Float64Array(areaDirty.length);
  for (let z = 0; z < zoneDirty.length; z++) if (zoneDirty[z] === 1) zoneReached.fill(0, z * width, (z + 1) * width);
  for (let a = 0; a < areaDirty.length; a++) {
    if (areaDirty[a] === 0) continue;
    areaReached.fill(0, a * width, (a + 1) * width);
    if (areaCalls) {
      sums.cells[a] = 0;
      sums.calls[a] = 0;
    }
  }
  let all = 0;
  for (let i = 0; i < bins.length; i++) {
    const w = weight[i];
    const b = bins[i];
    all += w;
    if (b >= 0) region[b] += w;
    const z = zone[i];
    if (z >= 0 && zoneDirty[z] === 1) {
      zoneTotal[z] += w;
      if (b >= 0) zoneReached[z * width + b] += w;
    }
    const a = areaOf[i];
    if (a >= 0 && areaDirty[a] === 1) {
      areaTotal[a] += w;
      if (b >= 0) areaReached[a * width + b] += w;
      if (areaCalls) {
        sums.cells[a]++;
        sums.calls[a] += areaCalls[i];
      }
    }
  }
  // the residents of an area are its first weight's total, summed in the same order
  if (areaCalls) for (let a = 0; a < areaDirty.length; a++) if (areaDirty[a] === 1) sums.residents[a] = areaTotal[a];
  return [
    { reached: region, total: Float64Array.of(all) },
    { reached: zoneReached, total: zoneTotal },
    { reached: areaReached, total: areaTotal },
  ];
}
