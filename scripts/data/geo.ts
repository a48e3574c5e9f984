/**
 * Small geodesy helpers for the data build: GCJ-02 → WGS84, fixed 6-decimal
 * rounding, haversine distances and the local equirectangular projection the
 * township zones are drawn in.
 */
import gcoord from 'gcoord';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Turf's mean Earth radius, so our kilometres equal turf.distance's. */
export const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;
export const KM_PER_DEG_LAT = EARTH_RADIUS_KM * DEG;

/** Rounds to 6 decimals (≈0.1 m), the fixed precision of every coordinate we write. */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no "-0" in the output
}

/** GCJ-02 point → WGS84 point, rounded to 6 decimals. */
export function gcjToWgs([lng, lat]: readonly [number, number]): [number, number] {
  const [x, y] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [round6(x), round6(y)];
}

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round6(p[0]), round6(p[1])];
    const last = out[out.length - 1];
    // rounding can merge neighbouring vertices; keep one
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds a polygon's rings; drops rings that collapse below 4 positions, and the polygon if its shell does. */
function roundPolygon(rings: Position[][]): Position[][] | null {
  const out = rings.map(roundRing);
  if (out[0].length < 4) return null;
  return out.filter((r) => r.length >= 4);
}

/**
 * Rounds every coordinate of a (Multi)Polygon to 6 decimals, dropping
 * repeated vertices and slivers that collapse; null when nothing is left.
 */
export function roundPolygonal(geom: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const polys = polygonsOf(geom)
    .map(roundPolygon)
    .filter((p): p is Position[][] => p !== null);
  if (polys.length === 0) return null;
  return geom.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** GCJ-02 (Multi)Polygon → WGS84, rounded to 6 decimals. Does not modify its input. */
export function gcjGeometryToWgs(geom: Geometry): Polygon | MultiPolygon {
  if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') {
    throw new Error(`Got a ${geom.type} boundary when expected Polygon or MultiPolygon`);
  }
  // gcoord transforms GeoJSON in place, so hand it a copy
  const copy = structuredClone(geom);
  const out = roundPolygonal(gcoord.transform(copy as Parameters<typeof gcoord.transform>[0], gcoord.GCJ02, gcoord.WGS84) as Polygon | MultiPolygon);
  if (!out) throw new Error('boundary has no polygon left after rounding');
  return out;
}

/** The polygons of a (Multi)Polygon as a list of Polygon coordinate arrays. */
export function polygonsOf(geom: Polygon | MultiPolygon): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/**
 * Great-circle (haversine) distance in kilometres.
 * @example haversineKm(118, 25, 118, 26) // ≈ 111.195
 */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const s = Math.sin(((lat2 - lat1) * DEG) / 2);
  const t = Math.sin(((lng2 - lng1) * DEG) / 2);
  const a = s * s + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Longitude/latitude box holding every point within `radiusKm` of a point (mid latitudes, no wrap). */
export function boxAround(lng: number, lat: number, radiusKm: number): [number, number, number, number] {
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const dLng = radiusKm / (KM_PER_DEG_LAT * Math.cos((Math.abs(lat) + dLat) * DEG));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

/**
 * Local equirectangular projection x = lng·cos(lat0), y = lat. Straight lines
 * map to straight lines, so a Voronoi diagram drawn here unprojects exactly.
 */
export interface Equirectangular {
  lat0: number;
  project(lng: number, lat: number): [number, number];
  unproject(x: number, y: number): [number, number];
}

export function equirectangular(lat0: number): Equirectangular {
  const k = Math.cos(lat0 * DEG);
  return {
    lat0,
    project: (lng, lat) => [lng * k, lat],
    unproject: (x, y) => [x / k, y],
  };
}
