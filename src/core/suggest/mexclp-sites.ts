/**
 * The MEXCLP question on an engine holding the scenario: the k new sites
 * that add the most expected coverage, counting the fixed stations'
 * ambulances (their own number, else a default) and `ambulancesPerSite` at
 * each new site, all busy a share q of the time. A cell is reached by a
 * station when its cost is within the cell's limit (cover, or the emergency
 * circle), exactly as the engine counts it.
 */
import type { CoverageEngine } from '../coverage.ts';
import { systemBusyFraction } from '../ems/availability.ts';
import type { EmsSettings } from '../ems/settings.ts';
import type { PopulationGrid } from '../grid.ts';
import type { Station } from '../types.ts';
import type { QualityBound } from './bound.ts';
import { cellCandidates } from './candidates.ts';
import { runSteps, type Steps, type SuggestControl } from './control.ts';
import { mergeDemand } from './demand.ts';
import { cellLimits, coverageMatrixSteps, objectiveEngine, type SuggestObjective } from './matrix.ts';
import { MexclpState, mexclpSteps } from './mexclp.ts';
import { checkWeights, sitePlace, type SiteQuestion, type SuggestedSite, type SuggestionBase } from './suggest.ts';

export interface MexclpSitesOptions extends SiteQuestion {
  /** New sites to choose. */
  k: number;
  /** System busy fraction q, 0 ≤ q < 1 (see questionBusyFraction). */
  busyFraction: number;
  /** Ambulances at each new site (default 1). */
  ambulancesPerSite?: number;
  /** Ambulances at a fixed station whose `ambulances` is not given (default 1). */
  defaultAmbulancesPerStation?: number;
}

export interface MexclpSite extends SuggestedSite {
  /** Expected weight this pick adds (people, or the question's weights), given the picks before it. */
  expectedAdded: number;
  /** Expected coverage with the fixed stations, this pick and those before it, and its share of the weight. */
  cumulativeExpected: number;
  cumulativeExpectedShare: number;
}

export interface MexclpSuggestion extends SuggestionBase {
  model: 'mexclp';
  k: number;
  busyFraction: number;
  ambulancesPerSite: number;
  /** Σ weight × (1 − q^ambulances reaching the cell), with the fixed stations only and with the picks; shares of the weight. */
  expected: { before: number; after: number; beforeShare: number; afterShare: number };
  picks: MexclpSite[];
  /** True when fewer than k sites are listed because no further site adds anything. */
  exhausted: boolean;
  /** On the expected weight the picks add: no k sites add more than bound.upperBound. */
  bound: QualityBound;
  /** (upper bound − value) / upper bound. */
  gap: number;
  iterations: { gainEvaluations: number };
}

/** Ambulances of a fixed station: its own number when given, else the default. */
export function stationAmbulances(s: Station, fallback: number): number {
  return s.ambulances !== undefined && Number.isFinite(s.ambulances) && s.ambulances >= 0 ? s.ambulances : fallback;
}

/**
 * The busy fraction of a MEXCLP question when none is given: a year's calls
 * (imported: their total over their years; else the residents × the
 * settings' call rate) × the settings' minutes per call, over the fleet the
 * answer would have (the fixed stations' ambulances, or the default each,
 * plus k new sites × ambulancesPerSite), capped below 1.
 * @param stations the fixed stations (the scenario's active ones in the region)
 * @param calls calls per grid cell and the years they cover, or null to use the rate
 */
export function questionBusyFraction(
  grid: PopulationGrid,
  stations: readonly Station[],
  ems: EmsSettings,
  calls: { perCell: Float64Array; years: number } | null,
  k: number,
  ambulancesPerSite = 1,
): { busyFraction: number; callsPerYear: number; ambulances: number } {
  let callsPerYear = 0;
  if (calls) {
    for (let i = 0; i < calls.perCell.length; i++) callsPerYear += calls.perCell[i];
    callsPerYear /= calls.years;
  } else {
    for (let i = 0; i < grid.size; i++) callsPerYear += grid.population[i];
    callsPerYear *= ems.callsPerThousandPerYear / 1000;
  }
  let ambulances = k * ambulancesPerSite;
  for (const s of stations) ambulances += stationAmbulances(s, ems.defaultAmbulancesPerStation);
  if (!(ambulances > 0)) throw new Error('The fleet has no ambulance: the fixed stations and the new sites together must have at least one.');
  // the figure the EMS availability reports, capped below 1 the same way
  return { busyFraction: systemBusyFraction(callsPerYear, ems.meanJobMinutes, ambulances), callsPerYear, ambulances };
}

/** Per grid cell, the ambulances of the fixed stations reaching it within its limit under the objective. */
export function ambulancesInReach(engine: CoverageEngine, objective: SuggestObjective, defaultPerStation: number): Float64Array {
  const judge = objectiveEngine(engine, objective);
  const limit = cellLimits(engine, objective);
  const out = new Float64Array(engine.grid.size);
  for (const s of judge.activeStations()) {
    const a = stationAmbulances(s, defaultPerStation);
    const { cells, costs } = judge.stationReach(s.id)!;
    for (let k = 0; k < cells.length; k++) if (costs[k] <= limit[cells[k]]) out[cells[k]] += a;
  }
  return out;
}

