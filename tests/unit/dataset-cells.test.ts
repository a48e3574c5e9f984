/**
 * A dataset's cells cross the worker boundary as H3 halves: the strings made
 * from them on the page are h3-js's own, and the strings never travel.
 */
import { cellToChildren, h3IndexToSplitLong, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3HalvesOf, h3OfHalves, resolutionOfHigh } from '../../src/core/h3-bits.ts';
import { withCellIds } from '../../src/worker/dataset-cells.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

// cells at several resolutions and base cells, including one whose low half has its top bit set
const cells = [latLngToCell(25.32, 118.29, 9), latLngToCell(-33.9, 151.2, 12), latLngToCell(64.1, -21.9, 5), latLngToCell(0, 0, 0), ...cellToChildren(latLngToCell(25.32, 118.29, 7), 9)];

describe('H3 halves', () => {
  it('are h3-js\'s split longs [low, high], and turn back into the same strings', () => {
    const halves = h3HalvesOf(cells);
    cells.forEach((c, i) => expect([halves[2 * i], halves[2 * i + 1]]).toEqual(h3IndexToSplitLong(c)));
    expect(cells.some((_, i) => halves[2 * i] >= 2 ** 31)).toBe(true);
    expect(h3OfHalves(halves)).toEqual(cells);
    expect(h3OfHalves(new Uint32Array(0))).toEqual([]);
  });

  it('carry the resolution in the high half', () => {
    const halves = h3HalvesOf(cells);
    expect(cells.map((_, i) => resolutionOfHigh(halves[2 * i + 1]))).toEqual([9, 12, 5, 0, ...new Array(49).fill(9)]);
  });
});

describe('a dataset\'s strings', () => {
  it('are made from the halves on first read, once, and are left out of a clone and a spread', () => {
    const dataset = withCellIds({ h3Halves: h3HalvesOf(cells), population: new Float64Array(cells.length) } as never) as { h3: string[]; h3Halves: Uint32Array };
    expect(Object.keys(dataset)).not.toContain('h3');
    expect(structuredClone(dataset)).not.toHaveProperty('h3');
    expect({ ...dataset }).not.toHaveProperty('h3');
    expect(dataset.h3).toEqual(cells);
    expect(dataset.h3).toBe(dataset.h3);
  });

  it('of a region the worker opened: the grid\'s own list, while what is posted holds halves only', async () => {
    const { service } = demoService();
    const dataset = await openDemo(service, '350525');
    expect(dataset.h3).toBe(service.region().cells.h3);
    const posted = structuredClone(dataset);
    expect(posted).not.toHaveProperty('h3');
    expect(h3OfHalves(posted.h3Halves)).toEqual(dataset.h3);
    expect(withCellIds(posted).h3).toEqual(dataset.h3);
  });
});
