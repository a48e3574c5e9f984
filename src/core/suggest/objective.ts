/**
 * The objective of a set of picked candidates over merged demand:
 *   served once (people)  +  backupWeight × served twice (people),
 * counting the fixed stations' covers. An element picked m times gains, from
 * one more pick: first + β·second when m = 0 (its unserved people get a first
 * cover, its once-served people a second), β·first when m = 1, nothing after.
 * That gain never grows as picks are added (monotone submodular for β ≤ 1),
 * which is what the lazy greedy and the bounds rely on.
 *
 * A candidate's gain is a sum over its runs of element ids, read off prefix
 * sums of the per-element gains: two lookups per run, rebuilt after a change.
 */
import type { CoverageProblem } from './demand.ts';

export class CoverState {
  readonly problem: CoverageProblem;
  /** Picks serving each element. */
  readonly count: Int32Array;
  /** Objective gain of one more pick serving each element. */
  readonly nextGain: Float64Array;
  /** Whether each candidate is picked. */
  readonly picked: Uint8Array;
  /** Gains below this are rounding noise of the prefix sums, not people. */
  readonly epsilon: number;
  /** Objective value of the picks (people, backup weighted). */
  value = 0;
  /** People newly served once, and newly served twice, by the picks. */
  servedOnce = 0;
  servedTwice = 0;
  /** prefix[e] = Σ nextGain[0 … e-1]. */
  private readonly prefix: Float64Array;
  private stale = true;

  constructor(problem: CoverageProblem) {
    this.problem = problem;
    const m = problem.elementCount;
    this.count = new Int32Array(m);
    this.nextGain = new Float64Array(m);
    this.prefix = new Float64Array(m + 1);
    this.picked = new Uint8Array(problem.candidateCount);
    let total = 0;
    for (let e = 0; e < m; e++) {
      this.nextGain[e] = this.gainAt(e, 0);
      total += problem.first[e] + problem.second[e];
    }
    this.epsilon = 1e-9 * Math.max(1, total);
  }

  /** Gain of the (m+1)-th pick serving element e. */
  gainAt(e: number, m: number): number {
    const { first, second, backupWeight } = this.problem;
    if (m === 0) return first[e] + backupWeight * second[e];
    if (m === 1) return backupWeight * first[e];
    return 0;
  }

  /** The prefix sums of the per-element gains, rebuilt if a pick changed since. */
  gainPrefix(): Float64Array {
    if (this.stale) {
      const { prefix, nextGain } = this;
      let sum = 0;
      for (let e = 0; e < nextGain.length; e++) {
        sum += nextGain[e];
        prefix[e + 1] = sum;
      }
      this.stale = false;
    }
    return this.prefix;
  }

  /** Objective gain of adding candidate j now (0 when below rounding noise). */
  gain(j: number): number {
    const prefix = this.gainPrefix();
    const { rowStart, runFrom, runTo } = this.problem;
    let sum = 0;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) sum += prefix[runTo[r]] - prefix[runFrom[r]];
    return sum > this.epsilon ? sum : 0;
  }

  /** People adding candidate j would serve once and twice for the first time (not weighted). */
  split(j: number): { once: number; twice: number } {
    const { rowStart, runFrom, runTo, first, second } = this.problem;
    let once = 0;
    let twice = 0;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) {
        const m = this.count[e];
        if (m === 0) {
          once += first[e];
          twice += second[e];
        } else if (m === 1) twice += first[e];
      }
    }
    return { once, twice };
  }

  add(j: number): void {
    if (this.picked[j]) throw new Error(`Candidate ${j} is already picked.`);
    const { once, twice } = this.split(j);
    this.servedOnce += once;
    this.servedTwice += twice;
    const { rowStart, runFrom, runTo } = this.problem;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) {
        this.value += this.nextGain[e];
        this.nextGain[e] = this.gainAt(e, ++this.count[e]);
      }
    }
    this.picked[j] = 1;
    this.stale = true;
  }

  remove(j: number): void {
    if (!this.picked[j]) throw new Error(`Candidate ${j} is not picked.`);
    const { rowStart, runFrom, runTo, first, second } = this.problem;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) {
        const m = --this.count[e];
        const g = this.gainAt(e, m);
        this.value -= g;
        this.nextGain[e] = g;
        if (m === 0) {
          this.servedOnce -= first[e];
          this.servedTwice -= second[e];
        } else if (m === 1) this.servedTwice -= first[e];
      }
    }
    this.picked[j] = 0;
    this.stale = true;
  }

  /** Objective lost by removing picked candidate j. */
  loss(j: number): number {
    const { rowStart, runFrom, runTo } = this.problem;
    let sum = 0;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let e = runFrom[r]; e < runTo[r]; e++) sum += this.gainAt(e, this.count[e] - 1);
    }
    return sum;
  }
}
