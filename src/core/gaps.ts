/**
 * Gap areas (盲区片区): connected sets of populated GAP cells (beyond every
 * radius), found over the H3 adjacency and ranked by population. Marginal
 * cells are not part of any area, so the areas' populations add up exactly
 * to the headline gap population.
 */
import type { CoverageEngine } from './coverage.ts';
import type { PopulationGrid } from './grid.ts';
import { GAP as GAP_IMPORT } from './types.ts';

// a module-local copy: an imported binding may be read through a getter on every use in a hot loop
const GAP = GAP_IMPORT;

/** What a flood fill reads of a grid, laid out for it once per grid. */
interface FloodGrid {
  /** Population, area (km²), lng, lat and zone row of each cell side by side: one place to read per cell. */
  pack: Float64Array;
  /** The H3 neighbours, with a missing one as cell `size` (never open) rather than -1: one test per neighbour, not two. */
  neighbours: Int32Array;
  /** Scratch of every fill (cells still to visit, and the queue), reused rather than allocated per call. */
  open: Uint8Array;
  queue: Int32Array;
}
const floodGrids = new WeakMap<PopulationGrid, FloodGrid>();
const PACK = 5;

/** In `neighbours`: this cell's neighbours are not known yet (the grid finds them on first use; only gap cells ever need them). */
const UNKNOWN = -1;

function floodGrid(grid: PopulationGrid): FloodGrid {
  let flood = floodGrids.get(grid);
  if (!flood) {
    const pack = new Float64Array(grid.size * PACK);
    for (let i = 0; i < grid.size; i++) {
      pack[i * PACK] = grid.population[i];
      // NaN: the area is asked of the grid when the cell first joins a gap area
      pack[i * PACK + 1] = NaN;
      pack[i * PACK + 2] = grid.lng[i];
      pack[i * PACK + 3] = grid.lat[i];
      pack[i * PACK + 4] = grid.zone[i] + 1;
    }
    const neighbours = new Int32Array(grid.size * 6).fill(UNKNOWN);
    flood = { pack, neighbours, open: new Uint8Array(grid.size + 1), queue: new Int32Array(grid.size + 1) };
    floodGrids.set(grid, flood);
  }
  return flood;
}

/** Copies cell i's neighbours from the grid, a missing one as cell `size` (never open). */
function learnNeighbours(grid: PopulationGrid, neighbours: Int32Array, i: number): void {
  const around = grid.neighbours(i);
  for (let k = 0; k < 6; k++) neighbours[i * 6 + k] = around[k] < 0 ? grid.size : around[k];
}

/** One township's part of a gap area. */
export interface GapTownship {
  code: string;
  name: string;
  /** People of the area living in this township. */
  population: number;
}

/** A gap area's figures: everything but its cell list (what reports and the app receive). */
export interface GapFigures {
  /** 1 = most populous. */
  rank: number;
  /** People in the area's cells: all of them are gap (uncovered). */
  population: number;
  /** Equal to `population` (kept for readers of the report JSON, where it once was the gap part of a mixed group). */
  gapPopulation: number;
  /** Always 0: areas hold gap cells only (kept for readers of the report JSON). */
  marginalPopulation: number;
  cellCount: number;
  areaKm2: number;
  /** Population-weighted centre [lng, lat]. */
  centroid: [number, number];
  /** Zone holding most of the group's population (code, name), or null. */
  zone: string | null;
  zoneName: string | null;
  county: string | null;
  /** Every township the area spans, most people first (ties by code); their populations add up to `population`. */
  townships: GapTownship[];
}

export interface GapGroup extends GapFigures {
  /** Cell indices of the group, for the map and for closing it. */
  cells: Int32Array;
}

/** The figures of a group without its cell list. */
export function gapFigures(group: GapGroup): GapFigures {
  const { cells, ...figures } = group;
  return figures;
}

/**
 * Labels connected populated gap cells and returns the areas, largest
 * population first. `minPopulation` drops areas below that size.
 */
