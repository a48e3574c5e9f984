/** Reads the 2020 census county tabulation (POPU = resident population). */
import path from 'node:path';
import { numberField, readCsvFile } from './csv.ts';

const HEADER = ['CODE', 'NAME', 'POPU', 'POPU_WM', 'POPU_ETHNIC', 'POPU_URB', 'POPU_REG_C', 'POPU_REG_P', 'POPU_REG_O'];

export interface CensusCounty {
  code: string;
  name: string;
  /** Resident population at the 7th census (2020-11-01); null where the tabulation has none (金门县). */
  population: number | null;
  /** Share of the residents who live in urban (城镇) areas, POPU_URB, 0–1; null where none. */
  urbanShare: number | null;
}

/**
 * Reads `census/county_population_2020.csv` into a map by 6-digit code.
 * Throws with file/row/column on a wrong header, a bad code or a population
 * that is not a non-negative integer.
 */
export function readCensus(rawDir: string): Map<string, CensusCounty> {
  const file = path.join(rawDir, 'census', 'county_population_2020.csv');
  const rows = readCsvFile(file, HEADER.length);
  const header = rows[0]?.fields ?? [];
  if (header.join(',') !== HEADER.join(',')) {
    throw new Error(`${file}: header is "${header.join(',')}" when expected "${HEADER.join(',')}"`);
  }
  const out = new Map<string, CensusCounty>();
  for (const row of rows.slice(1)) {
    const code = row.fields[0].trim();
    if (!/^\d{6}$/.test(code)) throw new Error(`${file}: row ${row.line}, column CODE: "${code}" is not a 6-digit code`);
    if (out.has(code)) throw new Error(`${file}: row ${row.line}, column CODE: ${code} appears twice`);
    const population = numberField(file, row, 2, 'POPU', true);
    if (population !== null && (!Number.isInteger(population) || population < 0)) {
      throw new Error(`${file}: row ${row.line}, column POPU: ${population} is not a non-negative integer`);
    }
    const urbanShare = numberField(file, row, 5, 'POPU_URB', true);
    if (urbanShare !== null && !(urbanShare >= 0 && urbanShare <= 1)) throw new Error(`${file}: row ${row.line}, column POPU_URB: ${urbanShare} is not a share between 0 and 1`);
    out.set(code, { code, name: row.fields[1].trim(), population, urbanShare });
  }
  return out;
}

/** The census population of a county, or an error naming the file when it has none. */
export function requirePopulation(census: Map<string, CensusCounty>, code: string): number {
  const row = census.get(code);
  if (!row || row.population === null || row.population <= 0) {
    throw new Error(`census/county_population_2020.csv: no positive POPU for county ${code}`);
  }
  return row.population;
}
