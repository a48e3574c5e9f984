/**
 * One call from a scenario to a complete result: the engine, then tables,
 * gap groups and the before/after against the scenario minus its proposed
 * stations. The CLI, the worker and the tests all go through here.
 */
import { CoverageEngine } from './coverage.ts';
import { baselineEngine, compareScenarios, type ScenarioDelta } from './deltas.ts';
import { gapGroups, type GapGroup } from './gaps.ts';
import type { PopulationGrid } from './grid.ts';
import { emsFigures, engineOnlyInputs } from './ems/figures.ts';
import type { CallWeights, EmsInputs } from './ems/inputs.ts';
import type { EmsFigures } from './ems/types.ts';
import type { ReachModel } from './reach.ts';
import { createReachModel, engineModels } from './reach-factory.ts';
import type { RoadNetwork } from './road-network.ts';
import { responseTimes, type ResponseTimes } from './response-times.ts';
import type { Rules } from './rules.ts';
import { countyRows, totals, zoneRows, type CountyRow, type CoverageFigures, type ZoneRow } from './tables.ts';
import { STATUS_NAMES, type Station, type StatusName } from './types.ts';

export interface Scenario {
  stations: Station[];
  rules: Rules;
  /**
   * Stations the before/after baseline lacks. Default: every proposed
   * station of the scenario; an empty list means no comparison.
   */
  baselineWithout?: string[];
}

export interface EvaluationResult {
  totals: CoverageFigures;
  counties: CountyRow[];
  zones: ZoneRow[];
  /** Gap groups, most populous first. */
  gaps: GapGroup[];
  /** Null when the scenario has nothing to compare against. */
  delta: ScenarioDelta | null;
  /** Response minutes on roads (curve, median, 90th percentile, per zone, before/after); null when reach is straight-line. */
  responseTimes: ResponseTimes | null;
  /** The EMS measures (calls, fractiles, workload, availability, hospital transport, equity); see ems/types.ts. */
  ems: EmsFigures;
}

export interface CellRow {
  h3: string;
  population: number;
  status: StatusName;
  withinCircle: boolean;
  /** Nearest active station within the largest rule limit, or null. */
  nearestStationId: string | null;
  /** Its straight-line distance (km), or null (no station, or a model whose costs are not km: see the engine's nearestCost and unit). */
  distanceKm: number | null;
  stationsInRange: number;
  /** Only with roads: response time (minutes) of the nearest station on roads; null when none reaches the cell within the horizon or it has no road access. */
  minutes?: number | null;
}

/**
 * Builds an engine holding the scenario's stations. Without roads it judges
 * by `model` (default: the factory's straight-line model); with the region's
 * road network the rules' reach settings decide (engineModels): the circle
 * and response minutes on roads, statuses by straight line or along roads.
 */
export function createEngine(grid: PopulationGrid, scenario: Scenario, model: ReachModel = createReachModel(grid), roads: RoadNetwork | null = null): CoverageEngine {
  const models = engineModels(scenario.rules, model, roads);
  const engine = new CoverageEngine(grid, models.status, scenario.rules, models.circle);
  engine.setStations(scenario.stations);
  return engine;
}

/** The stations a scenario's baseline keeps: all but the proposed ones. */
export function withoutProposed(stations: readonly Station[]): Station[] {
  return stations.filter((s) => s.status !== 'proposed');
}

/** The ids of the proposed, active stations: the default baseline of a before/after. */
export function proposedIds(stations: readonly Station[]): string[] {
  return stations.filter((s) => s.status === 'proposed').map((s) => s.id);
}

/**
 * Reads the full result off an engine already holding the scenario.
 * @param ems every station, the imported calls and the roads (default: the engine's active stations, calls from the rules' rate, no roads)
 */
export function readResult(engine: CoverageEngine, baselineWithout: readonly string[], ems: EmsInputs = engineOnlyInputs(engine)): EvaluationResult {
  const zones = zoneRows(engine);
  const baseline = baselineWithout.length > 0 ? baselineEngine(engine, baselineWithout) : null;
  return {
    totals: totals(engine),
    counties: countyRows(engine, zones),
    zones,
    gaps: gapGroups(engine),
    delta: baseline ? compareScenarios(engine, baseline) : null,
    responseTimes: responseTimes(engine, baseline),
    ems: emsFigures(engine, baseline, ems),
  };
}


/**
 * Evaluates a scenario from scratch (with the reach model given, default straight line, and the region's roads if any).
 * @param calls calls per cell for the EMS figures (default: modelled from the rules' call rate)
 */
export function evaluate(grid: PopulationGrid, scenario: Scenario, model?: ReachModel, roads: RoadNetwork | null = null, calls: CallWeights | null = null): { engine: CoverageEngine; result: EvaluationResult } {
  const engine = createEngine(grid, scenario, model, roads);
  const baseline = scenario.baselineWithout ?? proposedIds(engine.activeStations());
  return { engine, result: readResult(engine, baseline, { stations: scenario.stations, calls, roads }) };
}

/** One cell's row: status, circle, nearest active station (within the largest rule limit) and its straight-line distance. */
export function cellRow(engine: CoverageEngine, i: number): CellRow {
  const { grid } = engine;
  const station = engine.stationAtSlot(engine.nearestSlot[i]);
  const minutes = engine.responseMinutes;
  return {
    h3: grid.h3[i],
    population: grid.population[i],
    status: STATUS_NAMES[engine.status[i]],
    withinCircle: engine.withinCircle[i] === 1,
    nearestStationId: station?.id ?? null,
    distanceKm: station && engine.unit === 'km' ? engine.nearestCost[i] : null,
    stationsInRange: engine.inRangeCount[i],
    ...(minutes ? { minutes: minutes[i] === Infinity ? null : minutes[i] } : {}),
  };
}

/** Per-cell rows (for reports and exports). */
export function cellRows(engine: CoverageEngine): CellRow[] {
  const rows: CellRow[] = new Array(engine.grid.size);
  for (let i = 0; i < engine.grid.size; i++) rows[i] = cellRow(engine, i);
  return rows;
}
