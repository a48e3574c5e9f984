/**
 * Response-time figures of a scenario on roads, population-weighted: the
 * share of residents reached within T minutes (T = 0…60), the median and
 * 90th-percentile minutes of the region and of each zone, the same for the
 * before/after baseline, and the residents with no road access.
 *
 * Residents no station reaches within the 60-minute horizon (no road
 * access included) count as "not reached": they sit in the curve's
 * denominator, never in its numerator, and a percentile that falls among
 * them is null ("not reached within 60 min"), never a made-up number.
 */
import type { CoverageEngine } from './coverage.ts';
import { groupFractiles, minuteBins } from './ems/fractiles.ts';
import type { PopulationGrid } from './grid.ts';
import { NetworkReach } from './network-reach.ts';
import { RESPONSE_HORIZON_MINUTES } from './road-network.ts';
import { cellCounts } from './tables.ts';

export interface ResponseFigures {
  /** Residents counted (every cell's population, reached or not). */
  population: number;
  /** curve[T] = share (0–1) of residents reached within T minutes, T = 0…horizon. */
  curve: number[];
  /** Population-weighted median minutes; null when half the residents are not reached within the horizon. */
  medianMinutes: number | null;
  /** Population-weighted 90th percentile; null when over a tenth are not reached within the horizon. */
  p90Minutes: number | null;
  /** Residents not reached within the horizon (no road access included). */
  unreachedPopulation: number;
}

export interface ZoneResponse {
  code: string;
  name: string;
  county: string;
  population: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  unreachedPopulation: number;
}

/** Residents whose cell has no road access, by why (see NetworkReach.roadAccess). */
export interface NoRoadAccess {
  /** Farther than the snap distance from every road. */
  farCells: number;
  farPopulation: number;
  /** Near a road fragment only (cut off from the network). */
  fragmentCells: number;
  fragmentPopulation: number;
}

export interface ResponseTimes extends ResponseFigures {
  /** The curve's last minute (60). */
  horizonMinutes: number;
  /** Per zone with cells, in zone order. */
  zones: ZoneResponse[];
  /** The baseline's figures (the scenario without the stations in `baselineWithout`), or null when there is nothing to compare. */
  before: ResponseFigures | null;
  baselineWithout: string[];
  noRoadAccess: NoRoadAccess;
}

/**
 * Figures of per-cell minutes (Infinity: not reached) over a grid's
 * population, region-wide and per zone: the EMS fractiles
 * (ems/fractiles.ts) weighed by residents.
 * @example responseFigures(grid, Float64Array.of(4, Infinity)) // pop 1, 1: curve[4] = 0.5, median 4, p90 null
 */
export function responseFigures(grid: PopulationGrid, minutes: Float64Array, horizon = RESPONSE_HORIZON_MINUTES): ResponseFigures & { zones: ZoneResponse[] } {
  const { zones } = grid;
  const bins = minuteBins(minutes, horizon);
  // no target here: the curve, median and p90 are what these figures give
  const [region] = groupFractiles(minutes, bins, grid.population, horizon, null, 1, horizon);
  const byZone = groupFractiles(minutes, bins, grid.population, horizon, grid.zone, zones.length, horizon);
  const zoneCells = cellCounts(grid);
  const zoneRows: ZoneResponse[] = [];
  zones.forEach((z, k) => {
    if (zoneCells[k] === 0) return;
    const f = byZone[k];
    zoneRows.push({ code: z.code, name: z.name, county: z.county, population: f.weight, medianMinutes: f.medianMinutes, p90Minutes: f.p90Minutes, unreachedPopulation: f.unreached });
  });
  return { population: region.weight, curve: region.curve, medianMinutes: region.medianMinutes, p90Minutes: region.p90Minutes, unreachedPopulation: region.unreached, zones: zoneRows };
}

/** The cells of the engine's circle model without road access, counted (all zero for a model that is not a road network). */
export function noRoadAccess(engine: CoverageEngine): NoRoadAccess {
  const model = engine.circleModel;
  if (!(model instanceof NetworkReach)) return { farCells: 0, farPopulation: 0, fragmentCells: 0, fragmentPopulation: 0 };
  const a = model.roadAccess();
  return { farCells: a.far.length, farPopulation: a.farPopulation, fragmentCells: a.fragment.length, fragmentPopulation: a.fragmentPopulation };
}

/** Per-cell road access codes of each road network model, computed once (the model's cells never change). */
const accessByModel = new WeakMap<NetworkReach, Uint8Array>();

/**
 * Per cell (grid order): 0 with road access, 1 farther than the snap
 * distance from every road, 2 near a cut-off fragment only; null when the
 * engine's circle is not on a road network. The map tells "no road access"
 * from "not reached" with it; the same array is returned for the same model.
 */
export function roadAccessByCell(engine: CoverageEngine): Uint8Array | null {
  const model = engine.circleModel;
  if (!(model instanceof NetworkReach)) return null;
  let codes = accessByModel.get(model);
  if (!codes) {
    const a = model.roadAccess();
    codes = new Uint8Array(engine.grid.size);
    for (const i of a.far) codes[i] = 1;
    for (const i of a.fragment) codes[i] = 2;
    accessByModel.set(model, codes);
  }
  return codes;
}

/**
 * The response-time figures of the scenario an engine holds, against a
 * baseline engine (the scenario minus some stations) when given; null when
 * the engine's circle is not measured in minutes (reach is straight-line).
 */
export function responseTimes(engine: CoverageEngine, baseline: CoverageEngine | null): ResponseTimes | null {
  const minutes = engine.responseMinutes;
  if (!minutes) return null;
  const { zones, ...figures } = responseFigures(engine.grid, minutes);
  const beforeMinutes = baseline?.responseMinutes ?? null;
  let before: ResponseFigures | null = null;
  if (beforeMinutes) {
    const { zones: _ignored, ...b } = responseFigures(engine.grid, beforeMinutes);
    before = b;
  }
  return {
    horizonMinutes: RESPONSE_HORIZON_MINUTES,
    ...figures,
    zones,
    before,
    baselineWithout: baseline ? engine.activeStations().filter((s) => !baseline.hasStation(s.id)).map((s) => s.id) : [],
    noRoadAccess: noRoadAccess(engine),
  };
}
