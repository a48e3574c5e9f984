/**
 * The coverage matrix of a site question: which demand cells each candidate
 * would cover under the rules, where demand is every populated cell the
 * fixed stations (the engine's scenario) leave uncovered — or, for the
 * backup objective, cover fewer than twice. A cell counts as covered by a
 * candidate exactly as the engine counts it: through the engine's reach
 * model, cost within the cell's own limit (cover, or the emergency circle),
 * in whatever unit the model measures.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { MemberRunQuery, ReachLimits, ReachModel, RunSink } from '../reach.ts';
import type { Candidate } from './candidates.ts';
import type { Steps } from './control.ts';

/** What counts as served: within the cover radius, or inside the emergency circle. */
export type SuggestObjective = 'coverage' | 'circle';

export interface MatrixOptions {
  objective: SuggestObjective;
  /** Keep cells the fixed stations cover once as demand too (backup objective). */
  backup: boolean;
  /** Refuse matrices with more runs than this (memory guard: 8 bytes a run). */
  maxRuns?: number;
  /** Demand per grid cell (e.g. calls); default the grid's population. Cells weighing 0 are no demand. */
  weights?: Float64Array;
  /** Every weighted cell is demand, however many fixed stations serve it (expected coverage counts every cover). */
  everyCell?: boolean;
}

/**
 * Which demand cells each candidate covers, as runs of consecutive demand
 * cell indices. Demand cells are numbered in grid (H3) order, in which the
 * cells of a disc mostly sit side by side: a candidate's few thousand cells
 * make a few dozen runs.
 */
export interface CoverageMatrix {
  candidateCount: number;
  /** Grid index of each demand cell, ascending. */
  cells: Int32Array;
  /** Fixed stations covering each demand cell (0, or 1 with backup; with everyCell any count, capped at 255). */
  baseCount: Uint8Array;
  /** Candidate j covers demand cells [runFrom[r], runTo[r]) for r in [rowStart[j], rowStart[j+1]). */
  rowStart: Int32Array;
  runFrom: Int32Array;
  runTo: Int32Array;
  /** Candidate–cell pairs in all (the runs' total length). */
  entries: number;
  /** Population of the whole grid (or the weights' total, when weights are given). */
  population: number;
  /** Population (or weight) the fixed stations serve (covered, or inside the circle), and serve twice. */
  servedBefore: number;
  servedTwiceBefore: number;
}

export const DEFAULT_MAX_RUNS = 25_000_000;

/** Candidates per progress step while the matrix is built. */
const SLICE = 256;

/**
 * Appends candidate rows as runs. The loops live here, in plain methods,
 * because V8 optimises a long loop inside a generator poorly.
 */
class RunWriter implements RunSink {
  readonly rowStart: Int32Array;
  runFrom: Int32Array;
  runTo: Int32Array;
  runs = 0;
  entries = 0;
  private ids = new Int32Array(4096);
  private readonly maxRuns: number;

  constructor(candidates: number, maxRuns: number) {
    this.rowStart = new Int32Array(candidates + 1);
    const initial = Math.min(maxRuns, Math.max(1024, candidates * 16));
    this.runFrom = new Int32Array(initial);
    this.runTo = new Int32Array(initial);
    this.maxRuns = maxRuns;
  }

  /** Rows of candidates [from, to): the demand cells each reaches within the cell's own limit. */
  fill(model: ReachModel, limits: ReachLimits, candidates: readonly Candidate[], from: number, to: number, demandOf: Int32Array, limit: Float64Array): void {
    for (let j = from; j < to; j++) {
      this.rowStart[j] = this.runs;
      this.row = j;
      const { cells, costs } = model.reach(candidates[j], limits);
      if (cells.length > this.ids.length) this.ids = new Int32Array(Math.max(cells.length, this.ids.length * 2));
      const ids = this.ids;
      let n = 0;
      let sorted = true;
      for (let k = 0; k < cells.length; k++) {
        const i = cells[k];
        const d = demandOf[i];
        if (d >= 0 && costs[k] <= limit[i]) {
          if (n > 0 && d <= ids[n - 1]) sorted = false;
          ids[n++] = d;
        }
      }
      // a model that answers out of cell order costs a sort here
      if (!sorted) ids.subarray(0, n).sort();
      let q = 0;
      while (q < n) {
        const start = ids[q];
        let end = start + 1;
        q++;
        while (q < n && ids[q] === end) {
          end++;
          q++;
        }
        while (q < n && ids[q] < end) q++; // a repeated cell (never from our models) counts once
        this.push(start, end);
      }
    }
    this.rowStart[to] = this.runs;
  }

  /**
   * Rows of candidates [from, to) from the model's own run query: its
   * members are the demand cells in demand order, so its runs are the rows' runs.
   */
  fillRuns(query: MemberRunQuery, candidates: readonly Candidate[], from: number, to: number): void {
    for (let j = from; j < to; j++) {
      this.rowStart[j] = this.runs;
      this.row = j;
      query(candidates[j], this);
    }
    this.rowStart[to] = this.runs;
  }

  /** Candidate whose row is being written. */
  private row = 0;

