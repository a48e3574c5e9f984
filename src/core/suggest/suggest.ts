/**
 * Where should new stations go? The two questions on an engine holding the
 * scenario (its stations stay fixed; they are read, never moved):
 * - suggestSites: the k sites that newly cover the most people (maximal
 *   coverage), with a bound on how far that can be from optimal;
 * - sitesForTarget: the fewest sites that bring coverage to a target share
 *   of the population (set cover), or the news that the candidates cannot.
 * Both come as step generators (for a worker that yields between steps) and
 * as plain calls with optional progress and cancel.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { QualityBound } from './bound.ts';
import { cellCandidates, type Candidate } from './candidates.ts';
import { runSteps, type SuggestControl, type Steps } from './control.ts';
import { mergeDemand, type CoverageProblem, type MergedDemand } from './demand.ts';
import { lscpSteps } from './lscp.ts';
import { coverageMatrixSteps, type CoverageMatrix, type SuggestObjective } from './matrix.ts';
import { mclpSteps, type MclpOptions } from './mclp.ts';
import { CoverState } from './objective.ts';

/**
 * What the k new sites are chosen for: the most people newly covered
 * (maximal coverage, MCLP), the most expected coverage when ambulances may be
 * busy (MEXCLP), or the shortest worst response (p-center).
 */
export type SiteModel = 'mclp' | 'mexclp' | 'p-center';

export interface SiteQuestion {
  /** 'coverage' (default): within the cell's service radius; 'circle': inside the emergency circle. */
  objective?: SuggestObjective;
  /** Candidate sites; default: the centre of every populated cell. */
  candidates?: readonly Candidate[];
  /** Memory guard on the coverage matrix (runs of cells); see matrix.ts. */
  maxRuns?: number;
  /**
   * Demand per grid cell (aligned with the grid's cells), e.g. 120 calls per
   * cell; default the residents. Every figure that counts people then counts this weight.
   */
  weights?: Float64Array;
}

export interface SuggestSitesOptions extends SiteQuestion, Omit<MclpOptions, 'k'> {
  /** New sites to choose. */
  k: number;
  /** Also value people covered twice: a second cover weighs this much against a first (0–1); 0 or absent = off. */
  backupWeight?: number;
}

export interface TargetOptions extends SiteQuestion {
  /** Share of the whole population to cover, 0–1 (e.g. 0.95). */
  target: number;
  /** Give up beyond this many new sites (default: no limit but the candidates). */
  maxSites?: number;
  maxSwapRounds?: number;
  /** Subgradient steps spent trying to prove that one site fewer cannot do (default 150). */
  lagrangianIterations?: number;
}

export interface SuggestedSite {
  /** 1 = first pick; each pick adds the most given the fixed stations and the picks ranked before it. */
  rank: number;
  /** Index into the candidate list. */
  candidate: number;
  lng: number;
  lat: number;
  /** H3 cell of the site. */
  h3: string;
  /** Facility id and name when the candidate is a facility, else null. */
  stationId: string | null;
  name: string | null;
  /** Zone the site stands in (township code and name), or null. */
  zoneCode: string | null;
  zoneName: string | null;
  /** People newly covered by this pick (covered: within the radius, or inside the circle, per the objective). */
  populationAdded: number;
  /** People this pick makes covered twice; null without the backup objective. */
  backupPopulationAdded: number | null;
  /** People covered once this pick and those before it are built, with the fixed stations. */
  cumulativeCovered: number;
  /** cumulativeCovered as a share of the population, 0–1. */
  cumulativeShare: number;
}

export interface CoverFigures {
  /** People covered (per the objective), and their share of the population (0–1). */
  covered: number;
  share: number;
  /** People covered at least twice; null when not tracked (no backup objective). */
  coveredTwice: number | null;
}

export interface SuggestionBase {
  objective: SuggestObjective;
  /** What the figures count: residents, or the weights the question gave (e.g. calls: "people" below then means that weight). */
  weightedBy: 'residents' | 'weights';
  /** Population of the whole grid. */
  population: number;
  /** With the fixed stations only, and with the picks added. */
  before: CoverFigures;
  after: CoverFigures;
  picks: SuggestedSite[];
  candidates: {
    total: number;
    /** Candidates that would cover someone not yet covered (or, with backup, not yet covered twice). */
    usable: number;
  };
  demand: {
    /** Populated cells still to cover, and the groups they merge into (same candidates). */
    cells: number;
    elements: number;
    /** People not covered by the fixed stations, and those of them no candidate can reach. */
    uncoveredPopulation: number;
    unreachablePopulation: number;
  };
}

