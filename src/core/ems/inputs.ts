/**
 * What the EMS measures need beyond the engine: every station of the
 * scenario (hospitals count by capability whatever their 120 status), the
 * calls per cell when imported, and the region's road network when loaded.
 */
import type { PopulationGrid } from '../grid.ts';
import type { RoadNetwork } from '../road-network.ts';
import type { Station } from '../types.ts';

/** Calls per grid cell (aligned with the grid's cells) over `years` years. */
export interface CallWeights {
  perCell: Float64Array;
  years: number;
  /** Generated calls (labelled synthetic wherever shown). */
  synthetic: boolean;
}

export interface EmsInputs {
  stations: readonly Station[];
  calls: CallWeights | null;
  roads: RoadNetwork | null;
}

/** Throws when the calls do not line up with the grid (a region's calls belong to its own cells). */
export function checkCallWeights(grid: PopulationGrid, calls: CallWeights | null): void {
  if (calls && calls.perCell.length !== grid.size) throw new Error(`Calls are given for ${calls.perCell.length} cells but the grid has ${grid.size}: calls must be aggregated to this region's cells.`);
}
