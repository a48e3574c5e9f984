/**
 * The scale bar of a printed map: metres per pixel of a Web Mercator map at
 * a latitude and zoom, and the longest "nice" length (1, 2 or 5 × 10ⁿ m)
 * that fits a width.
 */

/** MapLibre's Earth radius for its Mercator world (metres). */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Pixels across the world at zoom 0 in MapLibre (CSS px). */
export const WORLD_TILE_PX = 512;

/**
 * Ground metres covered by one canvas pixel of a Web Mercator map, at a
 * latitude (degrees), zoom and pixel ratio (canvas px per CSS px). Mercator
 * stretches with latitude, so this holds along that latitude only.
 * @example metresPerPixel(0, 0) // 78184.0… (the equator over 512 px)
 * @example metresPerPixel(60, 10, 2) // 19.1… (half of 38.2 m at cos 60° = 0.5)
 */
export function metresPerPixel(latitude: number, zoom: number, pixelRatio = 1): number {
  const circumference = 2 * Math.PI * EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180);
  return circumference / (WORLD_TILE_PX * 2 ** zoom * pixelRatio);
}

/**
 * The longest length of the form 1, 2 or 5 × 10ⁿ metres not longer than `maxMetres`.
 * @example niceLength(7300) // 5000
 * @example niceLength(1999) // 1000
 * @example niceLength(20) // 20
 */
export function niceLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) throw new Error(`A scale bar needs a positive length, got ${maxMetres} m.`);
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  // guard against log10 landing a hair below an exact power (e.g. 1000 → 999.999…)
  for (const m of [10, 5, 2, 1]) if (m * power <= maxMetres * (1 + 1e-12)) return m * power;
  return power;
}

export interface ScaleBar {
  /** Length the bar stands for, in metres. */
  metres: number;
  /** Its length on the canvas, in pixels. */
  px: number;
  /** Equal parts the bar is drawn in (alternating black and white). */
  segments: number;
  /** Unit the labels use. */
  unit: 'km' | 'm';
}

/**
 * A scale bar for a map whose canvas pixel covers `metresPerPx` metres, no
 * longer than `maxPx` pixels.
 * @example scaleBar(10, 300) // { metres: 2000, px: 200, segments: 4, unit: 'km' }
 */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const metres = niceLength(metresPerPx * maxPx);
  const lead = Math.round(metres / 10 ** Math.floor(Math.log10(metres)));
  // 1 splits in halves, 2 in quarters, 5 in fifths: every tick lands on a round figure
  const segments = lead === 5 ? 5 : lead === 2 ? 4 : 2;
  return { metres, px: metres / metresPerPx, segments, unit: metres >= 1000 ? 'km' : 'm' };
}

/**
 * The label of a distance along the bar in the bar's unit, without the unit.
 * @example tickLabel(2500, 'km') // '2.5'
 * @example tickLabel(500, 'm') // '500'
 */
export function tickLabel(metres: number, unit: 'km' | 'm'): string {
  const v = unit === 'km' ? metres / 1000 : metres;
  return String(Math.round(v * 1000) / 1000);
}
