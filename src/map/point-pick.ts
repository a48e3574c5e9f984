/** Which grid cell a point on the map falls in (by H3 index at the grid's resolution). */
import { getResolution, latLngToCell } from 'h3-js';
import { cellFinder } from './cells.ts';

const finders = new WeakMap<readonly string[], (h3: string) => number | undefined>();

/**
 * Index of the dataset's cell holding a WGS84 point, or null when no cell of
 * the dataset is there (outside the region, or unpopulated).
 * @example cellAtPoint(dataset.h3, 118.16, 25.31) // 1234
 */
export function cellAtPoint(h3: readonly string[], lng: number, lat: number): number | null {
  if (h3.length === 0) return null;
  let find = finders.get(h3);
  if (!find) {
    find = cellFinder(h3);
    finders.set(h3, find);
  }
  return find(latLngToCell(lat, lng, getResolution(h3[0]))) ?? null;
}
