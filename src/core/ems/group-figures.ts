/**
 * The EMS figures of each group of cells (the region, every zone, every
 * first-due area): fractiles for residents and calls, and each area's sums
 * for the workload, kept per engine between evaluations.
 *
 * A station move changes the nearest station or its cost for the cells near
 * it only. Those cells are found by comparing with the costs and areas kept
 * from the last evaluation (one pass, no minutes computed for the others),
 * and only the zones and areas that hold one (before or after the move) are
 * built again, by the same sums in the same cell order as a full build: every
 * figure is the one a full build gives. The other zones and areas keep their
 * figures: their cells, minutes and weights are those they were made from.
 * When the weights are whole numbers (every sum exact, in any order) the
 * region's histogram follows the changed cells, and the marked zones' and
 * areas' cells come from lists (zones: fixed; areas and the region's bins:
 * kept as cells move), sorted into cell order: no pass over every cell but
 * the comparison. Other weights (imported calls a year) take one pass.
 * Anything else changed (stations added or removed, rules, calls) builds all.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { Rules } from '../rules.ts';
import type { CallsPerYear } from './calls.ts';
import { CellLists, pushCell, type CellList } from './cell-lists.ts';
import { rowsOfSlots, type FirstDueAreas } from './first-due.ts';
import { binsUpTo, exactPercentiles, minuteBin, readHistogram, type Grouping, type Read } from './fractiles.ts';
import { costToMinutes } from './minutes.ts';
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

/** What an engine's figures were made from: any change builds all groups. */
interface Made {
  rules: Rules;
  calls: CallsPerYear;
  callsPerResident: number;
  targetMinutes: number;
  horizonMinutes: number;
  rowOfSlot: Int32Array;
}

interface Kept extends Made {
  /** Per cell, as at the last evaluation: the circle engine's nearest cost, the minutes, their bin, the first-due row. */
  cost: Float64Array;
  minutes: Float64Array;
  bins: Int32Array;
  areaOf: Int32Array;
  /** Per weight (residents, imported calls): the region's histogram and total. */
  regionReached: Float64Array[];
  regionTotal: number[];
  /** Per weight, per grouping (region, zones, areas), per group. */
  fractiles: Fractiles[][][];
  /** Per grouping, per group. */
  pairs: FractilePair[][];
  sums: AreaSums;
  /** The cells of each first-due area, and of each bin of the region's histogram (reached cells only). */
  areaLists: CellLists;
  binLists: CellLists;
  /** Scratch: the zones' and areas' histogram rows (only the rows being built are read), changed cells and their old bins, the cells to look among for percentiles. */
  zoneReached: Float64Array;
  areaReached: Float64Array;
  changed: CellList;
  /** The bin each changed cell had (a list of bins, not cells). */
  oldBins: CellList;
  regionCells: CellList;
  zoneCells: CellList;
  areaCells: CellList;
}

const kept = new WeakMap<CoverageEngine, Kept>();

/**
 * @param engine the scenario: minutes and first-due areas come from its circle engine, as cellMinutes and emsFirstDue give them
 * @param calls calls per year per cell (from the rate: the residents' fractiles scaled by `callsPerResident`)
 */
