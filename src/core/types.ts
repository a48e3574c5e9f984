/**
 * Shared domain types of the coverage engine. Coordinates are WGS84
 * longitude/latitude in degrees; distances are geodesic kilometres (a reach
 * model's costs are in its own unit: see reach.ts).
 */

import type { Capability } from './ems/settings.ts';

export type AreaType = 'urban' | 'rural';

export const STATION_KINDS = [
  'emergency-centre',
  'sub-centre',
  'station',
  'hospital',
  'health-centre',
  'candidate',
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const STATION_STATUSES = ['existing', 'proposed', 'disabled'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];

/**
 * Why a station has its status in the data (a stated assumption, not read from its note):
 * `documented` — a planning document names it as a 120 centre or station (existing or proposed);
 * `assumed` — taken as an existing 120 point by the demo's stated rule, its real site unpublished;
 * `candidate` — not a 120 point; disabled, a site to switch on and test.
 */
export const STATION_BASES = ['documented', 'assumed', 'candidate'] as const;
export type StationBasis = (typeof STATION_BASES)[number];

export interface Station {
  id: string;
  name: string;
  kind: StationKind;
  status: StationStatus;
  lng: number;
  lat: number;
  /** 12-digit statistical code of the township the station stands in, when known. */
  township?: string;
  /** 6-digit county adcode, when known. */
  county?: string;
  /** True when the point is a township seat standing in for an unpublished address. */
  positionApproximate?: boolean;
  note?: string;
  /** Where the data file took the station from (document, section), as the file states it. */
  source?: string;
  /** How the data file got the point (e.g. a township seat), as the file states it. */
  positionSource?: string;
  /**
   * This station's turnout (minutes before the ambulance moves), when it
   * differs from the rules'. Reach models that count response time add it to
   * every cost; the straight-line model's radii do not depend on it.
   */
  turnoutMinutes?: number;
  /** Why the data gives the station its status; absent for stations the user adds or imports. */
  basis?: StationBasis;
  /** Ambulances based at the station, when the facility file gives them (else the EMS settings' default). */
  ambulances?: number;
  /** Hospital capabilities the facility has (certified centres), for the scene-to-hospital measures. */
  capabilities?: Capability[];
  /** Capabilities a plan says it will gain (e.g. a chest-pain centre to be certified by 2025): counted "after", not "before". */
  plannedCapabilities?: Capability[];
  /** Where the data file took the capabilities from (document, section, the passage), as the file states it. */
  centresSource?: string;
}

/** A planning zone (township or user boundary) that owns population cells. */
export interface Zone {
  /** 12-digit statistical code for townships; any unique string for user zones. */
  code: string;
  name: string;
  /** 6-digit county adcode. */
  county: string;
  countyName: string;
  /** Default area type derived from data; a scenario may override it. */
  areaType: AreaType;
  /** Where the default area type came from (e.g. NBS urban–rural codes, a field of the user's file, the density rule), for the rules panel. */
  areaTypeSource?: string;
  /** WGS84 seat point [lng, lat] or null when the source has none. */
  seat: [number, number] | null;
}

/** Cell status codes stored in a Uint8Array. */
export const COVERED = 0;
export const MARGINAL = 1;
export const GAP = 2;
export const STATUS_NAMES = ['covered', 'marginal', 'gap'] as const;
export type StatusName = (typeof STATUS_NAMES)[number];
