/**
 * A station with its ambulances and hospital centres changed, kept tidy:
 * each list in CAPABILITIES order without repeats, a centre the facility
 * has never also planned, empty lists and an unset fleet left out (so a
 * scenario without them reads as before).
 */
import type { Station } from '../types.ts';
import { CAPABILITIES } from './settings.ts';

export type HospitalFields = Pick<Station, 'ambulances' | 'capabilities' | 'plannedCapabilities'>;

/**
 * @param changes the fields to set; `ambulances: undefined` clears the count (the EMS default applies)
 * @example withHospitalFields(s, { capabilities: ['stroke'], plannedCapabilities: ['stroke', 'trauma'] }) // planned: ['trauma']
 */
export function withHospitalFields(station: Station, changes: Partial<HospitalFields>): Station {
  const { ambulances: _a, capabilities: _c, plannedCapabilities: _p, ...rest } = station;
  const merged = { ambulances: station.ambulances, capabilities: station.capabilities, plannedCapabilities: station.plannedCapabilities, ...changes };
  const ambulances = merged.ambulances;
  if (ambulances !== undefined && !(Number.isInteger(ambulances) && ambulances >= 0)) throw new Error(`Ambulances at ${station.name} must be a whole number ≥ 0, got ${ambulances}.`);
  const has = CAPABILITIES.filter((c) => merged.capabilities?.includes(c));
  const planned = CAPABILITIES.filter((c) => merged.plannedCapabilities?.includes(c) && !has.includes(c));
  return {
    ...rest,
    ...(ambulances !== undefined ? { ambulances } : {}),
    ...(has.length > 0 ? { capabilities: has } : {}),
    ...(planned.length > 0 ? { plannedCapabilities: planned } : {}),
  };
}
