/**
 * Where a printed map looks: the whole loaded region, centred, with a margin,
 * at the zoom that fits it into the frame. Computed from the region's box and
 * the frame's size alone (never from the live view), so every export of a
 * region frames it the same way, and the before and after maps match.
 */
import type { Box } from './view.ts';
import { WORLD_TILE_PX } from './scale-bar.ts';

/** A MapLibre camera: centre [lng, lat] and zoom. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

/** Share of the frame's width and height kept clear on each side of the region. */
export const FRAME_MARGIN = 0.03;

/** Web Mercator x of a longitude, 0–1 across the world. */
const mercX = (lng: number) => (lng + 180) / 360;
/** Web Mercator y of a latitude, 0 at the top of the world, 1 at the bottom. */
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/**
 * The camera that shows `box` whole in a frame of `width` × `height` CSS px,
 * centred, `margin` of the frame clear on every side.
 * @example frameView([118, 25, 118.5, 25.5], 800, 600).zoom // ≈ 10.5
 */
export function frameView(box: Box, width: number, height: number, margin = FRAME_MARGIN): MapView {
  if (!(width > 0 && height > 0)) throw new Error(`A map frame needs a positive size, got ${width} × ${height} px.`);
  if (!(box[2] > box[0] && box[3] > box[1])) throw new Error(`A region box needs west < east and south < north, got [${box.join(', ')}].`);
  const x0 = mercX(box[0]);
  const x1 = mercX(box[2]);
  const y0 = mercY(box[3]);
  const y1 = mercY(box[1]);
  const usableW = width * (1 - 2 * margin);
  const usableH = height * (1 - 2 * margin);
  const worldPx = Math.min(usableW / (x1 - x0), usableH / (y1 - y0));
  return { center: [lngOf((x0 + x1) / 2), latOf((y0 + y1) / 2)], zoom: Math.log2(worldPx / WORLD_TILE_PX) };
}

/**
 * Where a point falls in a frame of `width` × `height` CSS px showing `view` (x right, y down).
 * @example projectInFrame(view, 800, 600, view.center) // [400, 300]
 */
export function projectInFrame(view: MapView, width: number, height: number, [lng, lat]: readonly [number, number]): [number, number] {
  const worldPx = WORLD_TILE_PX * 2 ** view.zoom;
  return [width / 2 + (mercX(lng) - mercX(view.center[0])) * worldPx, height / 2 + (mercY(lat) - mercY(view.center[1])) * worldPx];
}

/** True when the whole of `box` lies inside the frame (edges may touch). */
export function frameHolds(view: MapView, width: number, height: number, box: Box): boolean {
  const [left, top] = projectInFrame(view, width, height, [box[0], box[3]]);
  const [right, bottom] = projectInFrame(view, width, height, [box[2], box[1]]);
  const eps = 1e-6;
  return left >= -eps && top >= -eps && right <= width + eps && bottom <= height + eps;
}
