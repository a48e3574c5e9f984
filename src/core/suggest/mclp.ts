/**
 * Maximal coverage (MCLP) on merged demand: choose k candidates maximising
 * the objective. Lazy greedy, then swap refinement; then the bound (see
 * bound.ts: online bounds collected along the way, then Lagrangian steps);
 * then, while the bound leaves a gap and the budget allows, restarts of
 * greedy + swaps from other first sites. The best set found is returned with
 * the tightest bound and which one it is.
 */
import {
  allCandidatesBound,
  greedyGuaranteeBound,
  lagrangianSteps,
  onlinePrices,
  topSum,
  type BoundKind,
  type QualityBound,
} from './bound.ts';
import type { Steps } from './control.ts';
import type { CoverageProblem } from './demand.ts';
import { greedyPicks, LazyGreedy } from './greedy.ts';
import { CoverState } from './objective.ts';
import { swapSteps } from './swap.ts';

export interface MclpOptions {
  /** Sites to choose. */
  k: number;
  /** Refine the greedy picks by exchanges (default true). */
  swap?: boolean;
  /** At most this many exchange rounds per swap refinement (default 100). */
  maxSwapRounds?: number;
  /**
   * Extra runs of greedy + swaps, each forced to start from the next best
   * first site, kept when better (default: as many as ~3·10⁶ runs × (k + 1) allow, at most 10;
   * none when the bound already proves the optimum).
   */
  restarts?: number;
  /**
   * Stop improving once the answer is proven within this share of optimal: no
   * Lagrangian steps or restarts are spent beyond it. Default: 0.002 (99.8 %)
   * on large problems (≥ 50,000 runs, e.g. every cell of a county), 0 on small
   * ones (e.g. a list of facilities), which then spend the whole budget on proof.
   */
  gapTolerance?: number;
  /** Subgradient steps for the Lagrangian bound (no backup only; default 50, fewer when it proves the optimum). */
  lagrangianIterations?: number;
}

export interface MclpSolution {
  /** Candidate indices, in greedy order over the final set (each adds the most given the ones before). */
  picks: number[];
  /** Objective value of the picks, and of the plain greedy picks before the exchanges. */
  value: number;
  greedyValue: number;
  /** True when fewer than k picks were made because nothing was left to gain. */
  exhausted: boolean;
  bound: QualityBound;
  gainEvaluations: number;
  swapRounds: number;
  swaps: number;
  lagrangianIterations: number;
  /** Restarts run. */
  restarts: number;
}

/** Work the restarts may spend by default, in runs × (k + 1): about one exchange scan's cost each. */
const RESTART_BUDGET = 3e6;

/** Default gap at which the search stops on large problems: proven within 0.2 % of optimal. */
const DEFAULT_GAP_TOLERANCE = 0.002;
/** Problems with at least this many runs count as large. */
const LARGE_PROBLEM_RUNS = 50_000;

/** Subgradient steps of the Lagrangian bound by default (each at most one pass over the runs). */
const LAGRANGIAN_ITERATIONS = 50;

/** The `count` candidates with the largest gains on their own (ties: lower index). */
function firstSites(initial: Float64Array, count: number): number[] {
  return Array.from(initial, (g, j) => ({ g, j }))
    .filter((x) => x.g > 0)
    .sort((a, b) => b.g - a.g || a.j - b.j)
    .slice(0, count)
    .map((x) => x.j);
}

/** Orders picks greedily (largest gain first, given the ones before) so each pick's gain is its share of the total. */
export function greedyOrder(problem: CoverageProblem, picks: readonly number[]): number[] {
  const state = new CoverState(problem);
  const left = [...picks];
  const order: number[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestGain = -1;
    left.forEach((j, p) => {
      const g = state.gain(j);
      if (g > bestGain || (g === bestGain && j < left[best])) {
        bestGain = g;
        best = p;
      }
    });
    const j = left.splice(best, 1)[0];
    state.add(j);
    order.push(j);
  }
  return order;
}

