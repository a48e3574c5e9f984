/**
 * Weighted response-time fractiles on hand-made distributions: shares, curve,
 * median and 90th percentile worked out by hand, nulls when the unreached
 * hold the percentile.
 */
import { describe, expect, it } from 'vitest';
import { groupFractiles, minuteBins } from '../../src/core/ems/fractiles.ts';

const HORIZON = 60;

/** Fractiles of one group of cells with these minutes and weights. */
function one(minutes: number[], weights: number[], target = 15) {
  const m = Float64Array.from(minutes);
  return groupFractiles(m, minuteBins(m, HORIZON), Float64Array.from(weights), HORIZON, null, 1, target)[0];
}

describe('minute bins', () => {
  it('put minutes in the tenth of a minute at or above them and mark the unreached (Infinity, NaN, beyond the horizon) with −1', () => {
    expect([...minuteBins(Float64Array.of(0, 7.43, 7.5, 7.51, 60, 60.05, Infinity, NaN), HORIZON)]).toEqual([0, 75, 75, 76, 600, -1, -1, -1]);
  });
});

describe('fractiles of one distribution', () => {
  // weights 10, 20, 30, 30, 10 at 1, 3, 4.2, 9, 12 minutes: cumulative 10, 30, 60, 90, 100
  const f = one([1, 3, 4.2, 9, 12], [10, 20, 30, 30, 10]);

  it('the median is the minutes by which half the weight (50) is reached: 4.2; the 90th percentile (90): 9', () => {
    expect(f.medianMinutes).toBe(4.2);
    expect(f.p90Minutes).toBe(9);
    expect(f.weight).toBe(100);
    expect(f.unreached).toBe(0);
  });

  it('the curve at whole minutes: 0 at 0, 0.1 at 1, 0.3 at 3 and 4, 0.6 at 5, 0.9 at 9, 1 from 12', () => {
    expect(f.curve).toHaveLength(61);
    expect(f.curve.slice(0, 13).map((s) => Math.round(s * 100) / 100)).toEqual([0, 0.1, 0.1, 0.3, 0.3, 0.6, 0.6, 0.6, 0.6, 0.9, 0.9, 0.9, 1]);
    expect(f.curve[60]).toBe(1);
  });

  it('the share within the target counts minutes up to and including it', () => {
    expect(f.withinTarget).toBe(1);
    expect(one([1, 3, 4.2, 9, 12], [10, 20, 30, 30, 10], 4).withinTarget).toBeCloseTo(0.3, 12);
    expect(one([1, 3, 4.2, 9, 12], [10, 20, 30, 30, 10], 9).withinTarget).toBeCloseTo(0.9, 12);
  });

  it('percentiles are the exact minutes of a cell, also when several cells share a tenth of a minute', () => {
    // 7.41 (1), 7.43 (1), 7.47 (2): all in the bin (7.4, 7.5]; half (2) reached at 7.43, 90 % (3.6) at 7.47
    const f = one([7.47, 7.41, 7.43], [2, 1, 1]);
    expect(f.medianMinutes).toBe(7.43);
    expect(f.p90Minutes).toBe(7.47);
    expect(f.withinTarget).toBe(1);
    expect(one([7.47, 7.41, 7.43], [2, 1, 1], 7.4).withinTarget).toBe(0);
  });

  it('the same as a full sort on a random distribution (the naive way, by hand)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const minutes = Array.from({ length: 500 }, () => (rand() < 0.1 ? Infinity : rand() * 70));
    const weights = Array.from({ length: 500 }, () => Math.floor(rand() * 100));
    const f = one(minutes, weights);
    const order = minutes.map((_, i) => i).sort((a, b) => minutes[a] - minutes[b] || a - b);
    const total = weights.reduce((s, w) => s + w, 0);
    let cum = 0;
    let median: number | null = null;
    let p90: number | null = null;
    for (const i of order) {
      if (!(minutes[i] <= 60) || weights[i] === 0) continue;
      cum += weights[i];
      if (median === null && cum >= 0.5 * total) median = minutes[i];
      if (p90 === null && cum >= 0.9 * total) p90 = minutes[i];
    }
    expect([f.medianMinutes, f.p90Minutes]).toEqual([median, p90]);
    expect(f.unreached).toBe(total - cum);
  });
});

describe('the not reached', () => {
  it('a percentile that falls among them is null; the share counts them in the denominator', () => {
    // 100 at 2, 300 at 7.5, 400 at 20, 200 not reached: 500 reached by 20 min, 900 never
    const f = one([2, 7.5, 20, Infinity], [100, 300, 400, 200]);
    expect(f.medianMinutes).toBe(20);
    expect(f.p90Minutes).toBeNull();
    expect(f.unreached).toBe(200);
    expect(f.withinTarget).toBeCloseTo(0.4, 12);
    expect(f.curve[60]).toBeCloseTo(0.8, 12);
  });

  it('when most of the weight is not reached the median is null too', () => {
    const f = one([5, Infinity, 70], [40, 30, 30]);
    expect(f.medianMinutes).toBeNull();
    expect(f.p90Minutes).toBeNull();
    expect(f.unreached).toBe(60);
  });

  it('a group with no weight has no percentiles and shares of 0', () => {
    const f = one([5], [0]);
    expect([f.weight, f.withinTarget, f.medianMinutes, f.p90Minutes, f.curve[60]]).toEqual([0, 0, null, null, 0]);
  });
});

describe('groups', () => {
  it('each group gets its own figures, cells of group −1 count in none', () => {
    const m = Float64Array.of(2, 10, 4, 30, 1);
    const [a, b] = groupFractiles(m, minuteBins(m, HORIZON), Float64Array.of(1, 3, 2, 2, 50), HORIZON, Int32Array.of(0, 0, 1, 1, -1), 2, 15);
    expect([a.weight, a.medianMinutes, a.p90Minutes, a.withinTarget]).toEqual([4, 10, 10, 1]);
    expect([b.weight, b.medianMinutes, b.p90Minutes, b.withinTarget]).toEqual([4, 4, 30, 0.5]);
  });
});
