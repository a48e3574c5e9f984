import { describe, expect, it } from 'vitest';
import { createHistory } from '../../src/app/history.ts';

/** A scenario stand-in: where one station is, and the rural radius. */
interface Snap {
  lng: number;
  radiusKm: number;
}

/** Applies edits the way the store will: push the state before, then change it. */
function editor(limit = 100, coalesceMs = 1000) {
  let clock = 0;
  const history = createHistory<Snap>(limit, { coalesceMs, now: () => clock });
  let state: Snap = { lng: 118, radiusKm: 10 };
  return {
    history,
    get state() {
      return state;
    },
    edit(change: Partial<Snap>, key?: string, msLater = 0) {
      clock += msLater;
      history.push(state, key);
      state = { ...state, ...change };
    },
    undo() {
      const previous = history.undo(state);
      if (previous) state = previous;
      return previous !== null;
    },
    redo() {
      const next = history.redo(state);
      if (next) state = next;
      return next !== null;
    },
  };
}

describe('undo/redo history', () => {
  it('undo walks back through every edit and redo walks forward to the same states', () => {
    const e = editor();
    const seen: Snap[] = [e.state];
    for (const radiusKm of [12, 15, 20]) {
      e.edit({ radiusKm });
      seen.push(e.state);
    }
    expect(e.history.size).toEqual({ undo: 3, redo: 0 });
    for (let k = 2; k >= 0; k--) {
      expect(e.undo()).toBe(true);
      expect(e.state).toEqual(seen[k]);
    }
    expect(e.history.canUndo()).toBe(false);
    expect(e.undo()).toBe(false);
    expect(e.state).toEqual(seen[0]);
    for (let k = 1; k <= 3; k++) {
      expect(e.redo()).toBe(true);
      expect(e.state).toEqual(seen[k]);
    }
    expect(e.history.canRedo()).toBe(false);
    expect(e.redo()).toBe(false);
  });

  it('a new edit after undo forgets the undone branch', () => {
    const e = editor();
    e.edit({ radiusKm: 12 });
    e.edit({ radiusKm: 15 });
    e.undo();
    expect(e.history.canRedo()).toBe(true);
    e.edit({ radiusKm: 20 });
    expect(e.history.canRedo()).toBe(false);
    e.undo();
    expect(e.state.radiusKm).toBe(12);
  });

  it('one drag (60 moves, 16 ms apart, same key) is one undo step back to before the drag', () => {
    const e = editor();
    for (let k = 1; k <= 60; k++) e.edit({ lng: 118 + k / 1000 }, 'move:yc-dapu', 16);
    expect(e.state.lng).toBeCloseTo(118.06, 10);
    expect(e.history.size.undo).toBe(1);
    e.undo();
    expect(e.state).toEqual({ lng: 118, radiusKm: 10 });
    e.redo();
    expect(e.state.lng).toBeCloseTo(118.06, 10);
  });

  it('two drags of the same station with a pause between are two steps; seal() splits them without a pause', () => {
    const e = editor();
    e.edit({ lng: 118.1 }, 'move:a', 0);
    e.edit({ lng: 118.2 }, 'move:a', 16);
    e.edit({ lng: 118.3 }, 'move:a', 5000);
    expect(e.history.size.undo).toBe(2);
    e.history.seal();
    e.edit({ lng: 118.4 }, 'move:a', 16);
    expect(e.history.size.undo).toBe(3);
    e.undo();
    expect(e.state.lng).toBe(118.3);
  });

  it('different keys, or no key, never coalesce; nor does an edit after an undo', () => {
    const e = editor();
    e.edit({ lng: 118.1 }, 'move:a', 10);
    e.edit({ lng: 118.2 }, 'move:b', 10);
    e.edit({ radiusKm: 12 }, undefined, 10);
    e.edit({ radiusKm: 13 }, undefined, 10);
    expect(e.history.size.undo).toBe(4);
    e.undo();
    e.edit({ lng: 119 }, 'move:b', 10);
    e.edit({ lng: 119.1 }, 'move:b', 10);
    expect(e.history.size.undo).toBe(4);
    e.undo();
    expect(e.state).toEqual({ lng: 118.2, radiusKm: 12 });
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const e = editor(3);
    for (let r = 11; r <= 15; r++) e.edit({ radiusKm: r });
    expect(e.history.size.undo).toBe(3);
    while (e.undo());
    expect(e.state.radiusKm).toBe(12);
  });

  it('clear forgets both directions', () => {
    const e = editor();
    e.edit({ radiusKm: 12 });
    e.edit({ radiusKm: 13 });
    e.undo();
    e.history.clear();
    expect([e.history.canUndo(), e.history.canRedo()]).toEqual([false, false]);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createHistory(0)).toThrow('History limit must be a positive integer, got 0.');
  });
});
