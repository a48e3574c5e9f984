import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../src/io/gcj02.ts';
import { mulberry32 } from '../helpers/random.ts';

describe('GCJ-02 → WGS84 without gcoord.transform', () => {
  it("gives gcoord's own numbers, to the last bit, across China and outside its box", () => {
    const rnd = mulberry32(2);
    const points: [number, number][] = [[118.1672, 25.3072], [72.003, 30], [2.17, 41.39], [-120, 37], [0, 0]];
    // away from the box's edges, where gcoord's own loop can fail to end
    for (let i = 0; i < 5000; i++) points.push([73 + rnd() * 64, 2 + rnd() * 53]);
    for (const [lng, lat] of points) expect(gcj02ToWgs84(lng, lat)).toEqual(gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84));
  });

  it('moves a Yongchun point by the known few hundred metres (≈ −0.0049°, +0.0027°)', () => {
    const [lng, lat] = gcj02ToWgs84(118.1672, 25.3072);
    expect(lng - 118.1672).toBeCloseTo(-0.0049, 3);
    expect(lat - 25.3072).toBeCloseTo(0.0027, 3);
  });

  it("ends at the corner of China's box, where the guess steps in and out of it (gcoord's loop never ends there)", () => {
    const [lng, lat] = gcj02ToWgs84(72.004, 0.8293);
    expect(Math.abs(lng - 72.004)).toBeLessThan(0.01);
    expect(Math.abs(lat - 0.8293)).toBeLessThan(0.01);
  });
});
