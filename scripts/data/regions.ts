/** The demo region: which cities and counties the build reads, in adcode order. */

export const QUANZHOU = '350500';
export const XIAMEN = '350200';

/** Quanzhou counties/districts (金门县 350527 has no data and is left out). */
export const QUANZHOU_COUNTIES = [
  '350502', '350503', '350504', '350505', '350521', '350524', '350525', '350526', '350581', '350582', '350583',
] as const;

export const XIAMEN_COUNTIES = ['350203', '350205', '350206', '350211', '350212', '350213'] as const;

export const CITIES = [QUANZHOU, XIAMEN] as const;

/** Every county the build reads, sorted by adcode. */
export const ALL_COUNTIES: readonly string[] = [...XIAMEN_COUNTIES, ...QUANZHOU_COUNTIES].sort();

/** City adcode of a county adcode (first four digits + "00"). */
export function cityOf(county: string): string {
  return `${county.slice(0, 4)}00`;
}

/** H3 resolution of the population grid (≈0.105 km² cells). */
export const H3_RESOLUTION = 9;
