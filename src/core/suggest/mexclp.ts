/**
 * Expected coverage (MEXCLP, Daskin 1983) on merged demand: an ambulance is
 * busy a share q of the time, independently of the others, so a cell reached
 * by n ambulances is served with probability 1 − qⁿ. Choosing k new sites
 * (a ambulances each) maximises Σ w (1 − q^(b + a·m)), b the fixed stations'
 * ambulances reaching the cell and m the picks that reach it.
 *
 * With W = Σ w q^b over an element's cells (the weight the fixed stations
 * leave expected unserved) and r = q^a, the m-th pick serving an element adds
 * W r^(m−1) (1 − r): gains only shrink as picks are added (monotone
 * submodular), so the lazy greedy picks exactly as a plain greedy would, and
 * the online bound f(S) + the k largest gains against S bounds the optimum.
 */
import { greedyGuaranteeBound, type BoundKind, type QualityBound } from './bound.ts';
import type { Steps } from './control.ts';
import type { CoverageProblem } from './demand.ts';
import { greedyPicks, LazyGreedy, type GainState } from './greedy.ts';

/** Expected-coverage state of a set of picks: `problem.first` holds each element's W (see the file comment). */
export class MexclpState implements GainState {
  readonly problem: CoverageProblem;
  /** Share of an element's expected unserved weight one more pick leaves unserved (q^a). */
  readonly retain: number;
  readonly count: Int32Array;
  readonly nextGain: Float64Array;
  readonly picked: Uint8Array;
  /** Expected weight the picks add. */
  value = 0;
  private readonly prefix: Float64Array;
  private readonly epsilon: number;
  private stale = true;

  constructor(problem: CoverageProblem, retain: number) {
    if (!(retain >= 0 && retain < 1)) throw new Error(`The share a pick leaves unserved (q^a) must be in [0, 1), got ${retain}.`);
    this.problem = problem;
    this.retain = retain;
    const m = problem.elementCount;
    this.count = new Int32Array(m);
    this.nextGain = new Float64Array(m);
    this.prefix = new Float64Array(m + 1);
    this.picked = new Uint8Array(problem.candidateCount);
    let total = 0;
    for (let e = 0; e < m; e++) {
      this.nextGain[e] = problem.first[e] * (1 - retain);
      total += problem.first[e];
    }
    this.epsilon = 1e-12 * Math.max(1, total);
  }

  /** Expected weight adding candidate j now would add (0 below rounding noise). */
  gain(j: number): number {
    if (this.stale) {
      let sum = 0;
      for (let e = 0; e < this.nextGain.length; e++) {
        sum += this.nextGain[e];
        this.prefix[e + 1] = sum;
      }
      this.stale = false;
    }
    const { prefix } = this;
    const { rowStart, runFrom, runTo } = this.problem;
    let sum = 0;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) sum += prefix[runTo[r]] - prefix[runFrom[r]];
    return sum > this.epsilon ? sum : 0;
  }

  add(j: number): void {
    if (this.picked[j]) throw new Error(`Candidate ${j} is already picked.`);
    const { rowStart, runFrom, runTo } = this.problem;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) {
        this.value += this.nextGain[e];
        this.nextGain[e] *= this.retain;
        this.count[e]++;
      }
    }
    this.picked[j] = 1;
    this.stale = true;
  }
}

export interface MexclpOptions {
  /** Sites to choose. */
  k: number;
  /** q^a: the share of an element's expected unserved weight left after one more pick serves it, in [0, 1). */
  retain: number;
  /** Subgradient steps of the Lagrangian bound (default 30; fewer when it proves the optimum). */
  lagrangianIterations?: number;
}

/**
 * Lagrangian bound of MEXCLP (Daskin's integer programme with "covers of an
 * element ≤ picks serving it" priced at λ ≥ 0):
 * L(λ) = Σ_e Σ_{m ≤ min(k, degree)} (g_em − λ_e)⁺ + the k largest Σλ over a candidate's elements,
 * g_em = W r^(m−1) (1 − r). Any λ ≥ 0 gives L ≥ OPT; λ = 0 gives the
 * all-candidates bound (λ = g_e1 the online bound with no picks), and
 * deflected subgradient steps lower it.
 * @param value a feasible value (the greedy's), for the Polyak step and to stop at a proof
 * @returns the smallest L seen and the steps taken
 */
