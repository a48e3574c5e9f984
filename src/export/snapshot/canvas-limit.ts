/**
 * The browser's canvas limits, checked before anything is drawn: a canvas
 * larger than the browser allows does not throw, it silently stays blank, so
 * a too-large page is refused up front with the sizes in the message.
 */

export interface CanvasLimits {
  /** Longest side of a 2D canvas in pixels. */
  maxSide: number;
  /** Largest area of a 2D canvas in pixels. */
  maxArea: number;
}

/**
 * Limits every current browser meets: Chromium and Firefox allow 32 767 px a
 * side, Safari 16 384; Chromium's and Safari's area limit is 16 384² = 268 MP.
 */
export const CANVAS_LIMITS: CanvasLimits = { maxSide: 16_384, maxArea: 16_384 * 16_384 };

export type CanvasRefusal =
  | { kind: 'side'; width: number; height: number; maxSide: number }
  | { kind: 'area'; width: number; height: number; maxArea: number }
  | { kind: 'invalid'; width: number; height: number };

/**
 * Null when a canvas of `width` × `height` pixels can be drawn, else why not.
 * @example checkCanvasSize(3508, 2480) // null
 * @example checkCanvasSize(19843, 14031)?.kind // 'side'
 */
export function checkCanvasSize(width: number, height: number, limits: CanvasLimits = CANVAS_LIMITS): CanvasRefusal | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return { kind: 'invalid', width, height };
  if (width > limits.maxSide || height > limits.maxSide) return { kind: 'side', width, height, maxSide: limits.maxSide };
  if (width * height > limits.maxArea) return { kind: 'area', width, height, maxArea: limits.maxArea };
  return null;
}
