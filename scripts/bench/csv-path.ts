/**
 * Today's path before region packs, kept as a benchmark baseline: the demo's
 * population CSVs, townships and facilities JSON in data/, parsed row by row
 * and assembled with buildGrid, the facilities narrowed to those reaching the
 * region (as the worker did).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGrid, type PopulationGrid } from '../../src/core/grid.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { DEFAULT_RULES } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { readFacilities, readTownships } from '../../src/io/demo-files.ts';
import { DATA_DIR, resolveRegion } from '../lib/demo-data.ts';

export function loadFromCsv(id: string): { grid: PopulationGrid; stations: Station[] } {
  const counties = resolveRegion(id).parts;
  const zones = readTownships(readFileSync(path.join(DATA_DIR, 'townships.json'), 'utf8')).filter((t) => counties.includes(t.county));
  const rows = counties.flatMap((c) =>
    readFileSync(path.join(DATA_DIR, `population/${c}.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [h3, population, zone] = line.split(',');
        return { h3, population: Number(population), zone };
      }),
  );
  const grid = buildGrid(rows, zones);
  const reach = createReachModel(grid);
  const limits = reach.limits(DEFAULT_RULES);
  const stations = readFacilities(readFileSync(path.join(DATA_DIR, 'facilities.json'), 'utf8')).filter(
    (s) => (s.county !== undefined && counties.includes(s.county)) || reach.reach(s, limits).cells.length > 0,
  );
  return { grid, stations };
}
