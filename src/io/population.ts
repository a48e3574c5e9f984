/**
 * What every population reader returns (H3 cell rows for buildGrid and a
 * summary that accounts for every person read), and the accumulator they share.
 */
import type { CellInput } from '../core/grid.ts';
import { fileError, isError, type RowProblem } from './errors.ts';

export interface PopulationSummary {
  file: string;
  source: 'geotiff' | 'h3-table' | 'points' | 'polygons';
  /** H3 resolution of the output cells. */
  resolution: number;
  /** Sum of every value read and used (pixels, rows, polygons). */
  inputTotal: number;
  /** Sum of the output cells; equals inputTotal up to floating-point rounding. */
  outputTotal: number;
  /** Number of output cells (cells with population > 0). */
  cells: number;
  /** Pixels or rows with no data (nodata value, NaN, empty), left out by design; counted here. */
  droppedNodata: number;
  /** How values became cells, in words (shown to the user). */
  method: string;
  /** Row/file problems: errors (rows left out, with reason) and warnings. */
  problems: RowProblem[];
}

export interface PopulationImport<S extends PopulationSummary = PopulationSummary> {
  /** Cells sorted by H3 index, without zones (see assignCellsToZones). */
  cells: CellInput[];
  summary: S;
}

/** Above this a single pixel, row or polygon is a corrupt value or an unflagged nodata value, not people. */
export const MAX_PLAUSIBLE_POPULATION = 1e9;

/** Sums values per H3 cell. */
export class CellAccumulator {
  private readonly sums = new Map<string, number>();
  total = 0;

  add(h3: string, value: number): void {
    this.sums.set(h3, (this.sums.get(h3) ?? 0) + value);
    this.total += value;
  }

  get size(): number {
    return this.sums.size;
  }

  /** The cells with population > 0, sorted by H3 index (as buildGrid stores them). */
  toCells(): CellInput[] {
    const cells: CellInput[] = [];
    for (const [h3, population] of this.sums) if (population > 0) cells.push({ h3, population });
    cells.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
    return cells;
  }
}

/** Checks an H3 resolution option (0–15). */
export function checkResolution(resolution: number, file: string): void {
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) {
    throw fileError(file, `cannot be aggregated to H3 resolution ${resolution}: choose an integer 0–15 (default 9, ≈0.1 km² cells)`, 'bad-resolution');
  }
}

/** Sum of cell populations. */
export const sumCells = (cells: readonly CellInput[]) => cells.reduce((s, c) => s + c.population, 0);

/** Gives the event loop a turn (so a worker can receive a cancel message) when `ms` have passed since the last one. */
export function makeYielder(ms = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

/** True when some rows were left out (errors, not just warnings). */
export const hasRowErrors = (s: PopulationSummary) => s.problems.some(isError);
