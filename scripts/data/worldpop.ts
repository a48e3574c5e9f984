/**
 * Reads the WorldPop 2020 population summed to a regular 1/12° (~9 km) grid
 * (`worldpop/fujian_10km_2020.csv`) and answers which grid cell holds a point.
 */
import path from 'node:path';
import { numberField, readCsvFile } from './csv.ts';

const HEADER = ['lng_min', 'lat_min', 'lng_max', 'lat_max', 'population_2020'];
/** Grid cells per degree: the file's cells are 0.083333° (1/12°) wide and high. */
const CELLS_PER_DEG = 12;

export interface WorldPopCell {
  /** "column,row" in the grid, counted from the file's south-west cell. */
  key: string;
  column: number;
  row: number;
  lngMin: number;
  latMin: number;
  lngMax: number;
  latMax: number;
  /** People in the cell (WorldPop 2020 `ppp`, unconstrained, not UN-adjusted), fractional. */
  population: number;
}

export interface WorldPopGrid {
  cells: WorldPopCell[];
  /** The cell whose [min, max) box holds the point, or null where the file has none (no people or outside the box). */
  cellAt(lng: number, lat: number): WorldPopCell | null;
  /** The file's cells among the 8 around a cell. */
  neighbours(cell: WorldPopCell): WorldPopCell[];
}

/**
 * Reads the file; throws with file, row and column on a wrong header, a bad
 * number, a box that is not one grid cell or a cell given twice.
 */
export function readWorldPop(rawDir: string): WorldPopGrid {
  const file = path.join(rawDir, 'worldpop', 'fujian_10km_2020.csv');
  const rows = readCsvFile(file, HEADER.length);
  const header = rows[0]?.fields ?? [];
  if (header.join(',') !== HEADER.join(',')) throw new Error(`${file}: header is "${header.join(',')}" when expected "${HEADER.join(',')}"`);
  const parsed = rows.slice(1).map((row) => {
    const [lngMin, latMin, lngMax, latMax, population] = HEADER.map((name, i) => numberField(file, row, i, name)!);
    if (population < 0) throw new Error(`${file}: row ${row.line}, column population_2020: ${population} is negative`);
    // the file rounds bounds to 5 decimals, so a side is 1/12° within 1e-4°
    if (Math.abs((lngMax - lngMin) * CELLS_PER_DEG - 1) > 1e-3 || Math.abs((latMax - latMin) * CELLS_PER_DEG - 1) > 1e-3) {
      throw new Error(`${file}: row ${row.line}: the box ${lngMin},${latMin},${lngMax},${latMax} is not one 1/12° grid cell`);
    }
    return { line: row.line, lngMin, latMin, lngMax, latMax, population };
  });
  if (parsed.length === 0) throw new Error(`${file}: no cells`);
  const lng0 = Math.min(...parsed.map((c) => c.lngMin));
  const lat0 = Math.min(...parsed.map((c) => c.latMin));
  const byKey = new Map<string, WorldPopCell>();
  const cells = parsed.map(({ line, ...c }) => {
    const column = Math.round((c.lngMin - lng0) * CELLS_PER_DEG);
    const row = Math.round((c.latMin - lat0) * CELLS_PER_DEG);
    const key = `${column},${row}`;
    if (byKey.has(key)) throw new Error(`${file}: row ${line}: grid cell ${key} appears twice`);
    const cell = { key, column, row, ...c };
    byKey.set(key, cell);
    return cell;
  });
  return {
    cells,
    cellAt(lng, lat) {
      const i = Math.floor((lng - lng0) * CELLS_PER_DEG);
      const j = Math.floor((lat - lat0) * CELLS_PER_DEG);
      // the rounded bounds may put a point within 1e-5° of an edge into the neighbour: ask it too
      for (const di of [0, -1, 1]) {
        for (const dj of [0, -1, 1]) {
          const c = byKey.get(`${i + di},${j + dj}`);
          if (c && lng >= c.lngMin && lng < c.lngMax && lat >= c.latMin && lat < c.latMax) return c;
        }
      }
      return null;
    },
    neighbours(cell) {
      const out: WorldPopCell[] = [];
      for (const dj of [-1, 0, 1]) {
        for (const di of [-1, 0, 1]) {
          const c = (di !== 0 || dj !== 0) && byKey.get(`${cell.column + di},${cell.row + dj}`);
          if (c) out.push(c);
        }
      }
      return out;
    },
  };
}
