/**
 * The drag's repaint pace follows the frame time measured on the machine:
 * paint → the map's render → the next animation frame, a running mean, times
 * PAINT_SHARE, within bounds. A fake map and clock make every figure countable.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAG_PAINT_MS, FramePace, MAX_DRAG_PAINT_MS, MIN_DRAG_PAINT_MS, PAINT_SHARE } from '../../src/map/frame-pace.ts';

function fakes() {
  let t = 0;
  const renders: (() => void)[] = [];
  const frames: (() => void)[] = [];
  const map = { once: (_type: 'render', listener: () => void) => renders.push(listener) };
  const clock = { now: () => t, nextFrame: (callback: () => void) => frames.push(callback) };
  /** The map draws at `renderAt`, the next frame comes at `frameAt`. */
  const frame = (renderAt: number, frameAt: number) => {
    t = renderAt;
    renders.splice(0).forEach((f) => f());
    t = frameAt;
    frames.splice(0).forEach((f) => f());
  };
  return { map, clock, frame, renders, setNow: (ms: number) => (t = ms) };
}

describe('FramePace', () => {
  it('keeps the old fixed 700 ms until a paint has been measured', () => {
    const { map, clock } = fakes();
    const pace = new FramePace(map, clock);
    expect(pace.frameMs).toBeNull();
    expect(pace.dragPaintMs()).toBe(DEFAULT_DRAG_PAINT_MS);
    expect(DEFAULT_DRAG_PAINT_MS).toBe(700);
  });

  it('a 300 ms software frame: paints at most every 4 × 300 = 1,200 ms', () => {
    const { map, clock, frame, setNow } = fakes();
    const pace = new FramePace(map, clock);
    setNow(1000);
    pace.measure(1000);
    // nothing measured before the frame after the render has come
    expect(pace.frameMs).toBeNull();
    frame(1040, 1300);
    expect(pace.frameMs).toBe(300);
    expect(PAINT_SHARE).toBe(4);
    expect(pace.dragPaintMs()).toBe(1200);
  });

  it('a running mean: 300 then 100 ms gives 200 ms, so 800 ms between paints', () => {
    const { map, clock, frame } = fakes();
    const pace = new FramePace(map, clock);
    pace.measure(0);
    frame(20, 300);
    pace.measure(5000);
    frame(5010, 5100);
    expect(pace.frameMs).toBe(200);
    expect(pace.dragPaintMs()).toBe(800);
  });

  it('a GPU frame of 10 ms is held to the lower bound, a 1 s frame to the upper one', () => {
    const fast = fakes();
    const quick = new FramePace(fast.map, fast.clock);
    quick.measure(0);
    fast.frame(5, 10);
    expect(quick.dragPaintMs()).toBe(MIN_DRAG_PAINT_MS);
    const slow = fakes();
    const sluggish = new FramePace(slow.map, slow.clock);
    sluggish.measure(0);
    slow.frame(100, 1000);
    expect(sluggish.dragPaintMs()).toBe(MAX_DRAG_PAINT_MS);
  });

  it('one measurement at a time: a paint while one is measured is not counted twice', () => {
    const { map, clock, frame, renders } = fakes();
    const pace = new FramePace(map, clock);
    pace.measure(0);
    pace.measure(50);
    expect(renders).toHaveLength(1);
    frame(60, 250);
    // the first paint's time (250), not the second's (200), and not both
    expect(pace.frameMs).toBe(250);
    pace.measure(1000);
    expect(renders).toHaveLength(1);
  });
});
