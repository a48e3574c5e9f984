/**
 * Great-circle distances from squared chords of the unit sphere: the one
 * definition the straight-line model's scans (straight-line-reach.ts,
 * straight-line-nearest.ts) compute every cost with, so both give the same
 * km to the last bit.
 */
import { EARTH_RADIUS_KM } from './geo.ts';

// module-local copy: an imported binding may be read through a getter on every use in a hot loop
const TWO_R = 2 * EARTH_RADIUS_KM;

/** Relative slack kept from a limit before a whole block is taken untested (rounding of block radii and chords). */
export const SLACK = 1e-9;

/**
 * Great-circle km from a squared chord of the unit sphere: d = 2R·asin(c/2).
 * Below c/2 = 0.01 (±127 km) the series x + x³/6 + 3x⁵/40 is exact to
 * 1e-11 and much cheaper than Math.asin in the hot loop.
 */
export function chordToKm(chordSq: number): number {
  const x = Math.sqrt(chordSq) / 2;
  if (x >= 0.01) return TWO_R * Math.asin(Math.min(1, x));
  const x2 = x * x;
  return TWO_R * x * (1 + x2 * (1 / 6 + x2 * (3 / 40)));
}

/** Squared chord of a great-circle distance: c = 2·sin(d / 2R). */
export function kmToChordSq(km: number): number {
  return 4 * Math.sin(Math.min(Math.PI / 2, km / TWO_R)) ** 2;
}