  /** Appends a run to the row being written (RunSink). */
  push(from: number, to: number): void {
    if (this.runs === this.runFrom.length) this.grow(this.row);
    this.runFrom[this.runs] = from;
    this.runTo[this.runs] = to;
    this.runs++;
    this.entries += to - from;
  }

  private grow(rowsDone: number): void {
    const n = this.rowStart.length - 1;
    if (this.runs + 1 > this.maxRuns) {
      throw new Error(
        `The coverage matrix would exceed ${this.maxRuns.toLocaleString('en-US')} runs of cells (${n.toLocaleString('en-US')} candidates): use fewer or coarser candidates (e.g. one per H3 res-8 cell).`,
      );
    }
    // rows so far predict the rest: grow once to that, rather than many times by a factor
    const predicted = Math.ceil((this.runs / (rowsDone + 1)) * n * 1.1);
    const size = Math.min(this.maxRuns, Math.max(this.runs + 1024, predicted, Math.ceil(this.runs * 1.5)));
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    from.set(this.runFrom.subarray(0, this.runs));
    to.set(this.runTo.subarray(0, this.runs));
    this.runFrom = from;
    this.runTo = to;
  }
}

/** Each cell's limit under the objective, in the unit of the model that objective is judged by (objectiveEngine). */
export function cellLimits(engine: CoverageEngine, objective: SuggestObjective): Float64Array {
  return objective === 'circle' ? engine.circleLimit : engine.coverLimit;
}

/**
 * The engine whose reach model judges the objective: the circle's (response
 * minutes on roads when the region has them, whatever the statuses are
 * judged by), or the statuses' for coverage.
 */
export function objectiveEngine(engine: CoverageEngine, objective: SuggestObjective): CoverageEngine {
  return objective === 'circle' ? engine.circleEngine : engine;
}

/**
 * Fixed stations serving each cell under the objective: the engine's
 * in-range count for coverage; for the circle, counted from the reach the
 * engine holds for each station (it keeps only whether a cell is inside some circle).
 */
export function servingCounts(engine: CoverageEngine, objective: SuggestObjective): Uint16Array {
  if (objective === 'coverage') return engine.inRangeCount;
  const counts = new Uint16Array(engine.grid.size);
  const circle = engine.circleEngine;
  const limit = circle.circleLimit;
  for (const s of circle.activeStations()) {
    const { cells, costs } = circle.stationReach(s.id)!;
    for (let k = 0; k < cells.length; k++) if (costs[k] <= limit[cells[k]]) counts[cells[k]]++;
  }
  return counts;
}

/**
 * Builds the matrix, yielding progress every few hundred candidates.
 * Throws when the matrix would exceed `maxRuns` (too many candidates for
 * the area: use coarser candidate cells).
 */
export function* coverageMatrixSteps(engine: CoverageEngine, candidates: readonly Candidate[], options: MatrixOptions): Steps<CoverageMatrix> {
  const { grid } = engine;
  // copies: a worker may change the engine between two steps of this generator
  const limit = cellLimits(engine, options.objective).slice();
  const counts = servingCounts(engine, options.objective);
  const demandCap = options.everyCell ? Infinity : options.backup ? 2 : 1;
  const weight = options.weights ?? grid.population;

  let population = 0;
  let servedBefore = 0;
  let servedTwiceBefore = 0;
  let demandCount = 0;
  // demand cells numbered in grid order: the order runs are made in
  const demandOf = new Int32Array(grid.size).fill(-1);
  for (let i = 0; i < grid.size; i++) {
    const p = weight[i];
    population += p;
    if (counts[i] >= 1) servedBefore += p;
    if (counts[i] >= 2) servedTwiceBefore += p;
    if (p > 0 && counts[i] < demandCap) demandOf[i] = demandCount++;
  }
  const cells = new Int32Array(demandCount);
  const baseCount = new Uint8Array(demandCount);
  for (let i = 0; i < grid.size; i++) {
    if (demandOf[i] >= 0) {
      cells[demandOf[i]] = i;
      baseCount[demandOf[i]] = Math.min(255, counts[i]);
    }
  }
  // the objective's model, and its rules as limits; a model with a run query for the demand cells answers in runs
  const judge = objectiveEngine(engine, options.objective);
  const model = judge.reachModel;
  const limits = judge.reachLimits;
  const query = demandCount > 0 && model.memberRuns ? model.memberRuns(cells, limit, limits) : null;

  const n = candidates.length;
  const rows = new RunWriter(n, options.maxRuns ?? DEFAULT_MAX_RUNS);
  for (let from = 0; from < n; from += SLICE) {
    yield { phase: 'matrix', done: from, total: n };
    const to = Math.min(n, from + SLICE);
    if (demandCount === 0) rows.rowStart.fill(0, from, to + 1);
    else if (query) rows.fillRuns(query, candidates, from, to);
    else rows.fill(model, limits, candidates, from, to, demandOf, limit);
  }
  yield { phase: 'matrix', done: n, total: n };
  return {
    candidateCount: n,
    cells,
    baseCount,
    rowStart: rows.rowStart,
    // keep the slack rather than copy
    runFrom: rows.runFrom.subarray(0, rows.runs),
    runTo: rows.runTo.subarray(0, rows.runs),
    entries: rows.entries,
    population,
    servedBefore,
    servedTwiceBefore,
  };
}
