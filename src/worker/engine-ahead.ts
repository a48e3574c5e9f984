/**
 * An engine built ahead of the first evaluation: while the page's own code is
 * still loading, the worker has read the first region's pack and has nothing
 * to do, so it builds the engine (and the "before" engine without the
 * proposed stations) for the scenario the page most likely asks first — the
 * pack's own stations under the default rules. The first evaluation takes it
 * only when it asks for exactly that scenario; anything else is evaluated as
 * usual and the engine built ahead is dropped.
 */
import type { CoverageEngine } from '../core/coverage.ts';
import { createEngine, proposedIds, withoutProposed } from '../core/evaluate.ts';
import { DEFAULT_RULES, type Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { PreparedRegion } from './region-cache.ts';

export interface EngineAhead {
  prepared: PreparedRegion;
  /** The scenario it holds (scenarioKey). */
  key: string;
  engine: CoverageEngine;
  /** The scenario without its proposed stations, or null when it has none. */
  baseline: CoverageEngine | null;
}

/** Two scenarios are the same when their stations and rules serialise the same (what the page sends is a structured clone). */
export const scenarioKey = (stations: readonly Station[], rules: Rules): string => JSON.stringify([stations, rules]);

/** The engines of `prepared`'s own stations under the default rules. */
export function buildAhead(prepared: PreparedRegion): EngineAhead {
  const { grid, reach, roads, region } = prepared;
  const stations = region.stations;
  const rules = DEFAULT_RULES;
  const engine = createEngine(grid, { stations, rules }, reach, roads);
  const baseline = proposedIds(stations).length > 0 ? createEngine(grid, { stations: withoutProposed(stations), rules }, reach, roads) : null;
  return { prepared, key: scenarioKey(stations, rules), engine, baseline };
}

/** The engines built ahead when they hold the scenario asked for on the same region, else null. */
export function takeAhead(ahead: EngineAhead | null, prepared: PreparedRegion | null, stations: readonly Station[], rules: Rules): EngineAhead | null {
  return ahead && ahead.prepared === prepared && ahead.key === scenarioKey(stations, rules) ? ahead : null;
}
