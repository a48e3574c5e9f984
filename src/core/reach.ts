/**
 * Reach models answer one question for the engine: which cells can a station
 * reach within a limit, and at what cost? Today the cost is straight-line
 * distance in km; a road-network model (minutes) plugs in behind the same
 * interface without touching rules, tables, gaps, deltas or the optimiser.
 */
import KDBush from 'kdbush';
import { boxAround, haversineKm } from './geo.ts';
import type { PopulationGrid } from './grid.ts';

export interface Reach {
  /** Cell indices reached. */
  cells: Int32Array;
  /** Cost to each reached cell, in the model's unit. */
  costs: Float64Array;
}

export interface ReachModel {
  /** Unit of costs and limits: kilometres (straight line) or minutes (road travel time). */
  readonly unit: 'km' | 'min';
  /** Every cell within `limit` of the point, with its cost. */
  reach(lng: number, lat: number, limit: number): Reach;
}

/**
 * Great-circle distance from the station to each cell centre, found through a
 * KD-tree of cell centres so a query touches only the cells in its box.
 * @example new StraightLineReach(grid).reach(118.16, 25.31, 10) // cells within 10 km
 */
export class StraightLineReach implements ReachModel {
  readonly unit = 'km' as const;
  private readonly index: KDBush;

  constructor(private readonly grid: PopulationGrid) {
    this.index = new KDBush(Math.max(1, grid.size));
    for (let i = 0; i < grid.size; i++) this.index.add(grid.lng[i], grid.lat[i]);
    if (grid.size === 0) this.index.add(0, 0); // kdbush needs one item; it is filtered below
    this.index.finish();
  }

  reach(lng: number, lat: number, limitKm: number): Reach {
    const [minX, minY, maxX, maxY] = boxAround(lng, lat, limitKm);
    const ids = this.index.range(minX, minY, maxX, maxY);
    const cells = new Int32Array(ids.length);
    const costs = new Float64Array(ids.length);
    const { lat: cellLat, lng: cellLng, size } = this.grid;
    let k = 0;
    for (const id of ids) {
      if (id >= size) continue;
      const d = haversineKm(lng, lat, cellLng[id], cellLat[id]);
      if (d <= limitKm) {
        cells[k] = id;
        costs[k] = d;
        k++;
      }
    }
    return { cells: cells.subarray(0, k), costs: costs.subarray(0, k) };
  }
}
