/**
 * First-due areas: each cell belongs to the active station nearest to it (the
 * engine's nearestSlot; a cell no station reaches belongs to none). With
 * roads the circle engine's nearest is taken, the station whose minutes the
 * cell's response time is.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { Station } from '../types.ts';

export interface FirstDueAreas {
  /** Active stations, in the engine's order (the rows of `areaOf`). */
  stations: Station[];
  /** Per cell (grid order) the row of its first-due station in `stations`, −1 for none. */
  areaOf: Int32Array;
}

/**
 * @param engine the engine whose nearest stations decide (the circle engine when minutes are on roads)
 * @param stations the rows, in this order (default: the engine's active stations)
 */
export function firstDueAreas(engine: CoverageEngine, stations: Station[] = engine.activeStations()): FirstDueAreas {
  const out = new Int32Array(engine.grid.size);
  const { nearestSlot } = engine;
  const rowOfSlot = rowsOfSlots(engine, stations);
  for (let i = 0; i < nearestSlot.length; i++) {
    const s = nearestSlot[i];
    out[i] = s < 0 ? -1 : rowOfSlot[s];
  }
  return { stations, areaOf: out };
}

/** Per slot of the engine, the row in `stations` of the station it holds, −1 for a free slot or a station not listed. */
export function rowsOfSlots(engine: CoverageEngine, stations: readonly Station[]): Int32Array {
  const rowOfId = new Map(stations.map((s, k) => [s.id, k]));
  // slots may have holes (a removed station's slot is reused later): map each used slot to its row once
  const rowOfSlot = new Int32Array(engine.slotCount).fill(-1);
  for (let s = 0; s < rowOfSlot.length; s++) {
    const station = engine.stationAtSlot(s);
    if (station) rowOfSlot[s] = rowOfId.get(station.id) ?? -1;
  }
  return rowOfSlot;
}
