/**
 * The p-center question on an engine holding the scenario: the k new sites
 * that make the worst response over the demand cells (cells with weight) as
 * short as possible, the cost being that of the model the objective is judged
 * by (straight-line km, or response minutes on roads) within the model's
 * horizon (limits.max: further costs are not known, and a cell nothing
 * reaches within it is left out and counted as unreached).
 *
 * Two passes over the candidates' reach: the first finds the floor (the
 * largest over cells of the best any station or site could do), the second
 * keeps only the costs that could matter: cells the fixed stations leave
 * beyond the floor, at costs under the fixed stations' own.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { CostUnit } from '../reach.ts';
import { cellCandidates } from './candidates.ts';
import { runSteps, type Steps, type SuggestControl } from './control.ts';
import { cellLimits, objectiveEngine, servingCounts } from './matrix.ts';
import { pCenterSteps, worstWithPicks, type PCenterProblem } from './p-center.ts';
import { checkWeights, sitePlace, type SiteQuestion, type SuggestedSite, type SuggestionBase } from './suggest.ts';

export interface PCenterSitesOptions extends SiteQuestion {
  /** New sites to choose. */
  k: number;
  /** Work the exact search may spend per threshold (see p-center.ts). */
  nodeBudget?: number;
  /** Refuse questions keeping more candidate–cell costs than this (memory guard: 12 bytes each; default 20,000,000). */
  maxEntries?: number;
}

export interface PCenterSite extends SuggestedSite {
  /** The worst response with the fixed stations, this pick and those before it (model unit; null: some cell beyond the horizon). */
  worstAfter: number | null;
}

export interface PCenterSuggestion extends SuggestionBase {
  model: 'p-center';
  k: number;
  /** Unit of every cost below: the model's (km straight line, or minutes on roads). */
  unit: CostUnit;
  /** The furthest the model looks; a worst response beyond it is null. */
  horizon: number;
  /** The worst response over the demand cells reached within the horizon, with the fixed stations only and with the picks. */
  worst: { before: number | null; after: number | null };
  /** No k sites make the worst response shorter than this (model unit). */
  lowerBound: number;
  provenOptimal: boolean;
  /** Weight (people, or the question's weights) in cells no station or candidate reaches within the horizon: left out of the worst. */
  unreachedWeight: number;
  picks: PCenterSite[];
  /** True when fewer than k sites are listed because more cannot shorten the worst response. */
  exhausted: boolean;
  iterations: { checks: number; exactNodes: number; entries: number };
}

const MAX_ENTRIES = 20_000_000;
/** Candidates per progress step while reaches are read. */
const SLICE = 256;

const orNull = (v: number) => (v < Infinity ? v : null);

