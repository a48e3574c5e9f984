/**
 * Population points (CSV/XLSX rows of longitude, latitude, population, e.g.
 * village or building counts) → the H3 cell each point falls in.
 */
import { latLngToCell } from 'h3-js';
import type { FileBytes } from './bytes.ts';
import { parseCoordinate, parseNumber } from './columns.ts';
import { toWgs84, type Crs } from './crs.ts';
import { guardReader, type RowProblem } from './errors.ts';
import { FACILITY_COLUMN_ALIASES } from './facilities.ts';
import { H3_COLUMN_ALIASES } from './population-h3.ts';
import { CellAccumulator, checkResolution, MAX_PLAUSIBLE_POPULATION, type PopulationImport, type PopulationSummary } from './population.ts';
import { readMappedTable } from './table.ts';
import type { EncodingOption } from './text.ts';

export const POINT_COLUMN_ALIASES = {
  lng: FACILITY_COLUMN_ALIASES.lng,
  lat: FACILITY_COLUMN_ALIASES.lat,
  population: H3_COLUMN_ALIASES.population,
} as const;

export interface PointTableOptions {
  file: string;
  resolution: number;
  /** Coordinate system of the points (default WGS84). */
  crs?: Crs;
  encoding?: EncodingOption;
  sheet?: string | number;
  columns?: Partial<Record<keyof typeof POINT_COLUMN_ALIASES, string>>;
}

export interface PointTableSummary extends PopulationSummary {
  source: 'points';
  rows: number;
  crs: Crs;
}

/** Reads population points and sums them per H3 cell. */
export async function readPopulationPoints(bytes: FileBytes, options: PointTableOptions): Promise<PopulationImport<PointTableSummary>> {
  return guardReader(options.file, 'a population point table (lng, lat, population)', () => readPoints(bytes, options));
}

async function readPoints(bytes: FileBytes, options: PointTableOptions): Promise<PopulationImport<PointTableSummary>> {
  const { file, resolution } = options;
  const crs = options.crs ?? 'WGS84';
  checkResolution(resolution, file);
  const { table, mapping } = await readMappedTable(bytes, options, POINT_COLUMN_ALIASES, 'a population point table (lng, lat, population)');
  const problems: RowProblem[] = [...table.problems];
  const acc = new CellAccumulator();
  let droppedNodata = 0;
  for (const { row, values } of table.rows) {
    const x = parseCoordinate(values[mapping.lng]);
    const y = parseCoordinate(values[mapping.lat]);
    const text = values[mapping.population];
    const population = parseNumber(text);
    if (!Number.isFinite(x) || Math.abs(x) > 180) {
      problems.push({ file, row, column: mapping.lng, code: 'not-a-number', reason: `"${values[mapping.lng].slice(0, 30)}" is not a longitude`, value: values[mapping.lng].slice(0, 30) });
    } else if (!Number.isFinite(y) || Math.abs(y) > 90) {
      problems.push({ file, row, column: mapping.lat, code: 'not-a-number', reason: `"${values[mapping.lat].slice(0, 30)}" is not a latitude`, value: values[mapping.lat].slice(0, 30) });
    } else if (text.trim() === '') {
      droppedNodata++;
      problems.push({ file, row, column: mapping.population, code: 'no-data', severity: 'warning', reason: 'no population value; counted as no data' });
    } else if (!Number.isFinite(population) || population < 0 || population > MAX_PLAUSIBLE_POPULATION) {
      problems.push({ file, row, column: mapping.population, code: 'not-a-number', reason: `"${text.slice(0, 30)}" is not a number of people (0 to 1e9)`, value: text.slice(0, 30) });
    } else {
      const [lng, lat] = toWgs84(x, y, crs);
      acc.add(latLngToCell(lat, lng, resolution), population);
    }
  }
  const cells = acc.toCells();
  return {
    cells,
    summary: {
      file,
      source: 'points',
      resolution,
      inputTotal: acc.total,
      outputTotal: cells.reduce((s, c) => s + c.population, 0),
      cells: cells.length,
      droppedNodata,
      method: `each point to the H3 res-${resolution} cell it falls in (${crs} → WGS84)`,
      problems,
      rows: table.rows.length,
      crs,
    },
  };
}
