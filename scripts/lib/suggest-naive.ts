/**
 * The naive baseline of bench-suggest: plain greedy site choice that
 * re-evaluates every candidate's gain every round by summing, cell by cell,
 * the not-yet-covered population it reaches — no lazy evaluation, no merged
 * demand, no runs, no swaps. Each candidate's cells are found once, with the
 * engine's own reach model over the whole grid.
 */
import type { CoverageEngine } from '../../src/core/coverage.ts';
import type { ReachModel } from '../../src/core/reach.ts';
import type { Candidate } from '../../src/core/suggest/candidates.ts';

export interface NaiveResult {
  picks: number[];
  /** People newly covered by the picks. */
  value: number;
}

/** Cells each candidate covers (within the cell's own cover radius), from one reach each. */
function coverLists(engine: CoverageEngine, model: ReachModel, candidates: readonly Candidate[]): Int32Array[] {
  const limit = engine.coverLimit;
  let maxLimit = 0;
  for (let i = 0; i < limit.length; i++) maxLimit = Math.max(maxLimit, limit[i]);
  // look no further than the largest cover limit
  const limits = { ...engine.reachLimits, max: maxLimit };
  return candidates.map((c) => {
    const { cells, costs } = model.reach(c, limits);
    const kept: number[] = [];
    for (let k = 0; k < cells.length; k++) if (costs[k] <= limit[cells[k]]) kept.push(cells[k]);
    return Int32Array.from(kept);
  });
}

/**
 * Picks until `stop(picks, value)` says enough or nothing gains: each round
 * every candidate's gain is summed afresh over its cells.
 */
function plainGreedy(engine: CoverageEngine, lists: Int32Array[], stop: (picks: number, value: number) => boolean): NaiveResult {
  const pop = engine.grid.population;
  const covered = Uint8Array.from(engine.status, (s) => (s === 0 ? 1 : 0));
  const picks: number[] = [];
  let value = 0;
  while (!stop(picks.length, value)) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < lists.length; j++) {
      const list = lists[j];
      let gain = 0;
      for (let q = 0; q < list.length; q++) if (!covered[list[q]]) gain += pop[list[q]];
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    if (best < 0) break;
    for (const i of lists[best]) covered[i] = 1;
    picks.push(best);
    value += bestGain;
  }
  return { picks, value };
}

/** The k sites plain greedy picks (coverage objective). */
export function naiveSites(engine: CoverageEngine, model: ReachModel, candidates: readonly Candidate[], k: number): NaiveResult {
  return plainGreedy(engine, coverLists(engine, model, candidates), (n) => n >= k);
}

/** Plain greedy sites until `need` more people are covered. */
export function naiveSitesForNeed(engine: CoverageEngine, model: ReachModel, candidates: readonly Candidate[], need: number): NaiveResult {
  return plainGreedy(engine, coverLists(engine, model, candidates), (_, value) => value >= need);
}
