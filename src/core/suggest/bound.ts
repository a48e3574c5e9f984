/**
 * How far a choice of k sites can be from the best possible: upper bounds on
 * the optimum, each valid because the objective is monotone submodular.
 * - online: for any set S, OPT ≤ f(S) + the sum of the k largest gains against
 *   S (Leskovec et al. 2007; stale lazy-greedy keys may stand in for gains, as
 *   they only overstate them). Taken at every greedy step and after the swaps.
 * - lagrangian: relaxing "an element counts only if a pick serves it" with a
 *   price per element gives L(λ) = Σ(first − λ) + the k largest Σλ over a
 *   candidate's elements ≥ OPT for any 0 ≤ λ ≤ first; the online bound is
 *   L at one λ, and subgradient steps from there move towards the LP-relaxation
 *   bound. Only without the backup objective.
 * - greedy: the greedy value divided by 1 − (1 − 1/k)^k (≥ 63 % of optimal).
 * - all-candidates: the value if every candidate were a station.
 */
import type { Steps } from './control.ts';
import type { CoverageProblem } from './demand.ts';
import type { CoverState } from './objective.ts';

export type BoundKind = 'online' | 'lagrangian' | 'greedy' | 'all-candidates';

export const BOUND_DESCRIPTIONS: Record<BoundKind, string> = {
  online: 'data-dependent submodular bound: f(S) + sum of the k largest marginal gains w.r.t. S (Leskovec et al. 2007)',
  lagrangian: 'Lagrangian relaxation bound (subgradient towards the LP-relaxation bound, started at the submodular bound)',
  greedy: 'greedy guarantee: greedy value / (1 − (1 − 1/k)^k)',
  'all-candidates': 'every candidate built: nothing more can be served',
};

export interface QualityBound {
  /** Which bound is the tightest (the one reported). */
  kind: BoundKind;
  /**
   * No choice of k sites reaches more than this (objective units: people,
   * backup weighted). With whole-number populations and no backup it is
   * rounded down to a whole number, as the optimum is one.
   */
  upperBound: number;
  /** The suggestion's objective value. */
  value: number;
  /** value / upperBound: the suggestion is at least this share of optimal (1 when proven optimal). */
  ratio: number;
  provenOptimal: boolean;
  /** Every bound computed (null when not computed). */
  bounds: Record<BoundKind, number | null>;
}

/** Sum of the `count` largest values (all values ≥ 0). */
export function topSum(values: Float64Array, count: number): number {
  if (count <= 0) return 0;
  if (count >= values.length) return values.reduce((s, v) => s + v, 0);
  if (count > 32) return Float64Array.from(values).sort().reverse().subarray(0, count).reduce((s, v) => s + v, 0);
  // keep the best `count` in a small ascending list
  const best = new Float64Array(count);
  let filled = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (filled < count) {
      let p = filled++;
      for (; p > 0 && best[p - 1] > v; p--) best[p] = best[p - 1];
      best[p] = v;
    } else if (v > best[0]) {
      let p = 0;
      for (; p + 1 < count && best[p + 1] < v; p++) best[p] = best[p + 1];
      best[p] = v;
    }
  }
  let sum = 0;
  for (let p = 0; p < filled; p++) sum += best[p];
  return sum;
}

/**
 * Fewest values (largest first) whose sum reaches `need`, or Infinity when all
 * of them fall short. With gains against S: fewer sites than this cannot add `need` to f(S).
 */
export function countToReach(values: Float64Array, need: number): number {
  if (need <= 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let c = 1; c <= sorted.length; c++) {
    sum += sorted[sorted.length - c];
    if (sum >= need) return c;
  }
  return Infinity;
}

/** Upper bound from the greedy guarantee: OPT ≤ f(greedy) / (1 − (1 − 1/k)^k). */
export function greedyGuaranteeBound(greedyValue: number, k: number): number {
  return k <= 0 ? greedyValue : greedyValue / (1 - (1 - 1 / k) ** k);
}

/** The objective if every candidate were picked, capped at k picks per element. */
export function allCandidatesBound(state: CoverState, k: number): number {
  const { degree } = state.problem;
  let sum = 0;
  for (let e = 0; e < state.problem.elementCount; e++) {
    const reachable = Math.min(k, degree[e]);
    for (let m = 0; m < reachable && m < 2; m++) sum += state.gainAt(e, m);
  }
  return sum;
}

