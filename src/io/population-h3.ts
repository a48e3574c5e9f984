/**
 * H3 population tables (Kontur-style `h3,population` CSV/XLSX at any
 * resolution) → cells at the chosen resolution: finer cells are summed into
 * their parent, coarser cells split evenly over their children.
 */
import { cellToChildren, cellToParent, getResolution, isValidCell } from 'h3-js';
import type { CellInput } from '../core/grid.ts';
import type { FileBytes } from './bytes.ts';
import { parseNumber } from './columns.ts';
import { fileError, guardReader, type RowProblem } from './errors.ts';
import { CellAccumulator, checkResolution, MAX_PLAUSIBLE_POPULATION, type PopulationImport, type PopulationSummary } from './population.ts';
import { readMappedTable } from './table.ts';
import type { EncodingOption } from './text.ts';

export const H3_COLUMN_ALIASES = {
  h3: ['h3', 'h3index', 'h3_index', 'h3id', 'h3cell', 'hex', 'hexid', 'hex_id', 'cell', 'cellid', 'index'],
  population: ['population', 'pop', '人口', '常住人口', '总人口', 'count', 'value', 'total', 'sum'],
} as const;

export interface H3TableOptions {
  file: string;
  resolution: number;
  encoding?: EncodingOption;
  sheet?: string | number;
  columns?: Partial<Record<keyof typeof H3_COLUMN_ALIASES, string>>;
  /** Refuse to write more output cells than this (default 20 million). */
  maxCells?: number;
}

export interface H3TableSummary extends PopulationSummary {
  source: 'h3-table';
  /** Number of input rows at each resolution found. */
  inputResolutions: Record<number, number>;
  rows: number;
}

/** Reads an H3 population table and brings it to `resolution`. */
export async function readH3PopulationTable(bytes: FileBytes, options: H3TableOptions): Promise<PopulationImport<H3TableSummary>> {
  return guardReader(options.file, 'an H3 population table (h3,population)', () => readH3Table(bytes, options));
}

async function readH3Table(bytes: FileBytes, options: H3TableOptions): Promise<PopulationImport<H3TableSummary>> {
  const { file, resolution } = options;
  checkResolution(resolution, file);
  const { table, mapping } = await readMappedTable(bytes, options, H3_COLUMN_ALIASES, 'an H3 population table (h3,population)');
  const problems: RowProblem[] = [...table.problems];
  const input: CellInput[] = [];
  const rowOf: number[] = [];
  let droppedNodata = 0;
  for (const { row, values } of table.rows) {
    const h3 = values[mapping.h3].trim().toLowerCase();
    const text = values[mapping.population];
    const population = parseNumber(text);
    if (!isValidCell(h3)) problems.push({ file, row, column: mapping.h3, code: 'bad-h3', reason: `"${h3.slice(0, 30)}" is not a valid H3 cell index`, value: h3.slice(0, 30) });
    else if (text.trim() === '' || /^(nan|null|na|n\/a|-)$/i.test(text.trim())) {
      droppedNodata++;
      problems.push({ file, row, column: mapping.population, code: 'no-data', severity: 'warning', reason: 'no population value; counted as no data' });
    } else if (!Number.isFinite(population) || population < 0 || population > MAX_PLAUSIBLE_POPULATION) {
      problems.push({ file, row, column: mapping.population, code: 'not-a-number', reason: `"${text.slice(0, 30)}" is not a number of people (0 to 1e9)`, value: text.slice(0, 30) });
    } else {
      input.push({ h3, population });
      rowOf.push(row);
    }
  }
  const { cells, inputResolutions, inputTotal, outputTotal, duplicates } = resampleCells(input, resolution, { file, maxCells: options.maxCells });
  for (const [index, firstIndex] of duplicates) {
    problems.push({ file, row: rowOf[index], column: mapping.h3, code: 'duplicate-cell', severity: 'warning', reason: `cell ${input[index].h3} also on row ${rowOf[firstIndex]}; the two populations are added` });
  }
  problems.sort((a, b) => a.row - b.row);
  const levels = Object.keys(inputResolutions).map(Number);
  const method = levels.every((r) => r === resolution)
    ? `cells used as they are (resolution ${resolution})`
    : `resolution ${levels.join('/')} → ${resolution}: finer cells summed into their parent (cellToParent), coarser cells split evenly over their children (cellToChildren)`;
  return {
    cells,
    summary: {
      file,
      source: 'h3-table',
      resolution,
      inputTotal,
      outputTotal,
      cells: cells.length,
      droppedNodata,
      method,
      problems,
      inputResolutions,
      rows: table.rows.length,
    },
  };
}

