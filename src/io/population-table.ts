/**
 * Reads an H3 population table (`h3,population[,zone]` CSV, the Kontur-style
 * layout our demo data uses) into grid cell rows, reporting every bad row.
 */
import Papa from 'papaparse';
import { isValidCell } from 'h3-js';
import type { CellInput } from '../core/grid.ts';
import type { RowProblem } from './errors.ts';

export interface PopulationTable {
  cells: CellInput[];
  problems: RowProblem[];
}

/** Parses CSV text; `file` names the source in problem messages. */
export function readPopulationTable(text: string, file: string): PopulationTable {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const problems: RowProblem[] = parsed.errors.map((e) => ({ file, row: (e.row ?? -1) + 1, reason: e.message }));
  const fields = parsed.meta.fields ?? [];
  for (const column of ['h3', 'population']) {
    if (!fields.includes(column)) problems.push({ file, row: 0, column, reason: `missing column "${column}" (columns found: ${fields.join(', ') || 'none'})` });
  }
  if (problems.some((p) => p.row === 0)) return { cells: [], problems };
  const cells: CellInput[] = [];
  parsed.data.forEach((record, k) => {
    const row = k + 1;
    const h3 = (record.h3 ?? '').trim();
    const population = Number(record.population);
    if (!isValidCell(h3)) {
      problems.push({ file, row, column: 'h3', reason: `"${h3}" is not a valid H3 cell index` });
    } else if (record.population === undefined || record.population.trim() === '' || !Number.isFinite(population) || population < 0) {
      problems.push({ file, row, column: 'population', reason: `"${record.population ?? ''}" is not a number ≥ 0` });
    } else {
      cells.push({ h3, population, zone: record.zone?.trim() || undefined });
    }
  });
  return { cells, problems };
}
