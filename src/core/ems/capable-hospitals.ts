/**
 * Which facilities count as hospitals of a capability, after the plan and
 * before it. A hospital is a hospital whatever its 120 status: the status
 * says whether ambulances are based there (a disabled station sends none),
 * not whether it treats a stroke, so `existing`, `disabled` and any kind
 * count alike. Only a proposed facility is not built yet: its
 * capabilities count after the plan, as do every facility's
 * plannedCapabilities; before the plan counts the capabilities of
 * facilities that are not proposed.
 */
import type { Station } from '../types.ts';
import type { Capability } from './settings.ts';

/** `after`: the scenario as planned; `before`: without planned capabilities and proposed facilities. */
export type HospitalPhase = 'after' | 'before';

const has = (list: readonly Capability[] | undefined, c: Capability): boolean => list !== undefined && list.includes(c);

/** The facilities that have (or, after the plan, will have) the capability, in the stations' order. */
export function capableHospitals(stations: readonly Station[], capability: Capability, phase: HospitalPhase = 'after'): Station[] {
  return stations.filter((s) =>
    phase === 'before' ? s.status !== 'proposed' && has(s.capabilities, capability) : has(s.capabilities, capability) || has(s.plannedCapabilities, capability),
  );
}

/** True when the plan changes the capability's hospitals (a planned capability, or a proposed facility having it). */
export function capabilityPlanned(stations: readonly Station[], capability: Capability): boolean {
  return capableHospitals(stations, capability, 'after').length !== capableHospitals(stations, capability, 'before').length;
}
