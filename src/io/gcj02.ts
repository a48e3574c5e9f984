/**
 * GCJ-02 → WGS84 without gcoord's call overhead: gcoord 1.0.7's own
 * formulas and iteration (GCJ02ToWGS84), operation for operation, so the
 * results are the same numbers (a test checks). gcoord.transform validates
 * and dispatches on every call, ~10× the arithmetic; a 1,000,000-row call
 * file converts every row.
 */
const { sin, cos, sqrt, abs, PI } = Math;
/** Krasovsky 1940 semi-major axis and eccentricity², as GCJ-02 uses them. */
const A = 6378245;
const EE = 0.006693421622965823;

/** Iterations of the inverse: inside China it converges in 2–4. */
const MAX_STEPS = 30;

const inChinaBox = (lon: number, lat: number) => lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** The GCJ-02 point of a WGS84 one, into `out` (no offset outside China's box). */
function toGcj02(lon: number, lat: number, out: [number, number]): void {
  if (!inChinaBox(lon, lat)) {
    out[0] = lon;
    out[1] = lat;
    return;
  }
  let dLon = transformLon(lon - 105, lat - 35);
  let dLat = transformLat(lon - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLon = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  out[0] = lon + dLon;
  out[1] = lat + dLat;
}

/**
 * A GCJ-02 point in WGS84 [lng, lat]: the forward offset inverted by
 * iteration to 1e-6° (as gcoord does, but stopping after MAX_STEPS where
 * gcoord would hang); points outside China's box unchanged.
 * @example gcj02ToWgs84(118.1672, 25.3072) // ≈ [118.1623, 25.3099]
 */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (!inChinaBox(lon, lat)) return [lon, lat];
  let wgsLon = lon;
  let wgsLat = lat;
  const temp: [number, number] = [0, 0];
  toGcj02(wgsLon, wgsLat, temp);
  let dx = temp[0] - lon;
  let dy = temp[1] - lat;
  // gcoord loops until converged; at the edge of China's box the guess can step in and out of it for ever, so the steps are capped
  for (let step = 0; step < MAX_STEPS && (abs(dx) > 1e-6 || abs(dy) > 1e-6); step++) {
    wgsLon -= dx;
    wgsLat -= dy;
    toGcj02(wgsLon, wgsLat, temp);
    dx = temp[0] - lon;
    dy = temp[1] - lat;
  }
  return [wgsLon, wgsLat];
}
