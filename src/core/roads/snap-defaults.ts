/** How points (cell centres, stations) join the road network, each value with its source. */
import type { Sourced } from './speeds.ts';

/** The joins between points and roads, each with its source. */
export const SNAP_DEFAULTS: Readonly<Record<'maxSnapKm' | 'offRoadKmh' | 'fragmentShare', Sourced>> = Object.freeze({
  maxSnapKm: { value: 1, source: 'assumption: a cell centre over 1 km from every mapped road (≈ 3 res-9 H3 cells) has no road access' },
  offRoadKmh: { value: 15, source: 'assumption: the unmapped last stretch is driven like a service road (OSRM car profile, service 15 km/h)' },
  fragmentShare: { value: 0.01, source: 'assumption: a road component with under 1 % of the largest one\'s nodes is a fragment (cut off at the region\'s edge, or unconnected in the map)' },
});