export function groupFigures(engine: CoverageEngine, calls: CallsPerYear, callsPerResident: number, targetMinutes: number, horizonMinutes: number): GroupFigures {
  const { grid, rules } = engine;
  const circle = engine.circleEngine;
  const stations = engine.activeStations();
  const rowOfSlot = rowsOfSlots(circle, stations);
  const zones = grid.zones.length;
  const areas = stations.length;
  const made: Made = { rules, calls, callsPerResident, targetMinutes, horizonMinutes, rowOfSlot };
  const previous = kept.get(engine);
  const same = previous !== undefined && sameMade(previous, made);
  // stations added or removed renumber the areas, but the cells' minutes and bins stand where their cost did
  const minutesKept = !same && previous !== undefined && previous.rules === rules && previous.horizonMinutes === horizonMinutes && previous.cost.length === grid.size;
  const k = same ? previous : fresh(grid.size, zones, areas, made, minutesKept ? previous : null);
  if (!same) kept.set(engine, k);
  const zoneDirty = new Uint8Array(zones);
  const areaDirty = new Uint8Array(areas);
  if (same) {
    const changed = markChanged(k, circle.nearestCost, circle.nearestSlot, grid.zone, zoneDirty, areaDirty, costToMinutes(engine));
    if (changed > 0) build(k, changed, grid.zone, grid.population, zoneDirty, areaDirty);
  } else {
    // a fresh state (stations added or removed renumber the areas): every cell is taken and every group built
    takeAll(k, circle.nearestCost, circle.nearestSlot, costToMinutes(engine));
    zoneDirty.fill(1);
    areaDirty.fill(1);
    build(k, -1, grid.zone, grid.population, zoneDirty, areaDirty);
  }
  const [[region], zonePairs, areaPairs] = k.pairs;
  return { areas: { stations, areaOf: k.areaOf }, region, zones: zonePairs, areaPairs, sums: k.sums };
}

function sameMade(a: Made, b: Made): boolean {
  if (a.rules !== b.rules || a.calls !== b.calls || a.callsPerResident !== b.callsPerResident || a.targetMinutes !== b.targetMinutes || a.horizonMinutes !== b.horizonMinutes) return false;
  if (a.rowOfSlot.length !== b.rowOfSlot.length) return false;
  for (let s = 0; s < a.rowOfSlot.length; s++) if (a.rowOfSlot[s] !== b.rowOfSlot[s]) return false;
  return true;
}

/**
 * A state every cell differs from (NaN costs equal nothing), so the first
 * evaluation takes every cell; or, given the last state of the same rules
 * (`minutes`), one that keeps its per-cell costs, minutes and bins (and the
 * bins' cell lists), so only the cells whose cost changed are converted again.
 */
function fresh(cells: number, zones: number, areas: number, made: Made, minutes: Kept | null): Kept {
  const width = binsUpTo(made.horizonMinutes);
  const lists = () => [new Array<Fractiles>(1), new Array<Fractiles>(zones), new Array<Fractiles>(areas)];
  return {
    ...made,
    cost: minutes?.cost ?? new Float64Array(cells).fill(NaN),
    minutes: minutes?.minutes ?? new Float64Array(cells).fill(NaN),
    bins: minutes?.bins ?? new Int32Array(cells).fill(-1),
    areaOf: new Int32Array(cells).fill(-1),
    regionReached: [new Float64Array(width), new Float64Array(width)],
    regionTotal: [0, 0],
    fractiles: [lists(), lists()],
    pairs: [new Array(1), new Array(zones), new Array(areas)],
    sums: { cells: new Int32Array(areas), residents: new Float64Array(areas), calls: new Float64Array(areas) },
    areaLists: new CellLists(areas, cells),
    binLists: minutes?.binLists ?? new CellLists(width, cells),
    zoneReached: new Float64Array(zones * width),
    areaReached: new Float64Array(areas * width),
    changed: { cells: new Int32Array(0), count: 0 },
    oldBins: { cells: new Int32Array(0), count: 0 },
    regionCells: { cells: new Int32Array(0), count: 0 },
    zoneCells: { cells: new Int32Array(0), count: 0 },
    areaCells: { cells: new Int32Array(0), count: 0 },
  };
}

/**
 * Takes the cells whose nearest cost or first-due area differ from the kept
 * ones into the kept state (their minutes and bins too), lists them with
 * their old bins, and marks their zone and both areas (old, new) to be
 * built. Returns how many cells changed.
 */
function markChanged(k: Kept, cost: Float64Array, nearestSlot: Int32Array, zone: Int32Array, zoneDirty: Uint8Array, areaDirty: Uint8Array, toMinutes: (cost: number, cell: number) => number): number {
  const { cost: was, areaOf, bins, rowOfSlot } = k;
  let n = 0;
  k.changed.count = 0;
  k.oldBins.count = 0;
  for (let i = 0; i < cost.length; i++) {
    const c = cost[i];
    const s = nearestSlot[i];
    const a = s < 0 ? -1 : rowOfSlot[s];
    if (c === was[i] && a === areaOf[i]) continue;
    pushCell(k.changed, i);
    pushCell(k.oldBins, bins[i]);
    n++;
    const z = zone[i];
    if (z >= 0) zoneDirty[z] = 1;
    const before = areaOf[i];
    if (before >= 0) areaDirty[before] = 1;
    if (a >= 0) areaDirty[a] = 1;
    areaOf[i] = a;
    k.areaLists.move(i, before, a);
    takeCost(k, i, c, toMinutes);
  }
  return n;
}

