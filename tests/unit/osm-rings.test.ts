/** Ring assembly for OSM boundary relations (scripts/data/rings.ts), on ways drawn by hand. */
import { describe, expect, it } from 'vitest';
import { assembleRings } from '../../scripts/data/rings.ts';

const sameRing = (ring: number[], expected: number[]) => {
  // a ring may start anywhere and run either way: compare as cycles
  const body = ring.slice(0, -1);
  const want = expected.slice(0, -1);
  const start = body.indexOf(want[0]);
  const rotated = [...body.slice(start), ...body.slice(0, start)];
  const reversed = [rotated[0], ...rotated.slice(1).reverse()];
  expect([rotated, reversed]).toContainEqual(want);
  expect(ring[0]).toBe(ring[ring.length - 1]);
};

describe('assembling rings from boundary ways', () => {
  it('chains three ways given out of order and one reversed into the square 1-2-3-4', () => {
    const rings = assembleRings([[3, 4], [1, 2, 3], [1, 4]], 'square');
    expect(rings).toHaveLength(1);
    sameRing(rings[0], [1, 2, 3, 4, 1]);
  });

  it('keeps two separate islands as two rings, and a way that is already closed as is', () => {
    const rings = assembleRings([[10, 11, 12], [1, 2, 3, 1], [12, 13, 10]], 'islands');
    expect(rings).toHaveLength(2);
    const byFirst = rings.sort((a, b) => Math.min(...a) - Math.min(...b));
    sameRing(byFirst[0], [1, 2, 3, 1]);
    sameRing(byFirst[1], [10, 11, 12, 13, 10]);
  });

  it('refuses ways with a gap, naming the relation and the open end', () => {
    expect(() => assembleRings([[1, 2, 3], [4, 5, 1]], 'Andorra')).toThrow(/Andorra: .*open end at node (3|4|5)/);
  });
});
