/**
 * Candidate sites for new stations: the centres of populated grid cells (at
 * the grid's resolution or a coarser one), or a list of facilities such as
 * every township health centre. Each candidate knows the zone it stands in.
 */
import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import type { CoverageEngine } from '../coverage.ts';
import type { PopulationGrid } from '../grid.ts';
import type { Station } from '../types.ts';

export interface Candidate {
  /** WGS84 position in degrees. */
  lng: number;
  lat: number;
  /** H3 cell of the site: the candidate cell itself, or the grid-resolution cell under a facility. */
  h3: string;
  /** Facility id when the candidate comes from a station list, else null. */
  stationId: string | null;
  /** Facility name when the candidate comes from a station list, else null. */
  name: string | null;
  /** Index into grid.zones of the zone the site stands in, -1 when outside every zone. */
  zone: number;
}

/**
 * One candidate at the centre of every populated cell of the grid, or with
 * `resolution` coarser than the grid's, one at the centre of every H3 cell of
 * that resolution holding population (fewer candidates for large areas; its
 * zone is that of its most populous child cell).
 * @example cellCandidates(grid).length // number of cells with population > 0
 */
export function cellCandidates(grid: PopulationGrid, resolution = grid.resolution): Candidate[] {
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > grid.resolution) {
    throw new Error(`Candidate resolution must be an integer 0–${grid.resolution} (the grid's), got ${resolution}.`);
  }
  const out: Candidate[] = [];
  if (resolution === grid.resolution) {
    for (let i = 0; i < grid.size; i++) {
      if (grid.population[i] > 0) out.push({ lng: grid.lng[i], lat: grid.lat[i], h3: grid.h3[i], stationId: null, name: null, zone: grid.zone[i] });
    }
    return out;
  }
  // the grid is H3-sorted, so the children of one parent are one run
  let parent = '';
  let bestPop = -1;
  let bestZone = -1;
  const flush = () => {
    if (parent === '' || bestPop <= 0) return;
    const [lat, lng] = cellToLatLng(parent);
    out.push({ lng, lat, h3: parent, stationId: null, name: null, zone: bestZone });
  };
  for (let i = 0; i < grid.size; i++) {
    const p = cellToParent(grid.h3[i], resolution);
    if (p !== parent) {
      flush();
      parent = p;
      bestPop = -1;
      bestZone = -1;
    }
    if (grid.population[i] > bestPop) {
      bestPop = grid.population[i];
      bestZone = grid.zone[i];
    }
  }
  flush();
  return out;
}

/**
 * Candidates at the given facilities (a user list, or the output of
 * `idleFacilities`). The zone is the facility's township when it names a
 * zone of the grid, else the zone of the grid cell under it.
 */
export function stationCandidates(grid: PopulationGrid, stations: readonly Station[]): Candidate[] {
  const zoneByCode = new Map(grid.zones.map((z, k) => [z.code, k]));
  return stations.map((s) => {
    if (!Number.isFinite(s.lng) || !Number.isFinite(s.lat)) throw new Error(`Candidate "${s.id}" has no valid position (${s.lng}, ${s.lat}).`);
    const h3 = latLngToCell(s.lat, s.lng, grid.resolution);
    const cell = grid.indexOf.get(h3);
    const zone = (s.township !== undefined ? zoneByCode.get(s.township) : undefined) ?? (cell !== undefined ? grid.zone[cell] : -1);
    return { lng: s.lng, lat: s.lat, h3, stationId: s.id, name: s.name, zone };
  });
}

/**
 * Facilities that could take a station but are not one in the scenario:
 * every health centre, and every disabled facility, not active in the engine.
 */
export function idleFacilities(engine: CoverageEngine, stations: readonly Station[]): Station[] {
  return stations.filter((s) => !engine.hasStation(s.id) && (s.kind === 'health-centre' || s.status === 'disabled'));
}
