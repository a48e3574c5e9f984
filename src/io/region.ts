/**
 * The loaded region (county outlines, or the user's zones) that imported
 * points are checked against: inside, near (within a margin), or outside.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { KM_PER_DEG_LAT, DEG } from '../core/geo.ts';
import { PolygonIndex } from './polygon-index.ts';

export interface ImportRegion {
  /** Shown in problem messages, e.g. "永春县". */
  name: string;
  /** [west, south, east, north], WGS84 degrees. */
  bbox: [number, number, number, number];
  /** The outline, when known; points are then tested against it, not just the box. */
  outline?: Polygon | MultiPolygon;
}

/** Mainland China and Hainan, roughly: used to spot swapped coordinates when no region is loaded. */
export const CHINA_BBOX: [number, number, number, number] = [73.4, 18.1, 135.1, 53.6];

/** A region from outline geometries (their union's box). */
export function regionFromOutlines(name: string, outlines: readonly (Polygon | MultiPolygon)[]): ImportRegion {
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons: number[][][][] = [];
  for (const g of outlines) {
    const list = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of list) {
      polygons.push(rings);
      for (const [x, y] of rings[0] ?? []) {
        if (x < bbox[0]) bbox[0] = x;
        if (y < bbox[1]) bbox[1] = y;
        if (x > bbox[2]) bbox[2] = x;
        if (y > bbox[3]) bbox[3] = y;
      }
    }
  }
  return { name, bbox, outline: { type: 'MultiPolygon', coordinates: polygons } };
}

/** The box grown by `km` on every side. */
export function growBbox(bbox: readonly number[], km: number): [number, number, number, number] {
  const dLat = km / KM_PER_DEG_LAT;
  const maxAbsLat = Math.min(89.9, Math.max(Math.abs(bbox[1]), Math.abs(bbox[3])) + dLat);
  const dLng = km / (KM_PER_DEG_LAT * Math.cos(maxAbsLat * DEG));
  return [bbox[0] - dLng, bbox[1] - dLat, bbox[2] + dLng, bbox[3] + dLat];
}

const inBox = (b: readonly number[], lng: number, lat: number) => lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3];

/** Each outline's index, built on its first test (a facility file tests it once a row). */
const outlineIndex = new WeakMap<Polygon | MultiPolygon, PolygonIndex>();

function indexOf(outline: Polygon | MultiPolygon): PolygonIndex {
  let index = outlineIndex.get(outline);
  if (!index) outlineIndex.set(outline, (index = new PolygonIndex(outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates)));
  return index;
}

/**
 * Where a WGS84 point lies: 'inside' the outline (or box when there is no
 * outline), 'near' (outside it but within `marginKm` of the region's box), or 'outside'.
 */
export function locateInRegion(region: ImportRegion, lng: number, lat: number, marginKm: number): 'inside' | 'near' | 'outside' {
  if (inBox(region.bbox, lng, lat) && (!region.outline || indexOf(region.outline).contains(lng, lat))) return 'inside';
  return inBox(growBbox(region.bbox, marginKm), lng, lat) ? 'near' : 'outside';
}