/** Chooses k sites, yielding progress at every pick, exchange round, bound step and restart. */
export function* mclpSteps(problem: CoverageProblem, options: MclpOptions): Steps<MclpSolution> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (sites to choose) must be a positive integer, got ${k}.`);
  const state = new CoverState(problem);
  const greedy = new LazyGreedy(state);
  // initial keys are exact gains: the online bound with no picks
  const run = yield* greedyPicks(greedy, k);
  const { picks, onlineAtNone, exhausted } = run;
  let online = run.online;
  const greedyValue = state.value;

  let swapRounds = 0;
  let swaps = 0;
  let onlineAtPicks = Infinity;
  if (!exhausted && options.swap !== false) {
    const outcome = yield* swapSteps(state, picks, options.maxSwapRounds ?? 100, greedy.initial);
    swapRounds = outcome.rounds;
    swaps = outcome.swaps;
    onlineAtPicks = state.value + topSum(outcome.gains, k);
    online = Math.min(online, onlineAtPicks);
  }
  // the bound first: a proven optimum needs no restarts
  const runsAll = problem.rowStart[problem.candidateCount];
  let lagrangian: number | null = null;
  let lagrangianIterations = 0;
  const iterations = options.lagrangianIterations ?? LAGRANGIAN_ITERATIONS;
  const allBuilt = allCandidatesBound(state, k);
  const tolerance = options.gapTolerance ?? (runsAll >= LARGE_PROBLEM_RUNS ? DEFAULT_GAP_TOLERANCE : 0);
  const cheapest = () => Math.min(online, allBuilt, greedyGuaranteeBound(greedyValue, k));
  const closed = () => state.value >= (1 - tolerance) * Math.min(cheapest(), lagrangian ?? Infinity) - 1e-9 * Math.max(1, state.value);
  if (exhausted) online = Math.min(online, state.value); // nothing left to gain: the picks serve all that any choice could
  if (problem.backupWeight === 0 && iterations > 0 && !closed()) {
    // start from the lower of the two online bounds the prices can reproduce
    const start = onlineAtPicks < onlineAtNone ? onlinePrices(state) : Float64Array.from(problem.first);
    const dual = yield* lagrangianSteps(problem, start, k, state.value, iterations, greedy.initial, { tolerance, rival: cheapest() });
    lagrangian = dual.bound;
    lagrangianIterations = dual.iterations;
  }

  // restarts: greedy + swaps forced to open with the r-th best first site
  let best = { picks: [...picks], value: state.value };
  const restarts = exhausted || options.swap === false || closed() ? 0 : (options.restarts ?? Math.min(10, Math.floor(RESTART_BUDGET / Math.max(1, runsAll * (k + 1)))));
  const openers = restarts > 0 ? firstSites(greedy.initial, restarts + 1).slice(1) : [];
  for (let r = 0; r < openers.length; r++) {
    yield { phase: 'swap', done: r, total: openers.length };
    const trial = new CoverState(problem);
    trial.add(openers[r]);
    const rest = new LazyGreedy(trial);
    const trialPicks = [openers[r]];
    while (trialPicks.length < k) {
      const j = rest.best();
      if (j < 0) break;
      rest.pick(j);
      trialPicks.push(j);
    }
    if (trialPicks.length < k) continue;
    const outcome = yield* swapSteps(trial, trialPicks, options.maxSwapRounds ?? 100, greedy.initial);
    swapRounds += outcome.rounds;
    swaps += outcome.swaps;
    online = Math.min(online, trial.value + topSum(outcome.gains, k));
    if (trial.value > best.value + 1e-9 * Math.max(1, best.value)) best = { picks: [...trialPicks], value: trial.value };
  }
  if (best.value > state.value) {
    for (const j of picks) state.remove(j);
    for (const j of best.picks) state.add(j);
    picks.splice(0, picks.length, ...best.picks);
  }
  const value = state.value;

  const bounds: Record<BoundKind, number | null> = {
    online,
    lagrangian,
    greedy: greedyGuaranteeBound(greedyValue, k),
    'all-candidates': allBuilt,
  };
  let kind: BoundKind = 'online';
  for (const key of Object.keys(bounds) as BoundKind[]) {
    const b = bounds[key];
    if (b !== null && b < bounds[kind]!) kind = key;
  }
  // with whole people and no backup weight the optimum is a whole number: round the bound down to one
  let integral = problem.backupWeight === 0;
  for (let e = 0; integral && e < problem.elementCount; e++) integral = Number.isInteger(problem.first[e]);
  const raw = bounds[kind]!;
  const rounded = integral ? Math.floor(raw + 1e-9 * Math.max(1, raw)) : raw;
  // rounding can put a bound a hair under the value it bounds
  const upperBound = Math.max(rounded, value);
  const provenOptimal = upperBound - value <= 1e-9 * Math.max(1, value);
  return {
    picks: greedyOrder(problem, picks),
    value,
    greedyValue,
    exhausted,
    bound: { kind, upperBound, value, ratio: upperBound > 0 ? value / upperBound : 1, provenOptimal, bounds },
    gainEvaluations: greedy.evaluations,
    swapRounds,
    swaps,
    lagrangianIterations,
    restarts: openers.length,
  };
}