export function gapGroups(engine: CoverageEngine, minPopulation = 0): GapGroup[] {
  const { grid, status } = engine;
  const { population: pop, zones } = grid;
  const { pack, neighbours, open, queue } = floodGrid(grid);
  const n = grid.size;
  // open = not yet visited, populated and gap: one byte read per neighbour in the flood fill (cell n: never);
  // every cell is written, so the scratch needs no clearing (a fill closes every cell it opens)
  for (let i = 0; i < n; i++) open[i] = status[i] === GAP && pop[i] > 0 ? 1 : 0;
  const zonePop = new Float64Array(zones.length + 1); // scratch, row z+1 for zone z
  const touched = new Int32Array(zones.length + 1); // rows with people in the group (no push in the hot loop)
  let nTouched = 0;
  const groups: GapGroup[] = [];
  for (let start = 0; start < n; start++) {
    if (open[start] === 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    open[start] = 0;
    while (head < tail) {
      const i = queue[head++];
      if (neighbours[i * 6] === UNKNOWN) learnNeighbours(grid, neighbours, i);
      for (let k = i * 6, end = k + 6; k < end; k++) {
        const j = neighbours[k];
        if (open[j] === 0) continue;
        open[j] = 0;
        queue[tail++] = j;
      }
    }
    // the figures in queue order, after the fill: these reads no longer wait on the fill's, so they overlap
    let population = 0;
    let areaKm2 = 0;
    let sx = 0;
    let sy = 0;
    for (let q = 0; q < tail; q++) {
      const at = queue[q] * PACK;
      const p = pack[at];
      population += p;
      if (Number.isNaN(pack[at + 1])) pack[at + 1] = grid.areaKm2(queue[q]);
      areaKm2 += pack[at + 1];
      sx += p * pack[at + 2];
      sy += p * pack[at + 3];
      const row = pack[at + 4];
      if (zonePop[row] === 0) touched[nTouched++] = row;
      zonePop[row] += p;
    }
    // the zone holding most of the group's people; ties go to the lower zone index
    let bestRow = 0;
    let bestPop = -1;
    const townships: GapTownship[] = [];
    for (let t = 0; t < nTouched; t++) {
      const row = touched[t];
      const p = zonePop[row];
      if (p > bestPop || (p === bestPop && row < bestRow)) {
        bestRow = row;
        bestPop = p;
      }
      if (row > 0 && p > 0) townships.push({ code: zones[row - 1].code, name: zones[row - 1].name, population: p });
      zonePop[row] = 0;
    }
    nTouched = 0;
    townships.sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const zone = bestRow > 0 ? zones[bestRow - 1] : null;
    groups.push({
      rank: groups.length,
      population,
      gapPopulation: population,
      marginalPopulation: 0,
      cellCount: tail,
      areaKm2,
      centroid: [sx / population, sy / population],
      zone: zone?.code ?? null,
      zoneName: zone?.name ?? null,
      county: zone?.county ?? null,
      townships,
      cells: queue.slice(0, tail),
    });
  }
  return groups
    .filter((g) => g.population >= minPopulation)
    .sort((a, b) => b.population - a.population || a.centroid[0] - b.centroid[0])
    .map((g, r) => ({ ...g, rank: r + 1 }));
}

export interface GapSite {
  lng: number;
  lat: number;
  h3: string;
  /** Population of the group a station here would cover. */
  populationCovered: number;
}

/**
 * The best single station site to close a gap group, chosen among the
 * group's own cell centres (evenly sampled down to `maxCandidates`): the one
 * covering most of the group's population under the current rules.
 */
export function bestSiteForGap(engine: CoverageEngine, group: GapGroup, maxCandidates = 200): GapSite | null {
  const { grid, coverLimit } = engine;
  if (group.cells.length === 0) return null;
  const inGroup = new Uint8Array(grid.size);
  for (const i of group.cells) inGroup[i] = 1;
  const step = Math.max(1, Math.floor(group.cells.length / maxCandidates));
  let best: GapSite | null = null;
  for (let c = 0; c < group.cells.length; c += step) {
    const site = group.cells[c];
    const { cells, costs } = engine.reachFrom({ lng: grid.lng[site], lat: grid.lat[site] });
    let covered = 0;
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k];
      if (inGroup[i] === 1 && costs[k] <= coverLimit[i]) covered += grid.population[i];
    }
    if (!best || covered > best.populationCovered) {
      best = { lng: grid.lng[site], lat: grid.lat[site], h3: grid.h3[site], populationCovered: covered };
    }
  }
  return best;
}
