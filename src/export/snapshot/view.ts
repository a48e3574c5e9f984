/**
 * What part of the world a printed map shows: the live view, trimmed to the
 * loaded region when the view shows more than the region (the app keeps a
 * margin around it for the legend and panels, which paper does not need).
 */

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** Share of the trimmed box added on every side, so the region does not touch the frame. */
export const REGION_MARGIN = 0.04;

/**
 * The box to print: the view intersected with the region (plus a margin,
 * never beyond the view); the view itself when they do not meet or no region is known.
 * @example printBounds([117, 24, 119, 26], [118, 25, 118.5, 25.5]) // [117.98, 24.98, 118.52, 25.52]
 */
export function printBounds(view: Box, region: Box | null, margin = REGION_MARGIN): Box {
  if (!region) return view;
  const w = Math.max(view[0], region[0]);
  const s = Math.max(view[1], region[1]);
  const e = Math.min(view[2], region[2]);
  const n = Math.min(view[3], region[3]);
  if (w >= e || s >= n) return view;
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [Math.max(view[0], w - dx), Math.max(view[1], s - dy), Math.min(view[2], e + dx), Math.min(view[3], n + dy)];
}

/**
 * The box of a set of points given as parallel longitude and latitude lists.
 * @example pointsBox([118, 118.5], [25.5, 25]) // [118, 25, 118.5, 25.5]
 */
export function pointsBox(lng: ArrayLike<number>, lat: ArrayLike<number>): Box | null {
  if (lng.length === 0) return null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lng.length; i++) {
    if (lng[i] < box[0]) box[0] = lng[i];
    if (lat[i] < box[1]) box[1] = lat[i];
    if (lng[i] > box[2]) box[2] = lng[i];
    if (lat[i] > box[3]) box[3] = lat[i];
  }
  return box;
}

/**
 * Width over height of a box in Web Mercator (how wide it is drawn).
 * @example mercatorAspect([0, -1, 2, 1]) // ≈ 1.0 (near the equator a degree is as tall as wide)
 */
export function mercatorAspect(box: Box): number {
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const height = y(box[3]) - y(box[1]);
  const width = ((box[2] - box[0]) * Math.PI) / 180;
  return height > 0 ? width / height : 1;
}