/** Gives cell `i` its new nearest cost, and the minutes and bin (with its place in the bins' lists) that go with it. */
function takeCost(k: Kept, i: number, cost: number, toMinutes: (cost: number, cell: number) => number): void {
  k.cost[i] = cost;
  const m = toMinutes(cost, i);
  k.minutes[i] = m;
  const b = minuteBin(m, k.horizonMinutes);
  k.binLists.move(i, k.bins[i], b);
  k.bins[i] = b;
}

/**
 * Takes every cell into a fresh state (its area lists empty): what
 * markChanged does for a state every cell differs from, without listing the
 * changed cells (a full build reads them all). A cell whose cost is the kept
 * one keeps its minutes and bin (a state that kept them: see fresh).
 */
function takeAll(k: Kept, cost: Float64Array, nearestSlot: Int32Array, toMinutes: (cost: number, cell: number) => number): void {
  const { cost: was, areaOf, rowOfSlot } = k;
  k.changed.count = 0;
  k.oldBins.count = 0;
  for (let i = 0; i < cost.length; i++) {
    const c = cost[i];
    const s = nearestSlot[i];
    const a = s < 0 ? -1 : rowOfSlot[s];
    areaOf[i] = a;
    k.areaLists.move(i, -1, a);
    if (c !== was[i]) takeCost(k, i, c, toMinutes);
  }
}

/** Whole numbers whose sum stays exact in any order (by array: weights are kept between evaluations). */
const wholeWeights = new WeakMap<Float64Array, boolean>();

function whole(weight: Float64Array): boolean {
  let answer = wholeWeights.get(weight);
  if (answer === undefined) {
    let sum = 0;
    answer = true;
    for (let i = 0; i < weight.length && answer; i++) {
      answer = Number.isInteger(weight[i]);
      sum += Math.abs(weight[i]);
    }
    answer &&= sum <= Number.MAX_SAFE_INTEGER;
    wholeWeights.set(weight, answer);
  }
  return answer;
}

/**
 * Builds the region and the marked zones and areas again, for each weight,
 * and their pairs and area sums.
 * @param changed how many cells k.changed lists, or −1: every cell (a full build)
 */
function build(k: Kept, changed: number, zone: Int32Array, population: Float64Array, zoneDirty: Uint8Array, areaDirty: Uint8Array): void {
  const { calls, horizonMinutes, targetMinutes } = k;
  const width = binsUpTo(horizonMinutes);
  const weights = calls.summary.source === 'rate' ? [population] : [population, calls.perCell];
  const groupings: Grouping[] = [
    { groupOf: null, groups: 1 },
    { groupOf: zone, groups: zoneDirty.length },
    { groupOf: k.areaOf, groups: areaDirty.length },
  ];
  weights.forEach((weight, w) => {
    const out = k.fractiles[w];
    const readRegion = () => readHistogram(k.regionReached[w], Float64Array.of(k.regionTotal[w]), 1, width, horizonMinutes, targetMinutes, null, out[0]);
    // whole weights: the region's histogram follows the changed cells, and its percentile cells are picked in the pass below
    const followed = changed >= 0 && whole(weight);
    if (followed) followRegion(k, k.regionReached[w], weight, changed);
    const region = followed ? readRegion() : null;
    const areaCalls = w === 0 ? calls.perCell : null;
    const { zoneTotal, areaTotal } = region ? listSums(k, weight, zone, zoneDirty, areaDirty, region, areaCalls) : groupPass(k, w, weight, zone, zoneDirty, areaDirty, areaCalls);
    const reads: Read[] = [
      region ?? readRegion(),
      readHistogram(k.zoneReached, zoneTotal, zoneDirty.length, width, horizonMinutes, targetMinutes, zoneDirty, out[1]),
      readHistogram(k.areaReached, areaTotal, areaDirty.length, width, horizonMinutes, targetMinutes, areaDirty, out[2]),
    ];
    if (reads.some((r) => r.pending > 0)) exactPercentiles(k.minutes, k.bins, weight, groupings, reads, [region ? k.regionCells : null, k.zoneCells, k.areaCells]);
  });
  const [residents, byCalls] = k.fractiles;
  [Uint8Array.of(1), zoneDirty, areaDirty].forEach((dirty, g) => {
    const pairs = k.pairs[g];
    for (let j = 0; j < dirty.length; j++) {
      if (dirty[j] === 0) continue;
      const r = residents[g][j];
      pairs[j] = { residents: r, calls: weights.length > 1 ? byCalls[g][j] : scaled(r, k.callsPerResident) };
    }
  });
}

