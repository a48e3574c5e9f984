/**
 * p-center: the k new sites that make the worst response (the largest cost
 * from a demand cell to its nearest station, fixed or new) as short as
 * possible. The optimum is one of the costs in play, so the search is over
 * those costs: for a threshold t, can k sites bring every cell within t?
 * That is a set cover (cells the fixed stations leave beyond t; a site covers
 * those it reaches within t), answered by the LSCP code (greedy, reductions,
 * lower bound) and, when that leaves it open, by an exact search with a node
 * budget. A binary search over the sorted costs finds the smallest t found
 * feasible and the largest proven infeasible: the optimum lies between.
 */
import type { Steps } from './control.ts';
import { mergeDemand, type CoverageProblem } from './demand.ts';
import { lscpSteps } from './lscp.ts';

/** Candidate–cell costs of a p-center question, only those that could matter. */
export interface PCenterProblem {
  candidateCount: number;
  /** Cost from each demand cell to its nearest fixed station (Infinity when none reaches it). */
  existing: Float64Array;
  /** Candidate j reaches cells entryCell[q] at entryCost[q] for q in [rowStart[j], rowStart[j+1]), cells ascending. */
  rowStart: Int32Array;
  entryCell: Int32Array;
  entryCost: Float64Array;
}

export interface PCenterOptions {
  k: number;
  /** Work the exact search may spend per threshold, in elements scanned, before leaving it undecided (default 20,000,000: well under a second). */
  nodeBudget?: number;
}

export interface PCenterSolution {
  /** Candidate indices (at most k: fewer when more sites cannot shorten the worst). */
  picks: number[];
  /** The worst cost with the picks (Infinity when some cell stays unreached). */
  worst: number;
  /** No k sites make the worst cost smaller than this. */
  lowerBound: number;
  provenOptimal: boolean;
  /** Thresholds tested, and the work (elements scanned; named exactNodes) the exact search spent in all. */
  checks: number;
  exactNodes: number;
}

const NODE_BUDGET = 20_000_000;

/** The cells beyond t as a coverage problem (one unit of weight per cell), and how many they are. */
function coverProblem(p: PCenterProblem, t: number): { problem: CoverageProblem; count: number } {
  const { existing, rowStart, entryCell, entryCost, candidateCount: n } = p;
  const demandOf = new Int32Array(existing.length).fill(-1);
  let count = 0;
  for (let i = 0; i < existing.length; i++) if (existing[i] > t) demandOf[i] = count++;
  const starts = new Int32Array(n + 1);
  const from: number[] = [];
  const to: number[] = [];
  for (let j = 0; j < n; j++) {
    starts[j] = from.length;
    for (let q = rowStart[j]; q < rowStart[j + 1]; q++) {
      const d = demandOf[entryCell[q]];
      if (d < 0 || entryCost[q] > t) continue;
      if (to.length > starts[j] && to[to.length - 1] === d) to[to.length - 1] = d + 1;
      else {
        from.push(d);
        to.push(d + 1);
      }
    }
  }
  starts[n] = from.length;
  const merged = mergeDemand(starts, Int32Array.from(from), Int32Array.from(to), new Float64Array(count).fill(1), new Float64Array(count), 0);
  return { problem: merged.problem, count: merged.unreachableFirst > 0 ? -1 : count };
}

/**
 * Exact search: k sites serving every element, or null when none exist, or
 * undefined when the budget ran out. Branches on the unserved element with
 * the fewest candidates (one of them must be picked).
 */
function exactCover(problem: CoverageProblem, k: number, budget: { nodes: number }): number[] | null | undefined {
  const { elementCount: m, candidateCount: n, rowStart, runFrom, runTo } = problem;
  // element → candidates serving it
  const colStart = new Int32Array(m + 1);
  for (let j = 0; j < n; j++) for (let r = rowStart[j]; r < rowStart[j + 1]; r++) for (let e = runFrom[r]; e < runTo[r]; e++) colStart[e + 1]++;
  for (let e = 0; e < m; e++) colStart[e + 1] += colStart[e];
  const col = new Int32Array(colStart[m]);
  const fill = colStart.slice(0, m);
  let widest = 0;
  for (let j = 0; j < n; j++) {
    let size = 0;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) col[fill[e]++] = j;
      size += runTo[r] - runFrom[r];
    }
    widest = Math.max(widest, size);
  }
  const served = new Int32Array(m);
  let unserved = m;
  const picks: number[] = [];
  const apply = (j: number, delta: number) => {
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) {
        if (delta > 0 && served[e]++ === 0) unserved--;
        else if (delta < 0 && --served[e] === 0) unserved++;
      }
    }
  };
  let outOfBudget = false;
  const search = (): boolean => {
    if (unserved === 0) return true;
    if (picks.length === k || unserved > widest * (k - picks.length)) return false;
    // each node scans the elements for the one to branch on
    budget.nodes -= m;
    if (budget.nodes < 0) {
      outOfBudget = true;
      return false;
    }
    let branch = -1;
    for (let e = 0; e < m; e++) {
      if (served[e] === 0 && (branch < 0 || colStart[e + 1] - colStart[e] < colStart[branch + 1] - colStart[branch])) branch = e;
    }
    for (let c = colStart[branch]; c < colStart[branch + 1] && !outOfBudget; c++) {
      const j = col[c];
      picks.push(j);
      apply(j, 1);
      if (search()) return true;
      apply(j, -1);
      picks.pop();
    }
    return false;
  };
  if (search()) return [...picks];
  return outOfBudget ? undefined : null;
}

