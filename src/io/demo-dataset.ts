/**
 * Assembles the built demo data (file texts, however they were fetched) into
 * a population grid and a station list for the chosen counties.
 */
import { buildGrid, type PopulationGrid } from '../core/grid.ts';
import type { Station } from '../core/types.ts';
import { readFacilities, readTownships } from './demo-files.ts';
import { DataFileError } from './errors.ts';
import { readPopulationTable } from './population-table.ts';

export interface DemoTexts {
  townships: string;
  facilities: string;
  /** Population table text by county adcode. */
  population: Record<string, string>;
}

export interface DemoDataset {
  counties: string[];
  grid: PopulationGrid;
  /** Every facility in the demo (stations outside the counties may still reach into them). */
  stations: Station[];
}

/** The population table file of a county, relative to the data folder. */
export const populationFile = (county: string) => `population/${county}.csv`;

export function assembleDemoDataset(texts: DemoTexts): DemoDataset {
  const counties = Object.keys(texts.population).sort();
  const zones = readTownships(texts.townships).filter((z) => counties.includes(z.county));
  const cells = counties.flatMap((county) => {
    const file = populationFile(county);
    const table = readPopulationTable(texts.population[county], file);
    if (table.problems.length > 0) throw new DataFileError(table.problems);
    return table.cells;
  });
  return { counties, grid: buildGrid(cells, zones), stations: readFacilities(texts.facilities) };
}