export function* mexclpLagrangianSteps(problem: CoverageProblem, retain: number, k: number, value: number, iterations: number): Steps<{ bound: number; iterations: number }> {
  const { elementCount: m, candidateCount: n, rowStart, runFrom, runTo, first, degree } = problem;
  // λ = 0 starts at the all-candidates bound; on the bench's data the descent from there beats the one from the online bound's λ
  const lambda = new Float64Array(m);
  const prefix = new Float64Array(m + 1);
  const price = new Float64Array(n);
  const direction = new Float64Array(m);
  const served = new Int32Array(m);
  let best = Infinity;
  let theta = 2;
  let sinceBetter = 0;
  let it = 0;
  for (; it <= iterations; it++) {
    if (it > 0) yield { phase: 'bound', done: it, total: iterations };
    // element part: Σ over its possible covers of what each gains above its price, and how many do
    let bound = 0;
    for (let e = 0; e < m; e++) {
      prefix[e + 1] = prefix[e] + lambda[e];
      let g = first[e] * (1 - retain);
      const covers = Math.min(k, degree[e]);
      let above = 0;
      for (let c = 0; c < covers && g > lambda[e]; c++) {
        bound += g - lambda[e];
        above++;
        g *= retain;
      }
      direction[e] = -above + 0.8 * direction[e]; // deflected: the candidate part is added below
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) sum += prefix[runTo[r]] - prefix[runFrom[r]];
      price[j] = sum;
    }
    const top = Array.from({ length: n }, (_, j) => j)
      .sort((a, b) => price[b] - price[a] || a - b)
      .slice(0, k);
    for (const j of top) bound += price[j];
    if (best === Infinity || bound < best - 1e-9 * Math.max(1, best)) {
      best = bound;
      sinceBetter = 0;
    } else if (++sinceBetter >= 6) {
      theta /= 2;
      sinceBetter = 0;
    }
    if (it === iterations || value >= best - 1e-9 * Math.max(1, value) || theta < 1e-4) break;
    served.fill(0);
    for (const j of top) for (let r = rowStart[j]; r < rowStart[j + 1]; r++) for (let e = runFrom[r]; e < runTo[r]; e++) served[e]++;
    let norm = 0;
    for (let e = 0; e < m; e++) {
      let d = direction[e] + served[e];
      // a component pushing λ below 0 cannot move it
      if (lambda[e] <= 0 && d > 0) d = 0;
      direction[e] = d;
      norm += d * d;
    }
    if (norm === 0) break;
    const step = (theta * Math.max(bound - value, 1e-9 * Math.max(1, value))) / norm;
    for (let e = 0; e < m; e++) lambda[e] = Math.max(0, lambda[e] - step * direction[e]);
  }
  return { bound: best, iterations: Math.min(it, iterations) };
}

export interface MexclpSolution {
  /** Candidate indices in pick order (each adds the most given those before). */
  picks: number[];
  /** Expected weight the picks add. */
  value: number;
  /** True when fewer than k picks were made because nothing was left to gain. */
  exhausted: boolean;
  /** Upper bound on what any k sites add (the tightest of online, Lagrangian, greedy, all-candidates). */
  bound: QualityBound;
  /** (upper bound − value) / upper bound: the share of the possible the answer may miss (0 when proven optimal). */
  gap: number;
  gainEvaluations: number;
}

/** Σ W (1 − r^min(k, degree)): every element served by as many picks as could serve it. */
function allCandidatesBound(problem: CoverageProblem, retain: number, k: number): number {
  let sum = 0;
  for (let e = 0; e < problem.elementCount; e++) sum += problem.first[e] * (1 - retain ** Math.min(k, problem.degree[e]));
  return sum;
}

/** Chooses k sites by lazy greedy, yielding at every pick; returns them with the tightest bound. */
export function* mexclpSteps(problem: CoverageProblem, options: MexclpOptions): Steps<MexclpSolution> {
  const { k, retain } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (sites to choose) must be a positive integer, got ${k}.`);
  const state = new MexclpState(problem, retain);
  const greedy = new LazyGreedy(state);
  // keys bound current gains from above: f(S) + the k largest keys ≥ OPT at every step
  const run = yield* greedyPicks(greedy, k);
  const { picks, exhausted } = run;
  let online = run.online;
  const value = state.value;
  if (exhausted) online = Math.min(online, value);
  const iterations = options.lagrangianIterations ?? 30;
  const lagrangian = iterations > 0 && online > value + 1e-9 * Math.max(1, value) ? (yield* mexclpLagrangianSteps(problem, retain, k, value, iterations)).bound : null;
  const bounds: Record<BoundKind, number | null> = {
    online,
    lagrangian,
    greedy: greedyGuaranteeBound(value, k),
    'all-candidates': allCandidatesBound(problem, retain, k),
  };
  let kind: BoundKind = 'online';
  for (const key of Object.keys(bounds) as BoundKind[]) {
    const b = bounds[key];
    if (b !== null && b < bounds[kind]!) kind = key;
  }
  // sums in another order can put a bound a hair under the value it bounds
  const upperBound = Math.max(bounds[kind]!, value);
  const provenOptimal = upperBound - value <= 1e-9 * Math.max(1, value);
  return {
    picks,
    value,
    exhausted,
    bound: { kind, upperBound, value, ratio: upperBound > 0 ? value / upperBound : 1, provenOptimal, bounds },
    gap: upperBound > 0 ? (upperBound - value) / upperBound : 0,
    gainEvaluations: greedy.evaluations,
  };
}
