/**
 * What one population cell is under the current scenario: its row (status,
 * circle, nearest station and distance), its township with the township's
 * population, and the gap group it belongs to with the townships that group
 * spans. Answers a click on the map.
 */
import type { CoverageEngine } from './coverage.ts';
import { cellRow, type CellRow } from './evaluate.ts';
import { gapFigures, gapGroups, type GapFigures, type GapGroup } from './gaps.ts';
import { roadAccessByCell } from './response-times.ts';
import { COVERED } from './types.ts';

export interface CellZone {
  code: string;
  name: string;
  county: string;
  countyName: string;
  /** Residents of the whole township (all its cells). */
  population: number;
}

/** The gap area's figures, with the townships it spans (most residents first), as the gap list has them. */
export type CellGap = GapFigures;

export interface CellDescription {
  /** Index of the cell in the grid. */
  index: number;
  /** WGS84 centre of the cell [lng, lat]. */
  centre: [number, number];
  row: CellRow;
  zone: CellZone | null;
  /** The gap group holding the cell (uncovered, populated), or null. */
  gap: CellGap | null;
  /**
   * Only on roads: why the cell has no response minutes when it has none
   * for want of roads ('far' from every road, or near a cut-off 'fragment'
   * only); null when it has road access (no minutes then means "not reached").
   */
  noRoadAccess?: 'far' | 'fragment' | null;
}

/**
 * Describes cell `index` of the engine's grid.
 * @param groups the engine's current gap groups when already known (computed here when needed otherwise)
 * @example describeCell(engine, 0).row.distanceKm // straight-line km to the nearest active station, or null
 */
export function describeCell(engine: CoverageEngine, index: number, groups?: () => readonly GapGroup[]): CellDescription {
  const { grid } = engine;
  if (!Number.isInteger(index) || index < 0 || index >= grid.size) throw new Error(`Cell ${index} is not in the grid (0…${grid.size - 1}).`);
  const z = grid.zone[index];
  let zone: CellZone | null = null;
  if (z >= 0) {
    const { code, name, county, countyName } = grid.zones[z];
    // the engine holds each zone's residents (row z + 1; row 0 is the cells in no zone)
    zone = { code, name, county, countyName, population: engine.zonePopulation[z + 1] };
  }
  let gap: CellGap | null = null;
  // only uncovered populated cells belong to a group; ranking needs every group
  if (engine.status[index] !== COVERED && grid.population[index] > 0) {
    const group = (groups ? groups() : gapGroups(engine)).find((g) => g.cells.includes(index));
    if (group) gap = gapFigures(group);
  }
  const access = roadAccessByCell(engine);
  const noRoadAccess = access ? (access[index] === 1 ? 'far' : access[index] === 2 ? 'fragment' : null) : undefined;
  return { index, centre: [grid.lng[index], grid.lat[index]], row: cellRow(engine, index), zone, gap, ...(noRoadAccess !== undefined ? { noRoadAccess } : {}) };
}