/** MEXCLP as steps: matrix over every weighted cell, lazy greedy, bound. */
export function* mexclpSitesSteps(engine: CoverageEngine, options: MexclpSitesOptions): Steps<MexclpSuggestion> {
  const { k, busyFraction: q } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (new sites) must be a positive integer, got ${k}.`);
  if (!(q >= 0 && q < 1)) throw new Error(`The busy fraction must be at least 0 and below 1, got ${q}.`);
  const perSite = options.ambulancesPerSite ?? 1;
  if (!(perSite > 0 && perSite < Infinity)) throw new Error(`Ambulances per new site must be a positive number, got ${perSite}.`);
  const perStation = options.defaultAmbulancesPerStation ?? 1;
  if (!(perStation >= 0 && perStation < Infinity)) throw new Error(`Default ambulances per station must be a number ≥ 0, got ${perStation}.`);
  checkWeights(engine, options.weights);
  const objective = options.objective ?? 'coverage';
  const weight = options.weights ?? engine.grid.population;
  const candidates = options.candidates ?? cellCandidates(engine.grid);
  const base = ambulancesInReach(engine, objective, perStation);
  const matrix = yield* coverageMatrixSteps(engine, candidates, { objective, backup: false, everyCell: true, maxRuns: options.maxRuns, weights: options.weights });
  const { cells, baseCount, rowStart, runFrom, runTo } = matrix;

  // W per cell: the weight the fixed stations leave expected unserved
  const open = new Float64Array(cells.length);
  let expectedBefore = 0;
  for (let d = 0; d < cells.length; d++) {
    const w = weight[cells[d]];
    const left = w * q ** base[cells[d]];
    open[d] = left;
    expectedBefore += w - left;
  }
  const merged = mergeDemand(rowStart, runFrom, runTo, open, new Float64Array(cells.length), 0);
  const retain = q ** perSite;
  const solution = yield* mexclpSteps(merged.problem, { k, retain });

  // per pick: expected gain (replayed on the elements) and people newly covered (on the cells)
  const replay = new MexclpState(merged.problem, retain);
  const covered = Uint8Array.from(baseCount, (b) => (b > 0 ? 1 : 0));
  let plain = matrix.servedBefore;
  let expected = expectedBefore;
  const total = matrix.population;
  const share = (v: number) => (total > 0 ? v / total : 0);
  const picks = solution.picks.map((j, r): MexclpSite => {
    const expectedAdded = replay.gain(j);
    replay.add(j);
    let added = 0;
    for (let run = rowStart[j]; run < rowStart[j + 1]; run++) {
      for (let d = runFrom[run]; d < runTo[run]; d++) {
        if (covered[d]) continue;
        covered[d] = 1;
        added += weight[cells[d]];
      }
    }
    plain += added;
    expected += expectedAdded;
    return {
      rank: r + 1,
      candidate: j,
      ...sitePlace(engine, candidates[j]),
      populationAdded: added,
      backupPopulationAdded: null,
      cumulativeCovered: plain,
      cumulativeShare: share(plain),
      expectedAdded,
      cumulativeExpected: expected,
      cumulativeExpectedShare: share(expected),
    };
  });

  let uncovered = 0;
  let unreachable = 0;
  for (let d = 0; d < cells.length; d++) {
    if (baseCount[d] > 0) continue;
    uncovered += weight[cells[d]];
    if (merged.elementOf[d] < 0) unreachable += weight[cells[d]];
  }
  let usable = 0;
  for (let j = 0; j < candidates.length; j++) if (rowStart[j + 1] > rowStart[j]) usable++;
  const after = expectedBefore + solution.value;
  return {
    objective,
    weightedBy: options.weights ? 'weights' : 'residents',
    population: total,
    before: { covered: matrix.servedBefore, share: share(matrix.servedBefore), coveredTwice: null },
    after: { covered: plain, share: share(plain), coveredTwice: null },
    picks,
    candidates: { total: candidates.length, usable },
    demand: { cells: cells.length, elements: merged.problem.elementCount, uncoveredPopulation: uncovered, unreachablePopulation: unreachable },
    model: 'mexclp',
    k,
    busyFraction: q,
    ambulancesPerSite: perSite,
    expected: { before: expectedBefore, after, beforeShare: share(expectedBefore), afterShare: share(after) },
    exhausted: solution.exhausted,
    bound: solution.bound,
    gap: solution.gap,
    iterations: { gainEvaluations: solution.gainEvaluations },
  };
}

/**
 * The k new sites that add the most expected coverage (MEXCLP), the fixed stations being the engine's.
 * @example suggestMexclpSites(engine, { k: 3, busyFraction: 0.2 }).expected.after
 */
export function suggestMexclpSites(engine: CoverageEngine, options: MexclpSitesOptions, control?: SuggestControl): MexclpSuggestion {
  return runSteps(mexclpSitesSteps(engine, options), control);
}
