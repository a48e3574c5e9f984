/**
 * Availability: a station covers a cell only while one of its ambulances is
 * free. Daskin's MEXCLP takes every ambulance busy independently with the
 * system busy fraction q, so a cell within the cover limit of k ambulances is
 * covered with probability 1 − q^k. Beside it, backup coverage (cells within
 * the cover limit of two stations or more) and the fleet.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { Station } from '../types.ts';
import type { Availability, StationWorkload } from './types.ts';
import { ambulancesOf, busyFraction } from './workload.ts';

/** q stays below 1 so that 1 − q^k still tells more ambulances from fewer when the fleet is overloaded. */
export const MAX_SYSTEM_BUSY = 0.999;

/**
 * The system busy fraction: all calls × job minutes / (525,600 × all ambulances), capped below 1.
 * @example systemBusyFraction(5256, 60, 3) // 5256 × 60 / (525,600 × 3) = 0.2
 */
export function systemBusyFraction(callsPerYear: number, meanJobMinutes: number, ambulances: number): number {
  return Math.min(MAX_SYSTEM_BUSY, busyFraction(callsPerYear, meanJobMinutes, ambulances));
}

/**
 * Per cell, the ambulances of the active stations whose cover limit includes
 * it. When every station has the same fleet this is the engine's in-range
 * count times it; otherwise each station's reach is walked.
 */
export function ambulancesInRange(engine: CoverageEngine, stations: readonly Station[], fleet: readonly number[]): Float64Array {
  const k = new Float64Array(engine.grid.size);
  const { inRangeCount, coverLimit } = engine;
  if (fleet.every((a) => a === fleet[0])) {
    const a = fleet[0] ?? 0;
    for (let i = 0; i < k.length; i++) k[i] = inRangeCount[i] * a;
    return k;
  }
  stations.forEach((s, r) => {
    const a = fleet[r];
    const reach = engine.stationReach(s.id);
    if (!reach || a === 0) return;
    const { cells, costs } = reach;
    for (let j = 0; j < cells.length; j++) if (costs[j] <= coverLimit[cells[j]]) k[cells[j]] += a;
  });
  return k;
}

/** Σ weight × (1 − q^k) over the cells. */
export function expectedCovered(weight: Float64Array, ambulances: Float64Array, q: number): number {
  let sum = 0;
  for (let i = 0; i < weight.length; i++) {
    const k = ambulances[i];
    if (k > 0 && weight[i] > 0) sum += weight[i] * (1 - q ** k);
  }
  return sum;
}

/** Sums by array: the calls per year are kept between evaluations (calls.ts), so their sum is too. */
const sums = new WeakMap<Float64Array, number>();

function sumOf(values: Float64Array): number {
  let sum = sums.get(values);
  if (sum === undefined) {
    sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    sums.set(values, sum);
  }
  return sum;
}

/** The system busy fraction, expected coverage and backup coverage of the active stations an engine holds. */
function covered(engine: CoverageEngine, stations: readonly Station[], calls: Float64Array) {
  const { rules, grid, inRangeCount } = engine;
  const { population } = grid;
  const fleet = stations.map((s) => ambulancesOf(s, rules));
  const ambulances = fleet.reduce((sum, f) => sum + f.ambulances, 0);
  const totalCalls = sumOf(calls);
  const q = ambulances > 0 ? systemBusyFraction(totalCalls, rules.ems.meanJobMinutes, ambulances) : 0;
  const counts = fleet.map((f) => f.ambulances);
  const same = counts.every((a) => a === counts[0]);
  // one fleet everywhere: k = in-range count × fleet, so 1 − q^k comes from a table by the count (no pow per cell)
  const k = same ? null : ambulancesInRange(engine, stations, counts);
  const free = new Float64Array(stations.length + 1);
  for (let j = 1; j <= stations.length; j++) free[j] = 1 - q ** (j * (counts[0] ?? 0));
  let expectedResidents = 0;
  let expectedCalls = 0;
  let backupResidents = 0;
  let backupCalls = 0;
  for (let i = 0; i < inRangeCount.length; i++) {
    const inRange = inRangeCount[i];
    if (inRange === 0) continue;
    const f = k === null ? free[inRange] : k[i] > 0 ? 1 - q ** k[i] : 0;
    expectedResidents += population[i] * f;
    expectedCalls += calls[i] * f;
    if (inRange >= 2) {
      backupResidents += population[i];
      backupCalls += calls[i];
    }
  }
  return { fleet, busyFraction: q, expectedCovered: { residents: expectedResidents, calls: expectedCalls }, backupCovered: { residents: backupResidents, calls: backupCalls } };
}

/**
 * @param stations the active stations, in the order of `workload`
 * @param calls calls per year per cell
 * @param baseline the scenario without the proposed stations (the before of the other figures), or null:
 *   its expected coverage comes with its own fleet, so its own (higher) busy fraction
 */
export function availability(engine: CoverageEngine, stations: readonly Station[], workload: readonly StationWorkload[], calls: Float64Array, baseline: CoverageEngine | null = null): Availability {
  const now = covered(engine, stations, calls);
  const before = baseline ? covered(baseline, baseline.activeStations(), calls) : null;
  const { fleet } = now;
  const given = fleet.filter((f) => !f.assumed);
  return {
    busyFraction: now.busyFraction,
    expectedCovered: now.expectedCovered,
    backupCovered: now.backupCovered,
    fleet: {
      existing: given.length > 0 ? given.reduce((sum, f) => sum + f.ambulances, 0) : null,
      assumed: fleet.filter((f) => f.assumed).reduce((sum, f) => sum + f.ambulances, 0),
      forWorkload: workload.reduce((sum, w) => sum + w.ambulancesForWorkload, 0),
      forRatio: workload.reduce((sum, w) => sum + w.ambulancesForRatio, 0),
    },
    before: before && { busyFraction: before.busyFraction, expectedCovered: before.expectedCovered },
  };
}