export interface SiteSuggestion extends SuggestionBase {
  /** Maximal coverage (see SiteModel). */
  model: 'mclp';
  k: number;
  backupWeight: number;
  /** True when fewer than k sites are listed because no further site adds anyone. */
  exhausted: boolean;
  /** How far from optimal: objective = people newly covered + backupWeight × people newly covered twice. */
  bound: QualityBound;
  iterations: { gainEvaluations: number; swapRounds: number; swaps: number; restarts: number; lagrangianIterations: number };
}

export interface TargetSuggestion extends SuggestionBase {
  /** Share asked for, 0–1. */
  target: number;
  /** False when even every candidate together falls short of the target. */
  reachable: boolean;
  /** True when the picks reach the target. */
  met: boolean;
  /** New stations needed (picks.length) when met, else null. */
  stationsNeeded: number | null;
  /** No fewer new stations can reach the target. */
  lowerBound: number;
  provenMinimal: boolean;
  /** The share every candidate together would reach. */
  maxShare: number;
  iterations: { gainEvaluations: number; swapRounds: number; reductions: number; lagrangianIterations: number };
}

interface Prepared {
  candidates: readonly Candidate[];
  matrix: CoverageMatrix;
  merged: MergedDemand;
  usable: number;
  uncoveredPopulation: number;
}

/** Throws unless the weights are one finite, non-negative number per grid cell. */
export function checkWeights(engine: CoverageEngine, weights: Float64Array | undefined): void {
  if (!weights) return;
  if (weights.length !== engine.grid.size) throw new Error(`Demand weights are given for ${weights.length} cells but the grid has ${engine.grid.size}: give one weight per grid cell.`);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) throw new Error(`Demand weight of cell ${engine.grid.h3[i]} must be a finite number ≥ 0, got ${w}.`);
  }
}

function* prepare(engine: CoverageEngine, question: SiteQuestion, backupWeight: number): Steps<Prepared> {
  checkWeights(engine, question.weights);
  const candidates = question.candidates ?? cellCandidates(engine.grid);
  const matrix = yield* coverageMatrixSteps(engine, candidates, {
    objective: question.objective ?? 'coverage',
    backup: backupWeight > 0,
    maxRuns: question.maxRuns,
    weights: question.weights,
  });
  const weight = question.weights ?? engine.grid.population;
  const { cells, baseCount } = matrix;
  const first = new Float64Array(cells.length);
  const second = new Float64Array(cells.length);
  let uncoveredPopulation = 0;
  for (let d = 0; d < cells.length; d++) {
    const p = weight[cells[d]];
    if (baseCount[d] === 0) {
      first[d] = p;
      uncoveredPopulation += p;
    } else second[d] = p;
  }
  let usable = 0;
  for (let j = 0; j < candidates.length; j++) if (matrix.rowStart[j + 1] > matrix.rowStart[j]) usable++;
  const merged = mergeDemand(matrix.rowStart, matrix.runFrom, matrix.runTo, first, second, backupWeight);
  return { candidates, matrix, merged, usable, uncoveredPopulation };
}

/** Where a candidate stands, as a suggested site lists it. */
export function sitePlace(engine: CoverageEngine, c: Candidate): Pick<SuggestedSite, 'lng' | 'lat' | 'h3' | 'stationId' | 'name' | 'zoneCode' | 'zoneName'> {
  const zone = c.zone >= 0 ? engine.grid.zones[c.zone] : null;
  return { lng: c.lng, lat: c.lat, h3: c.h3, stationId: c.stationId, name: c.name, zoneCode: zone?.code ?? null, zoneName: zone?.name ?? null };
}

/** The ranked sites with what each adds, in pick order. */
function describePicks(engine: CoverageEngine, prepared: Prepared, picks: readonly number[], backup: boolean): { sites: SuggestedSite[]; once: number; twice: number } {
  const { matrix, merged, candidates } = prepared;
  const state = new CoverState(merged.problem);
  const population = matrix.population;
  let cumulative = matrix.servedBefore;
  let once = 0;
  let twice = 0;
  const sites = picks.map((j, r): SuggestedSite => {
    const add = state.split(j);
    state.add(j);
    once += add.once;
    twice += add.twice;
    cumulative += add.once;
    return {
      rank: r + 1,
      candidate: j,
      ...sitePlace(engine, candidates[j]),
      populationAdded: add.once,
      backupPopulationAdded: backup ? add.twice : null,
      cumulativeCovered: cumulative,
      cumulativeShare: population > 0 ? cumulative / population : 0,
    };
  });
  return { sites, once, twice };
}

