/**
 * Scenario deltas: the scenario against a baseline that lacks some stations
 * (by default its proposed ones), in total, per zone and per station.
 */
import { AGG_COVERED, AGG_GAP, AGG_MARGINAL, AGG_WITHIN_CIRCLE, type CoverageEngine } from './coverage.ts';
import { COVERED } from './types.ts';

export interface BeforeAfter {
  before: number;
  after: number;
  change: number;
}

export interface ZoneDelta {
  code: string;
  name: string;
  covered: BeforeAfter;
  gap: BeforeAfter;
  withinCircle: BeforeAfter;
}

export interface StationDelta {
  id: string;
  name: string;
  /** Newly covered population whose nearest station in the scenario is this one (sums to the total change). */
  newlyCovered: number;
  /** Population that would lose cover if this station alone were removed from the scenario. */
  uniquelyCovered: number;
}

export interface ScenarioDelta {
  /** Ids of the stations the baseline lacks. */
  baselineWithout: string[];
  covered: BeforeAfter;
  marginal: BeforeAfter;
  gap: BeforeAfter;
  withinCircle: BeforeAfter;
  /** Zones whose figures change, in zone order. */
  zones: ZoneDelta[];
  stations: StationDelta[];
}

const ba = (before: number, after: number): BeforeAfter => ({ before, after, change: after - before });

/** The engine's scenario without the given stations, as an engine of its own (same grid, models and rules). */
export function baselineEngine(engine: CoverageEngine, withoutIds: readonly string[]): CoverageEngine {
  const stations = engine.activeStations();
  const missing = withoutIds.filter((id) => !stations.some((s) => s.id === id));
  if (missing.length > 0) throw new Error(`Baseline names stations that are not active: ${missing.join(', ')}.`);
  const baseline = engine.emptyLike();
  baseline.setStations(stations.filter((s) => !withoutIds.includes(s.id)));
  return baseline;
}

/**
 * Compares the engine's current scenario with the same scenario minus the
 * given stations. Neither engine is changed: the baseline is built as an
 * engine of its own.
 */
export function scenarioDelta(engine: CoverageEngine, withoutIds: readonly string[]): ScenarioDelta {
  return compareScenarios(engine, baselineEngine(engine, withoutIds));
}

/**
 * The scenario in `after` against the baseline in `before` (the same grid and
 * rules, lacking some stations: those active in `after` only). Reads both
 * engines, changes neither.
 */
export function compareScenarios(after: CoverageEngine, before: CoverageEngine): ScenarioDelta {
  const removed = after.activeStations().filter((s) => !before.hasStation(s.id));
  const { grid } = after;

  // newly covered: covered now, not in the baseline; its nearest station is one of the removed
  const newly = new Map<string, number>(removed.map((s) => [s.id, 0]));
  for (let i = 0; i < grid.size; i++) {
    if (after.status[i] !== COVERED || before.status[i] === COVERED) continue;
    const id = after.stationAtSlot(after.nearestSlot[i])?.id;
    if (id !== undefined && newly.has(id)) newly.set(id, newly.get(id)! + grid.population[i]);
  }
  // uniquely covered: covered by this station and no other, so its removal alone uncovers the cell
  const uniquely = new Map<string, number>();
  for (const s of removed) {
    const { cells, costs } = after.stationReach(s.id)!;
    let sum = 0;
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k];
      if (after.inRangeCount[i] === 1 && costs[k] <= after.coverLimit[i]) sum += grid.population[i];
    }
    uniquely.set(s.id, sum);
  }

  const zones: ZoneDelta[] = [];
  grid.zones.forEach((zone, z) => {
    const d = (col: number) => ba(before.zoneValue(z, col), after.zoneValue(z, col));
    const covered = d(AGG_COVERED);
    const gap = d(AGG_GAP);
    const withinCircle = d(AGG_WITHIN_CIRCLE);
    if (covered.change !== 0 || gap.change !== 0 || withinCircle.change !== 0) {
      zones.push({ code: zone.code, name: zone.name, covered, gap, withinCircle });
    }
  });
  const total = (col: number) => ba(before.total(col), after.total(col));
  return {
    baselineWithout: removed.map((s) => s.id),
    covered: total(AGG_COVERED),
    marginal: total(AGG_MARGINAL),
    gap: total(AGG_GAP),
    withinCircle: total(AGG_WITHIN_CIRCLE),
    zones,
    stations: removed.map((s) => ({
      id: s.id,
      name: s.name,
      newlyCovered: newly.get(s.id) ?? 0,
      uniquelyCovered: uniquely.get(s.id) ?? 0,
    })),
  };
}
