/** The snapshot's scale bar: metres per pixel of the printed map and nice lengths, worked by hand. */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, metresPerPixel, niceLength, scaleBar, tickLabel } from '../../src/export/snapshot/scale-bar.ts';

describe('metres per pixel of a Web Mercator map', () => {
  it('at the equator, zoom 0, one of 512 px spans 2π × 6,371,008.8 m / 512 = 78,184.0 m', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_M) / 512, 6);
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_184.04, 1);
  });

  it('halves per zoom level and per doubling of the pixel ratio; shrinks with cos(latitude)', () => {
    const equator = metresPerPixel(0, 10);
    expect(metresPerPixel(0, 11)).toBeCloseTo(equator / 2, 9);
    expect(metresPerPixel(0, 10, 2)).toBeCloseTo(equator / 2, 9);
    expect(metresPerPixel(60, 10)).toBeCloseTo(equator / 2, 9);
  });

  it('Yongchun (25.3°N) at zoom 9.3, printed at 300 dpi (ratio 3.125): about 35.9 m per printed pixel', () => {
    const m = metresPerPixel(25.3, 9.3, 3.125);
    // 78,184.0 × cos 25.3° / 2^9.3 / 3.125 = 78,183.9 × 0.9041 / 630.35 / 3.125
    expect(m).toBeCloseTo((78_184.04 * Math.cos((25.3 * Math.PI) / 180)) / 2 ** 9.3 / 3.125, 3);
    expect(m).toBeGreaterThan(35);
    expect(m).toBeLessThan(36);
  });
});

describe('nice scale-bar lengths (1, 2 or 5 × 10ⁿ m, never longer than the room)', () => {
  it.each([
    [7300, 5000],
    [5000, 5000],
    [4999, 2000],
    [1999, 1000],
    [1000, 1000],
    [999, 500],
    [20, 20],
    [27_000, 20_000],
    [123_456, 100_000],
  ])('%d m of room → %d m', (room, nice) => {
    expect(niceLength(room)).toBe(nice);
  });

  it('refuses no room', () => {
    expect(() => niceLength(0)).toThrow(/positive length/);
  });

  it('a bar of at most 300 px at 10 m/px is 2 km (200 px) in quarters', () => {
    expect(scaleBar(10, 300)).toEqual({ metres: 2000, px: 200, segments: 4, unit: 'km' });
  });

  it('5 km splits in fifths, 1 km in halves, 500 m is labelled in metres', () => {
    expect(scaleBar(10, 700)).toMatchObject({ metres: 5000, segments: 5 });
    expect(scaleBar(10, 150)).toMatchObject({ metres: 1000, segments: 2, unit: 'km' });
    expect(scaleBar(1, 700)).toMatchObject({ metres: 500, px: 500, segments: 5, unit: 'm' });
  });

  it('tick labels in the bar unit', () => {
    expect(tickLabel(2500, 'km')).toBe('2.5');
    expect(tickLabel(20000, 'km')).toBe('20');
    expect(tickLabel(500, 'm')).toBe('500');
  });
});
