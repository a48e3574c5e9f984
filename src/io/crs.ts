/**
 * Source coordinate systems of Chinese data and their conversion to WGS84 with
 * gcoord: WGS84 (GPS, OSM, WorldPop), GCJ-02 (AMap/高德, Tencent), BD-09 (Baidu/百度).
 */
import gcoord from 'gcoord';
import { gcj02ToWgs84 } from './gcj02.ts';

export const CRS_NAMES = ['WGS84', 'GCJ02', 'BD09'] as const;
export type Crs = (typeof CRS_NAMES)[number];

const ALIASES: Record<string, Crs> = {
  wgs84: 'WGS84',
  'wgs-84': 'WGS84',
  epsg4326: 'WGS84',
  '4326': 'WGS84',
  gps: 'WGS84',
  cgcs2000: 'WGS84',
  gcj02: 'GCJ02',
  'gcj-02': 'GCJ02',
  gcj: 'GCJ02',
  amap: 'GCJ02',
  gaode: 'GCJ02',
  高德: 'GCJ02',
  火星坐标: 'GCJ02',
  tencent: 'GCJ02',
  腾讯: 'GCJ02',
  bd09: 'BD09',
  'bd-09': 'BD09',
  bd09ll: 'BD09',
  baidu: 'BD09',
  百度: 'BD09',
};

/**
 * Reads a CRS name as a user would type it ('gcj02', 'GCJ-02', 'bd09', '百度', 'wgs84'…);
 * null when it is none of them. CGCS2000 counts as WGS84 (they differ by centimetres).
 * @example parseCrs('GCJ-02') // 'GCJ02'
 */
export function parseCrs(value: string): Crs | null {
  const key = value.trim().toLowerCase().replace(/[\s_:]/g, '');
  return ALIASES[key] ?? null;
}

/** A CRS hinted at by a column header such as "经度(百度)" or "lng_gcj02"; null when none is. */
export function crsHintInText(text: string): Crs | null {
  const t = text.toLowerCase();
  if (/bd-?09|百度|baidu/.test(t)) return 'BD09';
  if (/gcj-?02|高德|amap|gaode|火星|腾讯/.test(t)) return 'GCJ02';
  if (/wgs-?84|gps|4326/.test(t)) return 'WGS84';
  return null;
}

const GCOORD_CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/**
 * Converts one point to WGS84 [lng, lat]. GCJ-02 and BD-09 offsets only exist
 * inside China; gcoord leaves points outside China unchanged, as the offset does.
 * @example toWgs84(118.1672, 25.3072, 'GCJ02') // ≈ [118.1623, 25.3099]
 */
export function toWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lng, lat];
  if (crs === 'GCJ02') return gcj02ToWgs84(lng, lat);
  const [x, y] = gcoord.transform([lng, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [x, y];
}

/** Converts WGS84 to another CRS (for writing test files and exports). */
export function fromWgs84(lng: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, GCOORD_CRS[crs]);
  return [x, y];
}

/** Converts every position of a Polygon/MultiPolygon coordinate array in place. */
export function polygonsToWgs84(polygons: number[][][][], crs: Crs): void {
  if (crs === 'WGS84') return;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const pos of ring) {
        const [x, y] = toWgs84(pos[0], pos[1], crs);
        pos[0] = x;
        pos[1] = y;
      }
    }
  }
}
