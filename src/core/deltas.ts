/**
 * Scenario deltas: the scenario against a baseline that lacks some stations
 * (by default its proposed ones), in total, per zone and per station.
 */
import { AGG_COVERED, AGG_GAP, AGG_MARGINAL, AGG_WIDTH, AGG_WITHIN_CIRCLE, type CoverageEngine } from './coverage.ts';
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

/**
 * Compares the engine's current scenario with the same scenario minus the
 * given stations. The engine is returned to its current state afterwards.
 */
export function scenarioDelta(engine: CoverageEngine, withoutIds: readonly string[]): ScenarioDelta {
  const stations = engine.activeStations();
  const removed = stations.filter((s) => withoutIds.includes(s.id));
  const missing = withoutIds.filter((id) => !removed.some((s) => s.id === id));
  if (missing.length > 0) throw new Error(`Baseline names stations that are not active: ${missing.join(', ')}.`);

  const after = { agg: engine.zoneAgg.slice(), status: engine.status.slice() };
  const coveredAfter = engine.total(AGG_COVERED);

  const uniquely = new Map<string, number>();
  for (const s of removed) {
    engine.removeStation(s.id);
    uniquely.set(s.id, coveredAfter - engine.total(AGG_COVERED));
    engine.upsertStation(s);
  }

  for (const s of removed) engine.removeStation(s.id);
  const before = { agg: engine.zoneAgg.slice(), status: engine.status.slice() };
  for (const s of removed) engine.upsertStation(s);

  // the engine is back in the scenario state: a newly covered cell's nearest station is one of the removed
  const newly = new Map<string, number>(removed.map((s) => [s.id, 0]));
  for (let i = 0; i < engine.grid.size; i++) {
    if (after.status[i] !== COVERED || before.status[i] === COVERED) continue;
    const id = engine.stationAtSlot(engine.nearestSlot[i])?.id;
    if (id !== undefined && newly.has(id)) newly.set(id, newly.get(id)! + engine.grid.population[i]);
  }

  const sum = (agg: Float64Array, col: number) => {
    let s = 0;
    for (let r = 0; r * AGG_WIDTH < agg.length; r++) s += agg[r * AGG_WIDTH + col];
    return s;
  };
  const zones: ZoneDelta[] = [];
  engine.grid.zones.forEach((zone, z) => {
    const row = (z + 1) * AGG_WIDTH;
    const d = (col: number) => ba(before.agg[row + col], after.agg[row + col]);
    const covered = d(AGG_COVERED);
    const gap = d(AGG_GAP);
    const withinCircle = d(AGG_WITHIN_CIRCLE);
    if (covered.change !== 0 || gap.change !== 0 || withinCircle.change !== 0) {
      zones.push({ code: zone.code, name: zone.name, covered, gap, withinCircle });
    }
  });
  return {
    baselineWithout: removed.map((s) => s.id),
    covered: ba(sum(before.agg, AGG_COVERED), sum(after.agg, AGG_COVERED)),
    marginal: ba(sum(before.agg, AGG_MARGINAL), sum(after.agg, AGG_MARGINAL)),
    gap: ba(sum(before.agg, AGG_GAP), sum(after.agg, AGG_GAP)),
    withinCircle: ba(sum(before.agg, AGG_WITHIN_CIRCLE), sum(after.agg, AGG_WITHIN_CIRCLE)),
    zones,
    stations: removed.map((s) => ({
      id: s.id,
      name: s.name,
      newlyCovered: newly.get(s.id) ?? 0,
      uniquelyCovered: uniquely.get(s.id) ?? 0,
    })),
  };
}
