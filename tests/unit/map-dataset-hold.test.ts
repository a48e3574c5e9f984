/**
 * A new region's drawing is held until the frame after its first figures
 * (or DATASET_LATEST_MS): a fake scheduler runs timers and frames by hand.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_LATEST_MS, DatasetHold } from '../../src/map/dataset-hold.ts';

function fakeScheduler() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let frames: (() => void)[] = [];
  let next = 1;
  return {
    scheduler: {
      setTimeout: (callback: () => void, ms: number) => {
        const id = next++;
        timers.push({ at: now + ms, callback, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        timers = timers.filter((t) => t.id !== id);
      },
      nextFrame: (callback: () => void) => frames.push(callback),
    },
    /** Runs timers due by `ms` from now. */
    advance(ms: number) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) return;
        timers = timers.filter((t) => t !== due);
        due.callback();
      }
    },
    frame() {
      const run = frames;
      frames = [];
      run.forEach((f) => f());
    },
  };
}

describe('DatasetHold', () => {
  it('releases in the task after the frame that shows the first result, not before', () => {
    const fake = fakeScheduler();
    let released = 0;
    const hold = new DatasetHold(() => released++, fake.scheduler);
    hold.hold(7);
    expect(hold.holding).toBe(true);
    hold.resultShown(7);
    fake.advance(0);
    // the figures' frame has not come yet: still held
    expect(released).toBe(0);
    expect(hold.take()).toBe(false);
    fake.frame();
    expect(released).toBe(0);
    fake.advance(0);
    expect(released).toBe(1);
    expect(hold.holding).toBe(false);
    expect(hold.take()).toBe(true);
    // once
    expect(hold.take()).toBe(false);
    fake.advance(DATASET_LATEST_MS);
    expect(released).toBe(1);
  });

  it('a result of another dataset does not release it; without any result it is drawn after DATASET_LATEST_MS', () => {
    const fake = fakeScheduler();
    let released = 0;
    const hold = new DatasetHold(() => released++, fake.scheduler);
    hold.hold(3);
    hold.resultShown(2);
    fake.frame();
    fake.advance(DATASET_LATEST_MS - 1);
    expect(released).toBe(0);
    fake.advance(1);
    expect(released).toBe(1);
    expect(hold.take()).toBe(true);
  });

  it('a newer dataset cancels the older one: the old release never fires', () => {
    const fake = fakeScheduler();
    const releases: boolean[] = [];
    const hold = new DatasetHold(() => releases.push(true), fake.scheduler);
    hold.hold(1);
    hold.resultShown(1);
    hold.hold(2);
    fake.frame();
    fake.advance(0);
    expect(releases).toEqual([]);
    expect(hold.holding).toBe(true);
    hold.resultShown(2);
    fake.frame();
    fake.advance(0);
    expect(releases).toEqual([true]);
    expect(hold.take()).toBe(true);
  });
});
