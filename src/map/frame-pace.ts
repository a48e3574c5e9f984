/**
 * How long the map takes to show a paint, measured on this machine, and so
 * how often a drag may repaint the cells. A paint's frame blocks the page's
 * next frame, and with it the pointer's next moves: with a real GPU a frame
 * is ~10 ms and the cells can follow a drag closely; with software WebGL a
 * whole city's frame is ~300 ms and painting every 700 ms held a half-second
 * drag back by a second. So a drag repaints at most every PAINT_SHARE frames'
 * worth of time, i.e. it spends at most 1 / PAINT_SHARE of its time painting.
 */

/** A drag spends at most one part in this many painting the cells. */
export const PAINT_SHARE = 4;
/** Repaint interval before any paint was measured (the fixed interval this replaces). */
export const DEFAULT_DRAG_PAINT_MS = 700;
/** Bounds: no faster than a smooth drag needs, no slower than a drag can wait for a sign of life. */
export const MIN_DRAG_PAINT_MS = 120;
export const MAX_DRAG_PAINT_MS = 1500;
/** Weight of the newest measurement in the running mean (one odd frame should not swing the pace). */
const NEWEST_WEIGHT = 0.5;

/** What the pace needs of MapLibre's map: the event after a frame's drawing calls. */
export interface RenderEvents {
  once(type: 'render', listener: () => void): unknown;
}

export interface Clock {
  now(): number;
  /** The next animation frame: it comes only once the frame before it has been shown. */
  nextFrame(callback: () => void): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  nextFrame: (callback) => requestAnimationFrame(() => callback()),
};

export class FramePace {
  /** Running mean of paint → frame shown, ms; null before the first measurement. */
  private meanMs: number | null = null;
  private measuring = false;

  constructor(
    private readonly map: RenderEvents,
    private readonly clock: Clock = browserClock,
  ) {}

  /** Milliseconds from a paint to the frame after it, on average (null when none measured yet). */
  get frameMs(): number | null {
    return this.meanMs;
  }

  /** The least time between two paints of a drag, ms. */
  dragPaintMs(): number {
    if (this.meanMs === null) return DEFAULT_DRAG_PAINT_MS;
    return Math.min(MAX_DRAG_PAINT_MS, Math.max(MIN_DRAG_PAINT_MS, PAINT_SHARE * this.meanMs));
  }

  /**
   * Measures the paint begun at `startedAt` (clock ms): until the map has drawn
   * it and the next animation frame has come. One measurement at a time.
   */
  measure(startedAt: number): void {
    if (this.measuring) return;
    this.measuring = true;
    this.map.once('render', () =>
      this.clock.nextFrame(() => {
        this.measuring = false;
        const ms = this.clock.now() - startedAt;
        this.meanMs = this.meanMs === null ? ms : NEWEST_WEIGHT * ms + (1 - NEWEST_WEIGHT) * this.meanMs;
      }),
    );
  }
}
