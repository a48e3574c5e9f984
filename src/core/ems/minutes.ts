/**
 * Per-cell response minutes for the EMS fractiles: on roads, the engine's
 * response minutes; with straight-line reach, the nearest station's distance
 * turned into minutes by the circle formula read backwards (and the figures
 * say so, basis 'circle-formula').
 */
import type { CoverageEngine } from '../coverage.ts';
import type { Rules } from '../rules.ts';
import type { AreaType } from '../types.ts';
import type { MinutesBasis } from './types.ts';

/**
 * Minutes to drive `km` of straight line by the circle formula of the area
 * type: turnout + km × detour / speed × 60 (circleRadiusKm read backwards).
 * @example circleFormulaMinutes(DEFAULT_RULES, 'rural', 10) // 3 + 10 × 1.6 / 40 × 60 = 27
 */
export function circleFormulaMinutes(rules: Rules, areaType: AreaType, km: number): number {
  const speed = areaType === 'urban' ? rules.urbanSpeedKmh : rules.ruralSpeedKmh;
  const detour = areaType === 'urban' ? rules.urbanDetourCoefficient : rules.ruralDetourCoefficient;
  return rules.turnoutMinutes + ((km * detour) / speed) * 60;
}

/** One minutes array per engine, written again by each call: a fresh 1 MB array per evaluation costs more than the loop that fills it. */
const buffers = new WeakMap<CoverageEngine, Float64Array>();

/**
 * Per cell (grid order) the minutes of its nearest active station, Infinity
 * when none reaches it within the engine's reach limit, and where the minutes
 * come from. The array is the engine's own (on roads its response minutes;
 * else rewritten by the next call for the same engine): read, never edit or keep.
 */
export function cellMinutes(engine: CoverageEngine): { minutes: Float64Array; basis: MinutesBasis } {
  const onRoads = engine.responseMinutes;
  if (onRoads) return { minutes: onRoads, basis: 'roads' };
  const circle = engine.circleEngine;
  const km = circle.nearestCost;
  const { rules, areaType } = circle;
  const perKm = minutesPerKm(rules);
  let minutes = buffers.get(engine);
  if (!minutes || minutes.length !== km.length) buffers.set(engine, (minutes = new Float64Array(km.length)));
  for (let i = 0; i < km.length; i++) minutes[i] = km[i] === Infinity ? Infinity : rules.turnoutMinutes + km[i] * perKm[areaType[i]];
  return { minutes, basis: 'circle-formula' };
}

/** minutes = turnout + km × (detour / speed × 60): the factor per area type (0 rural, 1 urban). */
function minutesPerKm(rules: Rules): [number, number] {
  return [(rules.ruralDetourCoefficient / rules.ruralSpeedKmh) * 60, (rules.urbanDetourCoefficient / rules.urbanSpeedKmh) * 60];
}

/**
 * One cell's minutes as cellMinutes gives them, from the circle engine's
 * nearest cost of the cell (for figures that convert only the cells that changed).
 */
export function costToMinutes(engine: CoverageEngine): (cost: number, cell: number) => number {
  if (engine.responseMinutes) return (cost) => cost;
  const { rules, areaType } = engine.circleEngine;
  const perKm = minutesPerKm(rules);
  const turnout = rules.turnoutMinutes;
  return (km, i) => (km === Infinity ? Infinity : turnout + km * perKm[areaType[i]]);
}

/** Where cellMinutes' minutes come from. */
export const minutesBasis = (engine: CoverageEngine): MinutesBasis => (engine.responseMinutes ? 'roads' : 'circle-formula');
