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
import { LazyGreedy, type GainState } from './greedy.ts';

/** Busy fractions are capped here: q = 1 would serve no one whatever is built. */
export const MAX_BUSY_FRACTION = 0.99;

/**
 * The system busy fraction MEXCLP uses: a year's calls × minutes per call,
 * over the minutes a year of the fleet, capped below 1 (MAX_BUSY_FRACTION).
 * @example mexclpBusyFraction(8760, 60, 10) // 0.1: 8,760 one-hour calls a year on 10 ambulances
 */
export function mexclpBusyFraction(callsPerYear: number, meanJobMinutes: number, ambulances: number): number {
  if (!(callsPerYear >= 0) || !(meanJobMinutes >= 0)) throw new Error(`Calls per year and minutes per call must be ≥ 0, got ${callsPerYear} and ${meanJobMinutes}.`);
  if (!(ambulances > 0)) throw new Error(`The fleet must have at least one ambulance, got ${ambulances}.`);
  return Math.min(MAX_BUSY_FRACTION, (callsPerYear * meanJobMinutes) / (525_600 * ambulances));
}

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
}

export interface MexclpSolution {
  /** Candidate indices in pick order (each adds the most given those before). */
  picks: number[];
  /** Expected weight the picks add. */
  value: number;
  /** True when fewer than k picks were made because nothing was left to gain. */
  exhausted: boolean;
  /** Upper bound on what any k sites add (kinds online, greedy, all-candidates; no Lagrangian). */
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
  let online = greedy.topKeys(k).sum;
  const picks: number[] = [];
  let exhausted = false;
  for (let t = 0; t < k; t++) {
    yield { phase: 'greedy', done: t, total: k };
    const j = greedy.best();
    if (j < 0) {
      exhausted = true;
      break;
    }
    greedy.pick(j);
    picks.push(j);
    online = Math.min(online, state.value + greedy.topKeys(k).sum);
  }
  yield { phase: 'greedy', done: picks.length, total: k };
  const value = state.value;
  if (exhausted) online = Math.min(online, value);
  const bounds: Record<BoundKind, number | null> = {
    online,
    lagrangian: null,
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
