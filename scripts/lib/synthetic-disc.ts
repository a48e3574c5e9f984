/**
 * The suggestion benchmarks' synthetic region: 10,000 populated res-9 cells
 * drawn at random from a disc of ~18 km radius around 永春, the west quarter
 * urban. Returns the random source too, so a benchmark draws its stations
 * and candidates from the same sequence.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { buildGrid, type CellInput, type PopulationGrid } from '../../src/core/grid.ts';
import type { Zone } from '../../src/core/types.ts';
import { mulberry32 } from '../../tests/helpers/random.ts';

export function syntheticDisc(seed: number): { grid: PopulationGrid; disc: string[]; rnd: () => number } {
  const rnd = mulberry32(seed);
  const zones: Zone[] = [
    { code: 'town', name: 'town', county: '999999', countyName: 'synthetic', areaType: 'urban', seat: null },
    { code: 'country', name: 'country', county: '999999', countyName: 'synthetic', areaType: 'rural', seat: null },
  ];
  const disc = gridDisk(latLngToCell(25.38, 118.2, 9), 60);
  for (let i = disc.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [disc[i], disc[j]] = [disc[j], disc[i]];
  }
  const cells: CellInput[] = disc.slice(0, 10_000).map((h3) => ({ h3, population: 1 + Math.floor(rnd() * 300), zone: cellToLatLng(h3)[1] < 118.13 ? 'town' : 'country' }));
  return { grid: buildGrid(cells, zones), disc, rnd };
}