/**
 * Prices that make the Lagrangian bound equal the online bound at a set of
 * picks: λ = first for elements the picks leave unserved, 0 for the rest
 * (with no picks: λ = first everywhere).
 */
export function onlinePrices(state: CoverState): Float64Array {
  const { first, elementCount } = state.problem;
  const lambda = new Float64Array(elementCount);
  for (let e = 0; e < elementCount; e++) lambda[e] = state.count[e] === 0 ? first[e] : 0;
  return lambda;
}

/**
 * Subgradient descent on the Lagrangian dual of maximal coverage (no backup):
 * L(λ) = Σ(first − λ) + the k largest Σλ over a candidate's elements.
 * @param lambda start prices (0 ≤ λ ≤ first; see onlinePrices), changed in place
 * @param value best known objective value (a feasible solution), for the step size
 * @param iterations subgradient steps, each at most one pass over the matrix
 * @param upper each candidate's gain with no picks (Σ first over its row), which bounds its price:
 *   candidates are priced largest bound first, stopping once no bound can enter the k best
 * @param stop tolerance: stop once value ≥ (1 − tolerance) × bound; rival: a bound already known —
 *   stop after 25 steps that have not got below it (the descent is then too slow to matter);
 *   below: stop once the bound is under this (a proof that k sites cannot reach it)
 * @returns the smallest L(λ) seen (≥ the LP-relaxation optimum ≥ OPT) and the steps taken
 */
export function* lagrangianSteps(
  problem: CoverageProblem,
  lambda: Float64Array,
  k: number,
  value: number,
  iterations: number,
  upper: Float64Array,
  stop: { tolerance: number; rival: number; below?: number } = { tolerance: 0, rival: Infinity },
): Steps<{ bound: number; iterations: number }> {
  if (problem.backupWeight !== 0) throw new Error('The Lagrangian bound is for maximal coverage without the backup objective.');
  const dual = new LagrangianDual(problem, k, upper);
  let best = Infinity;
  // Polyak steps towards the known value, θ halved after 6 steps without a new best (tuned on the demo data)
  let theta = 2;
  let sinceBetter = 0;
  let it = 0;
  for (; it <= iterations; it++) {
    if (it > 0) yield { phase: 'bound', done: it, total: iterations };
    const bound = dual.evaluate(lambda);
    if (best === Infinity || bound < best - 1e-9 * Math.max(1, best)) {
      best = bound;
      sinceBetter = 0;
    } else if (++sinceBetter >= 6) {
      theta /= 2;
      sinceBetter = 0;
    }
    if (it === iterations || value >= (1 - stop.tolerance) * best - 1e-9 * Math.max(1, value) || theta < 1e-4) break;
    if (it >= 25 && best >= stop.rival) break;
    if (stop.below !== undefined && best < stop.below) break;
    if (!dual.step(lambda, theta * Math.max(bound - value, 1e-9 * Math.max(1, value)))) break;
  }
  return { bound: best, iterations: Math.min(it, iterations) };
}

/** Share of the previous step's direction kept in the next (deflected subgradient). */
const DEFLECTION = 0.8;

/** One Lagrangian evaluation and one subgradient step (plain methods: hot loops stay out of the generator). */
class LagrangianDual {
  private readonly problem: CoverageProblem;
  private readonly k: number;
  private readonly chosenCount: Int32Array;
  /** Prefix sums of λ: a candidate's price is two lookups per run. */
  private readonly lambdaPrefix: Float64Array;
  /** The last step's direction, for deflection. */
  private readonly direction: Float64Array;
  /**
   * The rows again, largest price bound first, copied so pricing reads them
   * in memory order: candidate order[p] has runs [sortedStart[p], sortedStart[p+1]).
   */
  private readonly order: Int32Array;
  private readonly orderBound: Float64Array;
  private readonly sortedStart: Int32Array;
  private readonly sortedFrom: Int32Array;
  private readonly sortedTo: Int32Array;
  private readonly price: Float64Array;
  /** Positions (in `order`) of the k best priced candidates, best first. */
  private top: number[] = [];
  private readonly topBuffer: Int32Array;

