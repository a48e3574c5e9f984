/**
 * The map's cache of built cell layers: a dataset that comes back (a new
 * object with the same cells) gets the same hexagons without a rebuild, equal
 * to a fresh build; other cells or other populations are built anew.
 */
import { cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { CellLayerCache, cellContentKey } from '../../src/map/cell-layer-cache.ts';
import { aggregateParents, buildCellLayer, buildParentFeatures } from '../../src/map/cells.ts';

// two res-7 parents' worth of res-9 cells near 桃城镇, Yongchun
const seat = latLngToCell(25.32, 118.29, 9);
const first = cellToChildren(cellToParent(seat, 7), 9);
const other = cellToChildren(cellToParent(latLngToCell(25.5, 118.0, 9), 7), 9);
const list = [...first, ...other].sort();
const h3 = h3HalvesOf(list);
const population = Float64Array.from(list, (_, i) => (i * 7) % 13);
const firstHalves = h3HalvesOf(first);

describe('the cell layer cache', () => {
  it('answers a returning dataset (new arrays, same content) with the layers first built, equal to a fresh build', () => {
    const cache = new CellLayerCache();
    const a = cache.get(h3, population);
    const b = cache.get(h3.slice(), population.slice());
    expect(cache.builds).toBe(1);
    expect(cache.hits).toBe(1);
    expect(b).toBe(a);
    // the cell list of the first build, so indexes kept per list are found again
    expect(b.h3Halves).toBe(h3);
    const fresh = buildCellLayer(h3, population);
    expect(b.cells).toEqual(fresh);
    expect(b.parents).toEqual(buildParentFeatures(aggregateParents(h3, population, fresh.areaKm2, 7)));
    expect(b.parents.features).toHaveLength(2);
  });

  it('builds anew for other cells or another population, and drops the least recently used', () => {
    const cache = new CellLayerCache(2);
    cache.get(h3, population);
    const changed = population.slice();
    changed[3] += 1;
    cache.get(h3, changed);
    cache.get(firstHalves, population.slice(0, first.length));
    expect(cache.builds).toBe(3);
    // the first was used longest ago, so it was dropped
    cache.get(h3, population);
    expect(cache.builds).toBe(4);
    expect(cache.get(h3HalvesOf(first), population.slice(0, first.length)).h3Halves).toBe(firstHalves);
    expect(cache.hits).toBe(1);
  });

  it('keys by content: order, cells and fractional populations all count', () => {
    expect(cellContentKey(h3, population)).toBe(cellContentKey(h3.slice(), Float64Array.from(population)));
    expect(cellContentKey(h3, population)).not.toBe(cellContentKey(h3HalvesOf([...list].reverse()), population));
    const half = population.slice();
    half[0] += 0.5;
    expect(cellContentKey(h3, half)).not.toBe(cellContentKey(h3, population));
    expect(() => new CellLayerCache(0)).toThrow('Got a cell layer cache capacity of 0 when expected at least 1.');
  });
});