/** p-center as steps: two passes over the reach, then the threshold search. */
export function* pCenterSitesSteps(engine: CoverageEngine, options: PCenterSitesOptions): Steps<PCenterSuggestion> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (new sites) must be a positive integer, got ${k}.`);
  checkWeights(engine, options.weights);
  const objective = options.objective ?? 'coverage';
  const weight = options.weights ?? engine.grid.population;
  const candidates = options.candidates ?? cellCandidates(engine.grid);
  const judge = objectiveEngine(engine, objective);
  const model = judge.reachModel;
  const limits = judge.reachLimits;
  const size = engine.grid.size;
  // copies: a worker may change the engine between two steps
  const nearest = judge.nearestCost.slice();
  const n = candidates.length;

  // pass 1: the best any station or site does for each demand cell
  const best = new Float64Array(size).fill(Infinity);
  for (let i = 0; i < size; i++) if (weight[i] > 0) best[i] = nearest[i];
  for (let from = 0; from < n; from += SLICE) {
    yield { phase: 'matrix', done: from, total: 2 * n };
    for (let j = from; j < Math.min(n, from + SLICE); j++) {
      const { cells, costs } = model.reach(candidates[j], limits);
      for (let q = 0; q < cells.length; q++) if (costs[q] < best[cells[q]]) best[cells[q]] = costs[q];
    }
  }
  let floor = 0;
  let unreached = 0;
  let worstBefore = 0;
  for (let i = 0; i < size; i++) {
    if (!(weight[i] > 0)) continue;
    if (best[i] === Infinity) unreached += weight[i];
    else {
      floor = Math.max(floor, best[i]);
      worstBefore = Math.max(worstBefore, nearest[i]);
    }
  }

  // pass 2: demand cells beyond the floor, and the costs under their fixed stations'
  const demandOf = new Int32Array(size).fill(-1);
  const demandCells: number[] = [];
  for (let i = 0; i < size; i++) if (weight[i] > 0 && best[i] < Infinity && nearest[i] > floor) demandOf[i] = demandCells.push(i) - 1;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const rowStart = new Int32Array(n + 1);
  let entryCell = new Int32Array(1024);
  let entryCost = new Float64Array(1024);
  let entries = 0;
  for (let from = 0; from < n; from += SLICE) {
    yield { phase: 'matrix', done: n + from, total: 2 * n };
    for (let j = from; j < Math.min(n, from + SLICE); j++) {
      rowStart[j] = entries;
      if (demandCells.length === 0) continue;
      const { cells, costs } = model.reach(candidates[j], limits);
      for (let q = 0; q < cells.length; q++) {
        const d = demandOf[cells[q]];
        if (d < 0 || costs[q] >= nearest[cells[q]]) continue;
        if (entries === entryCell.length) {
          if (entries >= maxEntries) throw new Error(`The p-center question would keep over ${maxEntries.toLocaleString('en-US')} candidate–cell costs (${n.toLocaleString('en-US')} candidates): use fewer or coarser candidates (e.g. one per H3 res-8 cell).`);
          const grown = Math.min(maxEntries, entries * 2);
          const c = new Int32Array(grown);
          c.set(entryCell);
          entryCell = c;
          const w = new Float64Array(grown);
          w.set(entryCost);
          entryCost = w;
        }
        entryCell[entries] = d;
        entryCost[entries] = costs[q];
        entries++;
      }
    }
  }
  rowStart[n] = entries;
  yield { phase: 'matrix', done: 2 * n, total: 2 * n };
  const problem: PCenterProblem = {
    candidateCount: n,
    existing: Float64Array.from(demandCells, (i) => nearest[i]),
    rowStart,
    entryCell: entryCell.subarray(0, entries),
    entryCost: entryCost.subarray(0, entries),
  };
  const solution = yield* pCenterSteps(problem, { k, nodeBudget: options.nodeBudget });
  // the cells under the floor never decide the worst, but count in it
  // (one of the floor's cells has its best already, from a fixed station or from every choice of sites)
  const worstAfter = (picks: readonly number[]) => (demandCells.length === 0 ? floor : Math.max(floor, worstWithPicks(problem, picks)));
  const after = worstAfter(solution.picks);

  // per pick: people newly covered within the objective's limit, and the worst after it
  const limit = cellLimits(engine, objective);
  const counts = servingCounts(engine, objective);
  let population = 0;
  let servedBefore = 0;
  let uncovered = 0;
  const covered = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const w = weight[i];
    population += w;
    if (counts[i] > 0) {
      servedBefore += w;
      covered[i] = 1;
    } else if (w > 0) uncovered += w;
  }
  const share = (v: number) => (population > 0 ? v / population : 0);
  let served = servedBefore;
  const picks = solution.picks.map((j, r): PCenterSite => {
    let added = 0;
    const { cells, costs } = model.reach(candidates[j], limits);
    for (let q = 0; q < cells.length; q++) {
      const i = cells[q];
      if (covered[i] || costs[q] > limit[i] || !(weight[i] > 0)) continue;
      covered[i] = 1;
      added += weight[i];
    }
    served += added;
    return {
      rank: r + 1,
      candidate: j,
      ...sitePlace(engine, candidates[j]),
      populationAdded: added,
      backupPopulationAdded: null,
      cumulativeCovered: served,
      cumulativeShare: share(served),
      worstAfter: orNull(worstAfter(solution.picks.slice(0, r + 1))),
    };
  });
  let usable = 0;
  for (let j = 0; j < n; j++) if (rowStart[j + 1] > rowStart[j]) usable++;
  const lowerBound = Math.min(after, Math.max(floor, solution.lowerBound));
  return {
    objective,
    weightedBy: options.weights ? 'weights' : 'residents',
    population,
    before: { covered: servedBefore, share: share(servedBefore), coveredTwice: null },
    after: { covered: served, share: share(served), coveredTwice: null },
    picks,
    candidates: { total: n, usable },
    demand: { cells: demandCells.length, elements: demandCells.length, uncoveredPopulation: uncovered, unreachablePopulation: unreached },
    model: 'p-center',
    k,
    unit: judge.unit,
    horizon: limits.max,
    worst: { before: orNull(worstBefore), after: orNull(after) },
    lowerBound,
    provenOptimal: after <= lowerBound,
    unreachedWeight: unreached,
    exhausted: solution.picks.length < k,
    iterations: { checks: solution.checks, exactNodes: solution.exactNodes, entries },
  };
}

/**
 * The k new sites that make the worst response shortest (p-center), the fixed stations being the engine's.
 * @example suggestPCenterSites(engine, { k: 2 }).worst.after
 */
export function suggestPCenterSites(engine: CoverageEngine, options: PCenterSitesOptions, control?: SuggestControl): PCenterSuggestion {
  return runSteps(pCenterSitesSteps(engine, options), control);
}