/** Moves the weight of each changed cell from its old bin to its new one (whole numbers: exact). */
function followRegion(k: Kept, reached: Float64Array, weight: Float64Array, changed: number): void {
  const { bins } = k;
  for (let j = 0; j < changed; j++) {
    const i = k.changed.cells[j];
    const from = k.oldBins.cells[j];
    const to = bins[i];
    if (from === to) continue;
    if (from >= 0) reached[from] -= weight[i];
    if (to >= 0) reached[to] += weight[i];
  }
}

/** Totals per zone and per area of one weight (the marked ones; the others 0). */
interface Totals {
  zoneTotal: Float64Array;
  areaTotal: Float64Array;
}

/** Zeroes the marked zones' and areas' histogram rows (and, with `areaCalls`, the areas' sums) before they are summed again. */
function clearMarked(k: Kept, zoneDirty: Uint8Array, areaDirty: Uint8Array, areaCalls: Float64Array | null): Totals {
  const width = binsUpTo(k.horizonMinutes);
  for (let z = 0; z < zoneDirty.length; z++) if (zoneDirty[z] === 1) k.zoneReached.fill(0, z * width, (z + 1) * width);
  for (let a = 0; a < areaDirty.length; a++) {
    if (areaDirty[a] === 0) continue;
    k.areaReached.fill(0, a * width, (a + 1) * width);
    if (areaCalls) {
      k.sums.cells[a] = 0;
      k.sums.calls[a] = 0;
    }
  }
  k.zoneCells.count = 0;
  k.areaCells.count = 0;
  return { zoneTotal: new Float64Array(zoneDirty.length), areaTotal: new Float64Array(areaDirty.length) };
}

/** The residents of an area are its first weight's total, summed in the same order. */
function areaResidents(k: Kept, areaDirty: Uint8Array, areaTotal: Float64Array): void {
  for (let a = 0; a < areaDirty.length; a++) if (areaDirty[a] === 1) k.sums.residents[a] = areaTotal[a];
}

/**
 * One pass over the cells for one weight: the region's histogram and total,
 * those of the marked zones and areas, each summed in cell order as a full
 * build sums it, and the lists of the marked zones' and areas' cells. With
 * `areaCalls` (the first weight, residents) the marked areas' sums are taken.
 */
