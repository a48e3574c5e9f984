/**
 * Gap groups: connected sets of populated cells that are not covered
 * (marginal or gap), found over the H3 adjacency and ranked by population.
 */
import type { CoverageEngine } from './coverage.ts';
import { COVERED, GAP } from './types.ts';

/** A gap group's figures: everything but its cell list (what reports and the app receive). */
export interface GapFigures {
  /** 1 = most populous. */
  rank: number;
  population: number;
  /** Of which beyond every radius (gap) and in the rural 10–20 km band (marginal). */
  gapPopulation: number;
  marginalPopulation: number;
  cellCount: number;
  areaKm2: number;
  /** Population-weighted centre [lng, lat]. */
  centroid: [number, number];
  /** Zone holding most of the group's population (code, name), or null. */
  zone: string | null;
  zoneName: string | null;
  county: string | null;
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
 * Labels connected uncovered populated cells and returns the groups, largest
 * population first. `minPopulation` drops groups below that size.
 */
export function gapGroups(engine: CoverageEngine, minPopulation = 0): GapGroup[] {
  const { grid, status } = engine;
  const { neighbours, population } = grid;
  const n = grid.size;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const groups: GapGroup[] = [];
  const zonePop = new Float64Array(grid.zones.length + 1); // scratch, row z+1 for zone z
  for (let start = 0; start < n; start++) {
    if (label[start] !== -1 || status[start] === COVERED || population[start] <= 0) continue;
    const id = groups.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    label[start] = id;
    while (head < tail) {
      const i = queue[head++];
      for (let k = i * 6; k < i * 6 + 6; k++) {
        const j = neighbours[k];
        if (j < 0 || label[j] !== -1 || status[j] === COVERED || population[j] <= 0) continue;
        label[j] = id;
        queue[tail++] = j;
      }
    }
    groups.push(summarise(engine, queue.slice(0, tail), id, zonePop));
  }
  return groups
    .filter((g) => g.population >= minPopulation)
    .sort((a, b) => b.population - a.population || a.centroid[0] - b.centroid[0])
    .map((g, r) => ({ ...g, rank: r + 1 }));
}

function summarise(engine: CoverageEngine, cells: Int32Array, id: number, zonePop: Float64Array): GapGroup {
  const { grid, status } = engine;
  const { population: pop, areaKm2: area, lng, lat, zone: zoneOf } = grid;
  let population = 0;
  let gapPopulation = 0;
  let areaKm2 = 0;
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < cells.length; k++) {
    const i = cells[k];
    const p = pop[i];
    population += p;
    if (status[i] === GAP) gapPopulation += p;
    areaKm2 += area[i];
    sx += p * lng[i];
    sy += p * lat[i];
    zonePop[zoneOf[i] + 1] += p;
  }
  let bestZone = -1;
  let bestPop = -1;
  for (let k = 0; k < cells.length; k++) {
    const z = zoneOf[cells[k]];
    const p = zonePop[z + 1];
    if (p > bestPop || (p === bestPop && z < bestZone)) {
      bestZone = z;
      bestPop = p;
    }
  }
  for (let k = 0; k < cells.length; k++) zonePop[zoneOf[cells[k]] + 1] = 0;
  const zone = bestZone >= 0 ? grid.zones[bestZone] : null;
  return {
    rank: id,
    population,
    gapPopulation,
    marginalPopulation: population - gapPopulation,
    cellCount: cells.length,
    areaKm2,
    centroid: [sx / population, sy / population],
    zone: zone?.code ?? null,
    zoneName: zone?.name ?? null,
    county: zone?.county ?? null,
    cells,
  };
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
    const { cells, costs } = engine.reachFrom(grid.lng[site], grid.lat[site]);
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
