/** The demo region: which cities and counties the build reads, in adcode order. */

export const QUANZHOU = '350500';
export const XIAMEN = '350200';

/** Quanzhou counties/districts (金门县 350527 has no data and is left out). */
export const QUANZHOU_COUNTIES = [
  '350502', '350503', '350504', '350505', '350521', '350524', '350525', '350526', '350581', '350582', '350583',
] as const;

export const XIAMEN_COUNTIES = ['350203', '350205', '350206', '350211', '350212', '350213'] as const;

export const CITIES = [QUANZHOU, XIAMEN] as const;

/**
 * Counties on the region's outer land border, hand-checked on the map: 泉港区,
 * 洛江区, 永春县 and 德化县 border 莆田 (仙游) and 三明/福州; 安溪县 borders
 * 漳州 and 龙岩; 同安区, 集美区 and 海沧区 border 漳州 (长泰, 龙海). Every
 * other county meets only the region's own counties and the sea (金门 lies
 * across the sea). Where the region ends elsewhere, the rest is sea.
 */
export const OUTER_LAND_BORDER_COUNTIES: ReadonlySet<string> = new Set(['350505', '350504', '350525', '350526', '350524', '350212', '350211', '350205']);

/** Every county the build reads, sorted by adcode. */
export const ALL_COUNTIES: readonly string[] = [...XIAMEN_COUNTIES, ...QUANZHOU_COUNTIES].sort();

/** City adcode of a county adcode (first four digits + "00"). */
export function cityOf(county: string): string {
  return `${county.slice(0, 4)}00`;
}

/** H3 resolution of the population grid (≈0.105 km² cells). */
export const H3_RESOLUTION = 9;
