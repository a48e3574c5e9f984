/**
 * Which hospital capabilities the hospital transport layer can draw: those
 * a facility of the scenario has or plans (as capable-hospitals.ts counts
 * them after the plan), in CAPABILITIES order, and the one drawn (the
 * user's choice when it is among them, else the first).
 */
import { capableHospitals } from '../core/ems/capable-hospitals.ts';
import { CAPABILITIES, type Capability } from '../core/ems/settings.ts';
import type { Station } from '../core/types.ts';

export function capabilitiesOf(stations: readonly Station[]): Capability[] {
  return CAPABILITIES.filter((c) => capableHospitals(stations, c).length > 0);
}

/** The capability drawn: `chosen` when the stations have it, else their first, else null. */
export function capabilityDrawn(stations: readonly Station[], chosen: Capability | null): Capability | null {
  const available = capabilitiesOf(stations);
  return chosen !== null && available.includes(chosen) ? chosen : (available[0] ?? null);
}