function base(engine: CoverageEngine, question: SiteQuestion, prepared: Prepared, picks: readonly number[], backup: boolean): SuggestionBase {
  const { matrix, merged } = prepared;
  const { sites, once, twice } = describePicks(engine, prepared, picks, backup);
  const share = (n: number) => (matrix.population > 0 ? n / matrix.population : 0);
  return {
    objective: question.objective ?? 'coverage',
    weightedBy: question.weights ? 'weights' : 'residents',
    population: matrix.population,
    before: { covered: matrix.servedBefore, share: share(matrix.servedBefore), coveredTwice: backup ? matrix.servedTwiceBefore : null },
    after: {
      covered: matrix.servedBefore + once,
      share: share(matrix.servedBefore + once),
      coveredTwice: backup ? matrix.servedTwiceBefore + twice : null,
    },
    picks: sites,
    candidates: { total: prepared.candidates.length, usable: prepared.usable },
    demand: {
      cells: matrix.cells.length,
      elements: merged.problem.elementCount,
      uncoveredPopulation: prepared.uncoveredPopulation,
      unreachablePopulation: merged.unreachableFirst,
    },
  };
}

/** Maximal coverage as steps: matrix, greedy picks, swap rounds, bound. */
export function* suggestSitesSteps(engine: CoverageEngine, options: SuggestSitesOptions): Steps<SiteSuggestion> {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k (new sites) must be a positive integer, got ${k}.`);
  const backupWeight = options.backupWeight ?? 0;
  if (!(backupWeight >= 0 && backupWeight <= 1)) throw new Error(`Backup weight must be between 0 and 1, got ${backupWeight}.`);
  const prepared = yield* prepare(engine, options, backupWeight);
  const problem: CoverageProblem = prepared.merged.problem;
  const solution = yield* mclpSteps(problem, options);
  return {
    ...base(engine, options, prepared, solution.picks, backupWeight > 0),
    model: 'mclp',
    k,
    backupWeight,
    exhausted: solution.exhausted,
    bound: solution.bound,
    iterations: {
      gainEvaluations: solution.gainEvaluations,
      swapRounds: solution.swapRounds,
      swaps: solution.swaps,
      restarts: solution.restarts,
      lagrangianIterations: solution.lagrangianIterations,
    },
  };
}

/** Set cover as steps: matrix, greedy picks, reductions. */
export function* sitesForTargetSteps(engine: CoverageEngine, options: TargetOptions): Steps<TargetSuggestion> {
  const { target } = options;
  if (!(target > 0 && target <= 1)) throw new Error(`Target share must be above 0 and at most 1 (e.g. 0.95), got ${target}.`);
  const prepared = yield* prepare(engine, options, 0);
  const { matrix } = prepared;
  const need = target * matrix.population - matrix.servedBefore;
  const solution = yield* lscpSteps(prepared.merged.problem, {
    need,
    maxSites: options.maxSites,
    maxSwapRounds: options.maxSwapRounds,
    lagrangianIterations: options.lagrangianIterations,
  });
  const met = solution.met;
  return {
    ...base(engine, options, prepared, solution.picks, false),
    target,
    reachable: solution.reachable,
    met,
    stationsNeeded: met ? solution.picks.length : null,
    lowerBound: solution.lowerBound,
    provenMinimal: met && solution.lowerBound === solution.picks.length,
    maxShare: matrix.population > 0 ? (matrix.servedBefore + solution.maxValue) / matrix.population : 0,
    iterations: {
      gainEvaluations: solution.gainEvaluations,
      swapRounds: solution.swapRounds,
      reductions: solution.reductions,
      lagrangianIterations: solution.lagrangianIterations,
    },
  };
}

/**
 * The k new sites that newly cover the most people, the fixed stations being the engine's.
 * @example suggestSites(engine, { k: 3 }).picks.map((p) => p.populationAdded)
 */
export function suggestSites(engine: CoverageEngine, options: SuggestSitesOptions, control?: SuggestControl): SiteSuggestion {
  return runSteps(suggestSitesSteps(engine, options), control);
}

/**
 * The fewest new sites that bring coverage to `target` (share of the population).
 * @example sitesForTarget(engine, { target: 0.95 }).stationsNeeded
 */
export function sitesForTarget(engine: CoverageEngine, options: TargetOptions, control?: SuggestControl): TargetSuggestion {
  return runSteps(sitesForTargetSteps(engine, options), control);
}
