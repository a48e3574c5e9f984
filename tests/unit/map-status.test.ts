/**
 * Repainting only what changed: a result marks the cells whose status or
 * circle membership differ from what the map shows.
 */
import { describe, expect, it } from 'vitest';
import { CellStateTracker, commonBaseline } from '../../src/map/status-diff.ts';

const u8 = (...v: number[]) => Uint8Array.from(v);

describe('cell status diff', () => {
  it('the first result paints only cells that are not covered-and-outside-the-circle', () => {
    const t = new CellStateTracker(5);
    expect([...t.update(u8(0, 2, 1, 0, 0), u8(0, 0, 0, 1, 0))]).toEqual([1, 2, 3]);
    expect([t.statusOf(1), t.statusOf(2), t.insideOf(3)]).toEqual([2, 1, 1]);
  });

  it('a moved station that turns one gap cell covered repaints that cell only', () => {
    const t = new CellStateTracker(4);
    t.update(u8(2, 2, 0, 1), u8(0, 0, 1, 0));
    expect([...t.update(u8(2, 0, 0, 1), u8(0, 0, 1, 0))]).toEqual([1]);
    expect([...t.update(u8(2, 0, 0, 1), u8(0, 0, 1, 0))]).toEqual([]);
  });

  it('leaving the emergency circle alone is a change too', () => {
    const t = new CellStateTracker(2);
    t.update(u8(0, 0), u8(1, 1));
    expect([...t.update(u8(0, 0), u8(1, 0))]).toEqual([1]);
    expect(t.insideOf(1)).toBe(0);
  });

  it('the baseline is the most common status and circle flag, so a mostly-gap city paints its few covered cells', () => {
    const status = u8(2, 2, 2, 0, 1);
    const circle = u8(0, 0, 0, 1, 0);
    const baseline = commonBaseline(status, circle);
    expect(baseline).toEqual({ status: 2, inside: 0 });
    expect([...new CellStateTracker(5, baseline).update(status, circle)]).toEqual([3, 4]);
    expect(commonBaseline(u8(0, 0, 2), u8(1, 1, 0))).toEqual({ status: 0, inside: 1 });
  });

  it('refuses a result for another number of cells (e.g. from before a region switch)', () => {
    expect(() => new CellStateTracker(3).update(u8(0, 0), u8(0, 0))).toThrow('Got a result for 2 cells (2 circle flags) when the map has 3.');
  });

  it('diffs all of Quanzhou (118k cells) in a few milliseconds', () => {
    const n = 118_000;
    const t = new CellStateTracker(n);
    const status = new Uint8Array(n).fill(2);
    const circle = new Uint8Array(n);
    t.update(status, circle);
    for (let i = 5000; i < 5400; i++) status[i] = 0;
    const t0 = performance.now();
    const changed = t.update(status, circle);
    const ms = performance.now() - t0;
    expect(changed.length).toBe(400);
    expect(ms).toBeLessThan(50);
  });
});
