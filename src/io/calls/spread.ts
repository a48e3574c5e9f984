/**
 * Calls known only by township, shared over the township's cells in
 * proportion to their residents (evenly when it has none): the best guess
 * without an address, said wherever these counts are shown.
 */
import type { RegionCells } from '../region/types.ts';

/**
 * Adds each zone's calls to its cells, by population share. Returns the
 * calls of zones that have no cell in the region (they cannot be placed).
 * @example zone 0 with cells of 1, 2 and 3 residents and 6 calls: the cells get 1, 2 and 3
 */
export function spreadOverZones(callsPerZone: Float64Array, cells: Pick<RegionCells, 'population' | 'zone'>, perCell: Float64Array): number {
  const zones = callsPerZone.length;
  const population = new Float64Array(zones);
  const cellCount = new Float64Array(zones);
  for (let i = 0; i < cells.zone.length; i++) {
    const z = cells.zone[i];
    if (z < 0 || z >= zones) continue;
    population[z] += cells.population[i];
    cellCount[z]++;
  }
  let unplaced = 0;
  for (let z = 0; z < zones; z++) if (callsPerZone[z] > 0 && cellCount[z] === 0) unplaced += callsPerZone[z];
  for (let i = 0; i < cells.zone.length; i++) {
    const z = cells.zone[i];
    if (z < 0 || z >= zones || callsPerZone[z] === 0) continue;
    const share = population[z] > 0 ? cells.population[i] / population[z] : 1 / cellCount[z];
    perCell[i] += callsPerZone[z] * share;
  }
  return unplaced;
}
