/** Which grid cell a point on the map falls in (by H3 index at the grid's resolution). */
import { latLngToCell } from 'h3-js';
import { resolutionOfHigh } from '../core/h3-bits.ts';
import { cellFinder } from './cells.ts';

const finders = new WeakMap<Uint32Array, (h3: string) => number | undefined>();

/**
 * Index of the dataset's cell holding a WGS84 point, or null when no cell of
 * the dataset is there (outside the region, or unpopulated).
 * @param h3 the dataset's cells as H3 halves [low, high] per cell (LoadedDataset.h3Halves)
 * @example cellAtPoint(dataset.h3Halves, 118.16, 25.31) // 1234
 */
export function cellAtPoint(h3: Uint32Array, lng: number, lat: number): number | null {
  if (h3.length === 0) return null;
  let find = finders.get(h3);
  if (!find) {
    find = cellFinder(h3);
    finders.set(h3, find);
  }
  return find(latLngToCell(lat, lng, resolutionOfHigh(h3[1]))) ?? null;
}
