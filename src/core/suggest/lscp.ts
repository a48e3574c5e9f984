/**
 * Set cover (LSCP, partial): the fewest candidates that newly serve at least
 * `need` people. Lazy greedy until the need is met; then, while fewer sites
 * might do, try one site fewer — the answer minus the pick that loses least,
 * then a fresh greedy — with swap refinement to make up the loss. A lower bound on the fewest sites comes with it: for any
 * set S, q sites can add at most the q largest gains against S, so fewer
 * than the smallest q whose largest gains reach `need − f(S)` cannot do;
 * and when one site fewer was tried in vain, the Lagrangian bound on the
 * best p − 1 sites may prove that none can (see bound.ts).
 */
import { countToReach, lagrangianSteps, onlinePrices } from './bound.ts';
import type { Steps } from './control.ts';
import type { CoverageProblem } from './demand.ts';
import { LazyGreedy } from './greedy.ts';
import { greedyOrder } from './mclp.ts';
import { CoverState } from './objective.ts';
import { swapSteps } from './swap.ts';

export interface LscpOptions {
  /** People to serve beyond the fixed stations (objective units). */
  need: number;
  /** Give up beyond this many sites (default: no limit but the candidates). */
  maxSites?: number;
  /** Exchange rounds per reduction attempt (default 100). */
  maxSwapRounds?: number;
  /** Subgradient steps spent trying to prove that one site fewer cannot do (default 150; stops at the proof). */
  lagrangianIterations?: number;
}

export interface LscpSolution {
  /** True when the candidates can serve `need` people at all. */
  reachable: boolean;
  /** True when the picks serve `need` (false when unreachable or stopped by maxSites). */
  met: boolean;
  /**
   * Candidate indices in greedy order: the fewest found that serve `need`; when
   * unreachable, the greedy picks that serve all that can be served.
   */
  picks: number[];
  /** People the picks newly serve. */
  value: number;
  /** The most all candidates together could serve. */
  maxValue: number;
  /** No fewer sites can serve `need` (equals picks.length when proven minimal). */
  lowerBound: number;
  gainEvaluations: number;
  /** Times one site was taken off the greedy answer successfully. */
  reductions: number;
  swapRounds: number;
  /** Subgradient steps spent on the proof of minimality. */
  lagrangianIterations: number;
}

/** Finds the fewest sites, yielding progress at every pick, reduction attempt and bound step. */
export function* lscpSteps(problem: CoverageProblem, options: LscpOptions): Steps<LscpSolution> {
  if (problem.backupWeight !== 0) throw new Error('Set cover counts people served once: leave the backup objective out.');
  const { need } = options;
  if (!Number.isFinite(need)) throw new Error(`The people to serve must be a finite number, got ${need}.`);
  const maxSites = options.maxSites ?? problem.candidateCount;
  const tolerance = 1e-9 * Math.max(1, Math.abs(need));
  let maxValue = 0;
  for (let e = 0; e < problem.elementCount; e++) maxValue += problem.first[e];
  const reachable = need <= maxValue + tolerance;
  const met = (value: number) => value >= need - tolerance;

  const state = new CoverState(problem);
  const greedy = new LazyGreedy(state);
  const picks: number[] = [];
  let lowerBound = 0;
  const noteBound = () => {
    if (!reachable) return;
    const deficit = need - tolerance - state.value;
    if (deficit <= 0) return;
    // keys bound gains from above, so the count they need is a valid (smaller) count
    const { count, sum } = greedy.topKeys(Number.MAX_SAFE_INTEGER, deficit);
    // all keys together bound all gains, which reach the deficit whenever the need is reachable
    if (sum >= deficit) lowerBound = Math.max(lowerBound, count);
  };
  noteBound();
  while (!met(state.value) && picks.length < maxSites) {
    yield { phase: 'greedy', done: picks.length, total: Math.max(picks.length + 1, lowerBound) };
    const j = greedy.best();
    if (j < 0) break;
    greedy.pick(j);
    picks.push(j);
    noteBound();
  }
  let reductions = 0;
  let swapRounds = 0;
  let lagrangianIterations = 0;
  let lastTrial: CoverState | null = null;
  if (reachable && met(state.value)) {
    // try one site fewer while the bound leaves room
    while (picks.length > Math.max(lowerBound, 1)) {
      yield { phase: 'reduce', done: reductions, total: picks.length - lowerBound };
      const size = picks.length - 1;
      // first from the answer minus its weakest pick, then from a fresh greedy of one site fewer
      let kept: number[] = [];
      let trial = new CoverState(problem);
      for (const start of ['drop-weakest', 'fresh-greedy'] as const) {
        trial = new CoverState(problem);
        if (start === 'drop-weakest') {
          kept = [...picks];
          for (const j of kept) trial.add(j);
          let weakest = 0;
          kept.forEach((j, p) => {
            if (trial.loss(j) < trial.loss(kept[weakest])) weakest = p;
          });
          trial.remove(kept[weakest]);
          kept.splice(weakest, 1);
        } else {
          const fresh = new LazyGreedy(trial);
          kept = [];
          for (let t = 0; t < size; t++) {
            const j = fresh.best();
            if (j < 0) break;
            fresh.pick(j);
            kept.push(j);
          }
        }
        const outcome = yield* swapSteps(trial, kept, options.maxSwapRounds ?? 100, greedy.initial);
        swapRounds += outcome.rounds;
        // the exchange pass ends with exact gains against `kept`: another lower bound
        const q = countToReach(outcome.gains, need - tolerance - trial.value);
        if (Number.isFinite(q)) lowerBound = Math.max(lowerBound, q);
        if (met(trial.value) || lowerBound > size) break;
      }
      if (!met(trial.value)) {
        lastTrial = trial;
        break;
      }
      picks.splice(0, picks.length, ...kept);
      reductions++;
    }
    // one site fewer failed: try to prove that none can, with the Lagrangian bound on the best p − 1 sites
    const iterations = options.lagrangianIterations ?? 150;
    if (lowerBound < picks.length && picks.length > 1 && iterations > 0 && problem.backupWeight === 0) {
      const start = lastTrial ? onlinePrices(lastTrial) : Float64Array.from(problem.first);
      const dual = yield* lagrangianSteps(problem, start, picks.length - 1, lastTrial?.value ?? 0, iterations, greedy.initial, {
        tolerance: 0,
        rival: Infinity,
        below: need - tolerance,
      });
      lagrangianIterations = dual.iterations;
      if (dual.bound < need - tolerance) lowerBound = picks.length;
    }
  }
  const final = new CoverState(problem);
  for (const j of picks) final.add(j);
  return {
    reachable,
    met: met(final.value),
    picks: greedyOrder(problem, picks),
    value: final.value,
    maxValue,
    lowerBound: reachable ? Math.min(lowerBound, picks.length) : 0,
    gainEvaluations: greedy.evaluations,
    reductions,
    swapRounds,
    lagrangianIterations,
  };
}
