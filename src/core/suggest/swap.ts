/**
 * Swap refinement (1-exchange local search): replace one pick by one other
 * candidate while that raises the objective, best exchange first, until no
 * exchange helps. Removing pick s changes another candidate's gain only on
 * elements s serves alone (or, with backup, as one of two), so one pass over
 * the matrix rows gives every candidate's gain against the picks and, at
 * once, against the picks minus each one of them: two prefix-sum lookups per
 * run and pick, or one look per element where runs are short. Candidates
 * whose gain with no picks cannot pay for any pick's loss are skipped. Exchanges that touch
 * disjoint elements do not change each other's gain, so one round applies
 * every such exchange, best first.
 */
import type { Steps } from './control.ts';
import type { CoverState } from './objective.ts';

export interface SwapOutcome {
  /** Rounds run (the last finds no exchange, unless maxRounds stopped it). */
  rounds: number;
  swaps: number;
  /**
   * Every candidate's gain against the final picks (0 for the picks): exact,
   * or for candidates the last round could skip, their upper bound.
   */
  gains: Float64Array;
}

interface Exchange {
  /** Slot in the picks to give up, the candidate to take instead, and the objective change. */
  slot: number;
  candidate: number;
  delta: number;
}

/** Scratch arrays and the one-pass scan (a plain method: V8 optimises long loops in generators poorly). */
class ExchangeScan {
  readonly gains: Float64Array;
  /** Per slot s, prefix sums over elements of what removing pick s gives back (k × (m + 1)). */
  private readonly regain: Float64Array;
  /** Per element: what removing its (one or two) serving picks gives back, and their slots (-1 none). */
  private readonly regainAt: Float64Array;
  private readonly owner1: Int32Array;
  private readonly owner2: Int32Array;
  /** Per slot: the correction summed element by element, for rows whose runs are short. */
  private readonly correction: Float64Array;
  /** Elements per candidate row. */
  private readonly rowEntries: Int32Array;
  /** Per slot, the element span its row covers (a row outside it shares nothing with the pick). */
  private readonly spanFrom: Int32Array;
  private readonly spanTo: Int32Array;
  private readonly bestWith: Float64Array;
  private readonly bestIn: Int32Array;
  private readonly loss: Float64Array;

