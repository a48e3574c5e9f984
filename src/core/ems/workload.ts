/**
 * Station workload and fleet: each active station's first-due area, its
 * expected calls, how busy its ambulances are (calls × mean job minutes over
 * the minutes of a year), and the ambulances the busy target and the seeds'
 * ratio ask for.
 */
import { ambulancesNeeded, type Rules } from '../rules.ts';
import type { Station } from '../types.ts';
import type { CallsSource, FractilePair, StationWorkload } from './types.ts';

export const MINUTES_PER_YEAR = 525_600;

/** A station's ambulances: the facility file's number, else the settings' default (assumed). */
export function ambulancesOf(station: Station, rules: Rules): { ambulances: number; assumed: boolean } {
  const given = station.ambulances;
  return typeof given === 'number' && Number.isFinite(given) && given >= 0 ? { ambulances: given, assumed: false } : { ambulances: rules.ems.defaultAmbulancesPerStation, assumed: true };
}

/**
 * Share of the time the ambulances are busy: calls × job minutes / (525,600 × ambulances).
 * @example busyFraction(2628, 60, 1) // 2628 × 60 / 525,600 = 0.3
 */
export function busyFraction(callsPerYear: number, meanJobMinutes: number, ambulances: number): number {
  if (callsPerYear === 0) return 0;
  return ambulances > 0 ? (callsPerYear * meanJobMinutes) / (MINUTES_PER_YEAR * ambulances) : Infinity;
}

/** Ambulances that keep the busy fraction at or under the target: ceil(calls × job minutes / (525,600 × target)). */
export function ambulancesForWorkload(callsPerYear: number, meanJobMinutes: number, busyTarget: number): number {
  // a hair of float noise must not ask for one more ambulance when the load sits exactly on the target
  return Math.max(0, Math.ceil((callsPerYear * meanJobMinutes) / (MINUTES_PER_YEAR * busyTarget) - 1e-9));
}

/** Per first-due area (row): its cells, residents and calls per year. */
export interface AreaSums {
  cells: Int32Array;
  residents: Float64Array;
  calls: Float64Array;
}

/**
 * One row per station of the first-due areas.
 * @param stations the first-due areas' stations, by row
 * @param sums each area's cells, residents and calls per year
 * @param fractiles each station's first-due fractiles, by row
 */
export function workloadRows(rules: Rules, stations: readonly Station[], sums: AreaSums, callsSource: CallsSource, fractiles: FractilePair[]): StationWorkload[] {
  const { cells, residents, calls: callSums } = sums;
  const { meanJobMinutes, busyTarget } = rules.ems;
  return stations.map((s, k) => {
    const { ambulances, assumed } = ambulancesOf(s, rules);
    return {
      id: s.id,
      name: s.name,
      firstDueCells: cells[k],
      firstDuePopulation: residents[k],
      callsPerYear: callSums[k],
      callsSource,
      ambulances,
      ambulancesAssumed: assumed,
      busyFraction: busyFraction(callSums[k], meanJobMinutes, ambulances),
      ambulancesForWorkload: ambulancesForWorkload(callSums[k], meanJobMinutes, busyTarget),
      ambulancesForRatio: ambulancesNeeded(rules, residents[k]),
      fractiles: fractiles[k],
    };
  });
}
