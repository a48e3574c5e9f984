/**
 * Availability: a station covers a cell only while one of its ambulances is
 * free. Daskin's MEXCLP takes every ambulance busy independently with the
 * system busy fraction q, so a cell within the cover limit of k ambulances is
 * covered with probability 1 − q^k. Beside it, backup coverage (cells within
 * the cover limit of two stations or more) and the fleet.
 */
import type { CoverageEngine } from '../coverage.ts';
import type { Station } from '../types.ts';
import type { Availability, StationWorkload, WeightPair } from './types.ts';
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

/**
 * @param stations the active stations, in the order of `workload`
 * @param calls calls per year per cell
 */
export function availability(engine: CoverageEngine, stations: readonly Station[], workload: readonly StationWorkload[], calls: Float64Array): Availability {
  const { rules, grid, inRangeCount } = engine;
  const fleet = stations.map((s) => ambulancesOf(s, rules));
  const ambulances = fleet.reduce((sum, f) => sum + f.ambulances, 0);
  let totalCalls = 0;
  for (let i = 0; i < calls.length; i++) totalCalls += calls[i];
  const q = ambulances > 0 ? systemBusyFraction(totalCalls, rules.ems.meanJobMinutes, ambulances) : 0;
  const k = ambulancesInRange(engine, stations, fleet.map((f) => f.ambulances));
  const backup: WeightPair = { residents: 0, calls: 0 };
  for (let i = 0; i < grid.size; i++) {
    if (inRangeCount[i] < 2) continue;
    backup.residents += grid.population[i];
    backup.calls! += calls[i];
  }
  const given = fleet.filter((f) => !f.assumed);
  return {
    busyFraction: q,
    expectedCovered: { residents: expectedCovered(grid.population, k, q), calls: expectedCovered(calls, k, q) },
    backupCovered: backup,
    fleet: {
      existing: given.length > 0 ? given.reduce((sum, f) => sum + f.ambulances, 0) : null,
      assumed: fleet.filter((f) => f.assumed).reduce((sum, f) => sum + f.ambulances, 0),
      forWorkload: workload.reduce((sum, w) => sum + w.ambulancesForWorkload, 0),
      forRatio: workload.reduce((sum, w) => sum + w.ambulancesForRatio, 0),
    },
  };
}