/** The fixed stations' worst cost over the cells. */
function worstOf(existing: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < existing.length; i++) worst = Math.max(worst, existing[i]);
  return worst;
}

/** Worst cost over the cells with the fixed stations and the picks. */
export function worstWithPicks(p: PCenterProblem, picks: readonly number[]): number {
  const best = Float64Array.from(p.existing);
  for (const j of picks) for (let q = p.rowStart[j]; q < p.rowStart[j + 1]; q++) best[p.entryCell[q]] = Math.min(best[p.entryCell[q]], p.entryCost[q]);
  return worstOf(best);
}

/** Solves p-center by binary search over the costs in play, yielding at every threshold tested. */
export function* pCenterSteps(p: PCenterProblem, options: PCenterOptions): Steps<PCenterSolution> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (sites to choose) must be a positive integer, got ${k}.`);
  const cellCount = p.existing.length;
  // the best any site could do for each cell: its largest is a floor no choice of sites goes under
  const best = Float64Array.from(p.existing);
  for (let q = 0; q < p.entryCell.length; q++) best[p.entryCell[q]] = Math.min(best[p.entryCell[q]], p.entryCost[q]);
  const floor = cellCount > 0 ? worstOf(best) : 0;
  const now = worstOf(p.existing);
  const values = new Set<number>([floor]);
  for (let i = 0; i < cellCount; i++) if (p.existing[i] >= floor && p.existing[i] < Infinity) values.add(p.existing[i]);
  for (let q = 0; q < p.entryCost.length; q++) if (p.entryCost[q] >= floor && p.entryCost[q] < now) values.add(p.entryCost[q]);
  const costs = Float64Array.from([...values].filter((v) => v <= now && v < Infinity)).sort();

  // lo: largest index proven infeasible (−1: none); hi: smallest index found feasible (costs.length: the fixed stations' worst, no pick)
  let lo = -1;
  let hi = costs.length;
  let bestPicks: number[] = [];
  let checks = 0;
  const budget = { nodes: 0 };
  let exactNodes = 0;
  let a = -1; // search bracket: below a+1 nothing feasible was found
  let b = costs.length;
  while (b - a > 1) {
    const mid = (a + b) >> 1;
    yield { phase: 'bound', done: checks, total: checks + Math.ceil(Math.log2(b - a)) };
    checks++;
    const t = costs[mid];
    const { problem, count } = coverProblem(p, t);
    let found: number[] | null | undefined;
    if (count === 0) found = [];
    else if (count < 0) found = null; // a cell no site reaches within t
    else {
      const cover = yield* lscpSteps(problem, { need: count, lagrangianIterations: 60 });
      if (cover.met && cover.picks.length <= k) found = cover.picks;
      else if (cover.lowerBound > k) found = null;
      else {
        budget.nodes = options.nodeBudget ?? NODE_BUDGET;
        const start = budget.nodes;
        found = exactCover(problem, k, budget);
        exactNodes += start - Math.max(0, budget.nodes);
      }
    }
    if (found) {
      b = mid;
      hi = mid;
      bestPicks = found;
    } else {
      a = mid;
      if (found === null) lo = Math.max(lo, mid);
    }
  }
  const worst = hi < costs.length ? worstWithPicks(p, bestPicks) : now;
  const lowerBound = lo + 1 < costs.length ? costs[lo + 1] : now;
  return {
    picks: bestPicks,
    worst,
    lowerBound: Math.min(lowerBound, worst),
    provenOptimal: worst <= lowerBound,
    checks,
    exactNodes,
  };
}