export interface ResampleResult {
  cells: CellInput[];
  inputResolutions: Record<number, number>;
  inputTotal: number;
  outputTotal: number;
  /** [index, index of the first row with the same cell] for repeated cells (their values are added). */
  duplicates: [number, number][];
}

/**
 * Brings cells of any resolution to `resolution`: a finer cell adds its
 * population to its parent; a coarser one splits it evenly over its children
 * (7 per level, 6 under a pentagon), so totals are kept exactly. Zones carry
 * over: children inherit their parent's zone; a parent takes the zone that
 * holds most of its population.
 * @example resampleCells([{ h3: res8cell, population: 70 }], 9).cells.length // 7, each 10
 */
export function resampleCells(cells: readonly CellInput[], resolution: number, options: { file?: string; maxCells?: number } = {}): ResampleResult {
  const file = options.file ?? 'cells';
  checkResolution(resolution, file);
  const maxCells = options.maxCells ?? 20_000_000;
  const inputResolutions: Record<number, number> = {};
  let estimate = 0;
  for (const c of cells) {
    const r = getResolution(c.h3);
    inputResolutions[r] = (inputResolutions[r] ?? 0) + 1;
    estimate += r < resolution ? 7 ** (resolution - r) : 1;
  }
  if (estimate > maxCells) {
    const coarsest = Object.keys(inputResolutions).map(Number).reduce((a, b) => Math.min(a, b));
    throw fileError(file, `would become ~${Math.round(estimate).toLocaleString('en-US')} cells when split from resolution ${coarsest} to ${resolution}; choose a coarser resolution`, 'too-many-cells');
  }
  const acc = new CellAccumulator();
  const firstAt = new Map<string, number>();
  const duplicates: [number, number][] = [];
  // zone → population, per output cell (only when the input has zones)
  const zoneVotes = cells.some((c) => c.zone) ? new Map<string, Map<string, number>>() : null;
  const add = (h3: string, population: number, zone: string | undefined) => {
    acc.add(h3, population);
    if (!zoneVotes || !zone) return;
    let votes = zoneVotes.get(h3);
    if (!votes) zoneVotes.set(h3, (votes = new Map()));
    votes.set(zone, (votes.get(zone) ?? 0) + population);
  };
  let inputTotal = 0;
  cells.forEach((c, i) => {
    const seen = firstAt.get(c.h3);
    if (seen !== undefined) duplicates.push([i, seen]);
    else firstAt.set(c.h3, i);
    inputTotal += c.population;
    const r = getResolution(c.h3);
    if (r === resolution) add(c.h3, c.population, c.zone);
    else if (r > resolution) add(cellToParent(c.h3, resolution), c.population, c.zone);
    else {
      const children = cellToChildren(c.h3, resolution);
      const share = c.population / children.length;
      for (const child of children) add(child, share, c.zone);
    }
  });
  const out = acc.toCells();
  if (zoneVotes) {
    for (const c of out) {
      let best: string | undefined;
      let most = -1;
      for (const [zone, population] of zoneVotes.get(c.h3) ?? []) {
        if (population > most || (population === most && best !== undefined && zone < best)) [best, most] = [zone, population];
      }
      if (best !== undefined) c.zone = best;
    }
  }
  return { cells: out, inputResolutions, inputTotal, outputTotal: acc.total, duplicates };
}