  constructor(problem: CoverageProblem, k: number, upper: Float64Array) {
    this.problem = problem;
    this.k = k;
    const n = problem.candidateCount;
    const { rowStart, runFrom, runTo } = problem;
    this.chosenCount = new Int32Array(problem.elementCount);
    this.lambdaPrefix = new Float64Array(problem.elementCount + 1);
    this.direction = new Float64Array(problem.elementCount);
    this.order = Int32Array.from({ length: n }, (_, j) => j).sort((a, b) => upper[b] - upper[a] || a - b);
    this.orderBound = Float64Array.from(this.order, (j) => upper[j]);
    this.price = new Float64Array(n);
    this.topBuffer = new Int32Array(k);
    this.sortedStart = new Int32Array(n + 1);
    this.sortedFrom = new Int32Array(rowStart[n]);
    this.sortedTo = new Int32Array(rowStart[n]);
    let at = 0;
    for (let p = 0; p < n; p++) {
      const j = this.order[p];
      this.sortedStart[p] = at;
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
        this.sortedFrom[at] = runFrom[r];
        this.sortedTo[at] = runTo[r];
        at++;
      }
    }
    this.sortedStart[n] = at;
  }

  /** L(λ), remembering the k best priced candidates for the step. */
  evaluate(lambda: Float64Array): number {
    const { candidateCount: n, elementCount: m, first } = this.problem;
    const { price, k, lambdaPrefix, orderBound, sortedStart, sortedFrom, sortedTo } = this;
    let residual = 0;
    for (let e = 0; e < m; e++) {
      residual += first[e] - lambda[e];
      lambdaPrefix[e + 1] = lambdaPrefix[e] + lambda[e];
    }
    const top = this.topBuffer;
    let filled = 0;
    let kth = -Infinity; // the k-th best price so far, once there are k
    for (let p = 0; p < n; p++) {
      // prices never exceed their bound (0 ≤ λ ≤ first): the rest cannot enter the k best
      if (filled === k && orderBound[p] <= kth) break;
      let s = 0;
      const end = sortedStart[p + 1];
      for (let r = sortedStart[p]; r < end; r++) s += lambdaPrefix[sortedTo[r]] - lambdaPrefix[sortedFrom[r]];
      price[p] = s;
      let t: number;
      if (filled < k) t = filled++;
      else if (s > kth) t = k - 1;
      else continue;
      top[t] = p;
      for (; t > 0 && price[top[t]] > price[top[t - 1]]; t--) [top[t], top[t - 1]] = [top[t - 1], top[t]];
      if (filled === k) kth = price[top[k - 1]];
    }
    this.top = Array.from(top.subarray(0, filled));
    let bound = residual;
    for (let t = 0; t < filled; t++) bound += price[top[t]];
    return bound;
  }

  /**
   * Moves λ against the subgradient (top picks serving e) − (e counted in the
   * residual), projected on the box 0 ≤ λ ≤ first and deflected by 0.8 of the
   * previous direction (which damps the zig-zag of plain subgradient steps),
   * with Polyak step numerator `scale`; false when the direction is zero.
   */
  step(lambda: Float64Array, scale: number): boolean {
    const { elementCount: m, rowStart, runFrom, runTo, first } = this.problem;
    const { chosenCount, direction } = this;
    chosenCount.fill(0);
    for (const p of this.top) {
      const j = this.order[p];
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) for (let e = runFrom[r]; e < runTo[r]; e++) chosenCount[e]++;
    }
    let norm = 0;
    for (let e = 0; e < m; e++) {
      let g = chosenCount[e] - (lambda[e] < first[e] ? 1 : 0);
      // a component pushing λ out of its box cannot move it
      if ((lambda[e] <= 0 && g > 0) || (lambda[e] >= first[e] && g < 0)) g = 0;
      const d = g + DEFLECTION * direction[e];
      direction[e] = d;
      norm += d * d;
    }
    if (norm === 0) return false;
    const step = scale / norm;
    for (let e = 0; e < m; e++) lambda[e] = Math.min(first[e], Math.max(0, lambda[e] - step * direction[e]));
    return true;
  }
}