function groupPass(k: Kept, w: number, weight: Float64Array, zone: Int32Array, zoneDirty: Uint8Array, areaDirty: Uint8Array, areaCalls: Float64Array | null): Totals {
  const width = binsUpTo(k.horizonMinutes);
  const { bins, areaOf, zoneReached, areaReached, sums, zoneCells, areaCells } = k;
  const totals = clearMarked(k, zoneDirty, areaDirty, areaCalls);
  const { zoneTotal, areaTotal } = totals;
  const reached = k.regionReached[w];
  reached.fill(0);
  // room for every cell: no check in the loop
  if (zoneCells.cells.length < bins.length) zoneCells.cells = new Int32Array(bins.length);
  if (areaCells.cells.length < bins.length) areaCells.cells = new Int32Array(bins.length);
  const ofZones = zoneCells.cells;
  const ofAreas = areaCells.cells;
  let nZones = 0;
  let nAreas = 0;
  let all = 0;
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i];
    const x = weight[i];
    all += x;
    if (b >= 0) reached[b] += x;
    const z = zone[i];
    if (z >= 0 && zoneDirty[z] === 1) {
      ofZones[nZones++] = i;
      zoneTotal[z] += x;
      if (b >= 0) zoneReached[z * width + b] += x;
    }
    const a = areaOf[i];
    if (a >= 0 && areaDirty[a] === 1) {
      ofAreas[nAreas++] = i;
      areaTotal[a] += x;
      if (b >= 0) areaReached[a * width + b] += x;
      if (areaCalls) {
        sums.cells[a]++;
        sums.calls[a] += areaCalls[i];
      }
    }
  }
  zoneCells.count = nZones;
  areaCells.count = nAreas;
  k.regionTotal[w] = all;
  if (areaCalls) areaResidents(k, areaDirty, areaTotal);
  return totals;
}

/**
 * As groupPass when the region's histogram followed the changed cells: only
 * the marked zones' cells (the grid's list by zone) and areas' cells (their
 * lists, sorted into cell order) are summed, and the cells of the region's
 * percentile bins are listed from the bins' lists.
 */
function listSums(k: Kept, weight: Float64Array, zone: Int32Array, zoneDirty: Uint8Array, areaDirty: Uint8Array, region: Read, areaCalls: Float64Array | null): Totals {
  const width = binsUpTo(k.horizonMinutes);
  const { bins, zoneReached, areaReached, sums, zoneCells, areaCells, regionCells } = k;
  const totals = clearMarked(k, zoneDirty, areaDirty, areaCalls);
  const { zoneTotal, areaTotal } = totals;
  const byZone = zoneIndex(zone, zoneDirty.length);
  for (let z = 0; z < zoneDirty.length; z++) {
    if (zoneDirty[z] === 0) continue;
    for (let j = byZone.start[z]; j < byZone.start[z + 1]; j++) {
      const i = byZone.cells[j];
      pushCell(zoneCells, i);
      const x = weight[i];
      zoneTotal[z] += x;
      const b = bins[i];
      if (b >= 0) zoneReached[z * width + b] += x;
    }
  }
  for (let a = 0; a < areaDirty.length; a++) {
    if (areaDirty[a] === 0) continue;
    const from = areaCells.count;
    k.areaLists.gather(a, areaCells);
    const cells = areaCells.cells.subarray(from, areaCells.count).sort();
    for (let j = 0; j < cells.length; j++) {
      const i = cells[j];
      const x = weight[i];
      areaTotal[a] += x;
      const b = bins[i];
      if (b >= 0) areaReached[a * width + b] += x;
      if (areaCalls) {
        sums.cells[a]++;
        sums.calls[a] += areaCalls[i];
      }
    }
  }
  regionCells.count = 0;
  const [p0, p1] = region.pBin;
  if (p0 >= 0) k.binLists.gather(p0, regionCells);
  if (p1 >= 0 && p1 !== p0) k.binLists.gather(p1, regionCells);
  if (areaCalls) areaResidents(k, areaDirty, areaTotal);
  return totals;
}

/** The cells of each zone in cell order (start[z] … start[z + 1] − 1 of `cells`), by grid. */
const zoneIndexes = new WeakMap<Int32Array, { start: Int32Array; cells: Int32Array }>();

function zoneIndex(zone: Int32Array, zones: number): { start: Int32Array; cells: Int32Array } {
  let index = zoneIndexes.get(zone);
  if (!index) {
    const start = new Int32Array(zones + 1);
    for (let i = 0; i < zone.length; i++) if (zone[i] >= 0) start[zone[i] + 1]++;
    for (let z = 0; z < zones; z++) start[z + 1] += start[z];
    const cells = new Int32Array(start[zones]);
    const fill = start.slice(0, zones);
    for (let i = 0; i < zone.length; i++) if (zone[i] >= 0) cells[fill[zone[i]]++] = i;
    zoneIndexes.set(zone, (index = { start, cells }));
  }
  return index;
}
