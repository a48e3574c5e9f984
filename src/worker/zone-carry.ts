/**
 * Imported population without new zones keeps the current zones: each new
 * cell takes the zone of the same cell in the current grid, or of a grid cell
 * within `ring` steps (cells nudged across a boundary by a different source);
 * cells beyond that belong to no zone and are counted, never dropped.
 */
import { gridDisk } from 'h3-js';
import type { CellInput } from '../core/grid.ts';

export interface CarriedZones {
  cells: CellInput[];
  /** Cells that found no zone (kept with no zone). */
  outside: number;
  outsidePopulation: number;
}

/**
 * @param zoneOf zone code of each current cell by H3 index (cells with no zone left out)
 * @example carryZones([{ h3, population: 5 }], new Map([[h3, '350525100000']])).outside // 0
 */
export function carryZones(cells: readonly CellInput[], zoneOf: ReadonlyMap<string, string>, ring = 1): CarriedZones {
  let outside = 0;
  let outsidePopulation = 0;
  const out = cells.map((c) => {
    let zone = zoneOf.get(c.h3);
    if (zone === undefined && ring > 0) {
      for (const n of gridDisk(c.h3, ring)) {
        zone = zoneOf.get(n);
        if (zone !== undefined) break;
      }
    }
    if (zone === undefined) {
      outside++;
      outsidePopulation += c.population;
    }
    return { h3: c.h3, population: c.population, zone };
  });
  return { cells: out, outside, outsidePopulation };
}