  constructor(state: CoverState, picks: number) {
    const { candidateCount, elementCount } = state.problem;
    this.gains = new Float64Array(candidateCount);
    this.regain = new Float64Array(picks * (elementCount + 1));
    this.regainAt = new Float64Array(elementCount);
    this.owner1 = new Int32Array(elementCount).fill(-1);
    this.owner2 = new Int32Array(elementCount).fill(-1);
    this.correction = new Float64Array(picks);
    const { rowStart, runFrom, runTo } = state.problem;
    this.rowEntries = new Int32Array(candidateCount);
    for (let j = 0; j < candidateCount; j++) {
      let e = 0;
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) e += runTo[r] - runFrom[r];
      this.rowEntries[j] = e;
    }
    this.spanFrom = new Int32Array(picks);
    this.spanTo = new Int32Array(picks);
    this.bestWith = new Float64Array(picks);
    this.bestIn = new Int32Array(picks);
    this.loss = new Float64Array(picks);
  }

  /**
   * Fills `gains` against the picks and returns, per slot, its best exchange
   * when that gains anything. Candidates whose upper bound cannot beat the
   * smallest loss of any pick are skipped (their bound stands in for the gain).
   */
  scan(state: CoverState, picks: readonly number[], upper: Float64Array | null): Exchange[] {
    const { rowStart, runFrom, runTo, candidateCount: n, elementCount: m } = state.problem;
    const { count, picked, epsilon } = state;
    const { gains, regain, regainAt, owner1, owner2, correction, rowEntries, spanFrom, spanTo, bestWith, bestIn, loss } = this;
    const k = picks.length;
    const width = m + 1;
    regain.fill(0);
    let minLoss = Infinity;
    for (let s = 0; s < k; s++) {
      const j = picks[s];
      const base = s * width;
      let lost = 0;
      // elements the pick serves alone (or, with backup, as one of two) come back when it goes
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
        for (let e = runFrom[r]; e < runTo[r]; e++) {
          const c = count[e];
          lost += state.gainAt(e, c - 1);
          if (c <= 2) {
            const back = state.gainAt(e, c - 1) - state.gainAt(e, c);
            regain[base + e + 1] = back;
            regainAt[e] = back;
            if (owner1[e] < 0) owner1[e] = s;
            else owner2[e] = s;
          }
        }
      }
      for (let e = 0; e < m; e++) regain[base + e + 1] += regain[base + e];
      spanFrom[s] = rowStart[j + 1] > rowStart[j] ? runFrom[rowStart[j]] : 0;
      spanTo[s] = rowStart[j + 1] > rowStart[j] ? runTo[rowStart[j + 1] - 1] : 0;
      loss[s] = lost;
      minLoss = Math.min(minLoss, lost);
      bestWith[s] = -Infinity;
      bestIn[s] = -1;
    }
    const prefix = state.gainPrefix();
    const tolerance = Math.max(epsilon, 1e-9 * Math.max(1, state.value));
    const skipBelow = upper ? minLoss + tolerance : -Infinity;
    let bestPlain = -Infinity;
    let bestPlainIn = -1;
    for (let j = 0; j < n; j++) {
      if (picked[j]) {
        gains[j] = 0;
        continue;
      }
      // g_j(picks − s) ≤ g_j(no picks): no exchange with j can pay for any pick's loss
      if (upper !== null && upper[j] <= skipBelow) {
        gains[j] = upper[j];
        continue;
      }
      const r0 = rowStart[j];
      const r1 = rowStart[j + 1];
      let g = 0;
      for (let r = r0; r < r1; r++) g += prefix[runTo[r]] - prefix[runFrom[r]];
      if (g <= epsilon) g = 0;
      gains[j] = g;
      if (g > bestPlain) {
        bestPlain = g;
        bestPlainIn = j;
      }
      if (r0 === r1) continue;
      const lo = runFrom[r0];
      const hi = runTo[r1 - 1];
      let overlapping = 0;
      for (let s = 0; s < k; s++) if (spanTo[s] > lo && spanFrom[s] < hi) overlapping++;
      if (overlapping === 0) continue;
      if (overlapping * (r1 - r0) <= rowEntries[j]) {
        // long runs: per pick, two lookups a run in its prefix sums
        for (let s = 0; s < k; s++) {
          if (spanTo[s] <= lo || spanFrom[s] >= hi) continue;
          const base = s * width;
          let c = 0;
          for (let r = r0; r < r1; r++) c += regain[base + runTo[r]] - regain[base + runFrom[r]];
          if (c > epsilon && g + c > bestWith[s]) {
            bestWith[s] = g + c;
            bestIn[s] = j;
          }
        }
      } else {
        // short runs: one look at each element, crediting the pick(s) serving it
        for (let r = r0; r < r1; r++) {
          for (let e = runFrom[r]; e < runTo[r]; e++) {
            const back = regainAt[e];
            if (back > 0) {
              correction[owner1[e]] += back;
              const b = owner2[e];
              if (b >= 0) correction[b] += back;
            }
          }
        }
        for (let s = 0; s < k; s++) {
          const c = correction[s];
          if (c === 0) continue;
          correction[s] = 0;
          if (c > epsilon && g + c > bestWith[s]) {
            bestWith[s] = g + c;
            bestIn[s] = j;
          }
        }
      }
    }
    for (let s = 0; s < k; s++) {
      const j = picks[s];
      for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
        for (let e = runFrom[r]; e < runTo[r]; e++) {
          regainAt[e] = 0;
          owner1[e] = -1;
          owner2[e] = -1;
        }
      }
    }
    const exchanges: Exchange[] = [];
    for (let s = 0; s < k; s++) {
      // without pick s, candidate j gains gains[j] plus what s alone held of j's elements
      const useWith = bestWith[s] >= bestPlain;
      const value = useWith ? bestWith[s] : bestPlain;
      const candidate = useWith ? bestIn[s] : bestPlainIn;
      const delta = value - loss[s];
      if (candidate >= 0 && delta > tolerance) exchanges.push({ slot: s, candidate, delta });
    }
    return exchanges.sort((a, b) => b.delta - a.delta || a.slot - b.slot);
  }
}

/** Keeps the exchanges, best first, whose elements no kept exchange touches. */
function independent(state: CoverState, picks: readonly number[], exchanges: Exchange[], mark: Int32Array, round: number): Exchange[] {
  const { rowStart, runFrom, runTo } = state.problem;
  const kept: Exchange[] = [];
  const rowFree = (j: number) => {
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) for (let e = runFrom[r]; e < runTo[r]; e++) if (mark[e] === round) return false;
    return true;
  };
  const claim = (j: number) => {
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) for (let e = runFrom[r]; e < runTo[r]; e++) mark[e] = round;
  };
  for (const x of exchanges) {
    const out = picks[x.slot];
    if (kept.length > 0 && !(rowFree(out) && rowFree(x.candidate))) continue;
    if (kept.some((y) => y.candidate === x.candidate)) continue;
    claim(out);
    claim(x.candidate);
    kept.push(x);
  }
  return kept;
}

/**
 * Refines `picks` in place (the state must hold exactly these picks).
 * @param maxRounds stop after this many rounds even if more would help
 * @param upper each candidate's gain with no picks (an upper bound on any later gain), to skip hopeless candidates
 */
export function* swapSteps(state: CoverState, picks: number[], maxRounds = 100, upper: Float64Array | null = null): Steps<SwapOutcome> {
  const scanner = new ExchangeScan(state, picks.length);
  const mark = new Int32Array(state.problem.elementCount);
  let rounds = 0;
  let swaps = 0;
  for (;;) {
    const exchanges = scanner.scan(state, picks, upper);
    if (picks.length === 0 || rounds >= maxRounds) break;
    rounds++;
    yield { phase: 'swap', done: rounds, total: maxRounds };
    if (exchanges.length === 0) break;
    for (const x of independent(state, picks, exchanges, mark, rounds)) {
      state.remove(picks[x.slot]);
      state.add(x.candidate);
      picks[x.slot] = x.candidate;
      swaps++;
    }
  }
  return { rounds, swaps, gains: scanner.gains };
}
