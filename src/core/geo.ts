/** Geodesic helpers on a sphere with Turf's mean Earth radius, so our kilometres equal Turf's. */

export const EARTH_RADIUS_KM = 6371.0088;
export const DEG = Math.PI / 180;
/** Kilometres per degree of latitude on that sphere. */
export const KM_PER_DEG_LAT = EARTH_RADIUS_KM * DEG;

/**
 * Great-circle (haversine) distance in kilometres.
 * @example haversineKm(118, 25, 118, 26) // ≈ 111.195
 */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLng = (lng2 - lng1) * DEG;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLng / 2);
  const a = s * s + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Longitude/latitude box that contains every point within `radiusKm` of a point (no antimeridian wrap). */
export function boxAround(lng: number, lat: number, radiusKm: number): [number, number, number, number] {
  const dLat = radiusKm / KM_PER_DEG_LAT;
  // the box must be widest at the latitude furthest from the equator
  const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLng = radiusKm / (KM_PER_DEG_LAT * Math.cos(maxAbsLat * DEG));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

export function isValidLngLat(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}
