/**
 * Display cells: one hexagon per grid cell keyed by its index, parents that
 * sum their children's population, densities per km².
 */
import { cellArea, cellToBoundary, cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { aggregateParents, buildCellLayer, buildParentFeatures, cellFinder, ringAreaKm2 } from '../../src/map/cells.ts';

// 桃城镇, Yongchun
const seat = latLngToCell(25.32, 118.29, 9);
const parent = cellToParent(seat, 7);
const children = cellToChildren(parent, 9);

describe('cell polygons', () => {
  it('feature id is the cell index and density is people per km² of that cell', () => {
    const h3 = [seat, children.find((c) => c !== seat)!];
    const { cells, areaKm2 } = buildCellLayer(h3HalvesOf(h3), Float64Array.of(100, 0));
    expect(cells.features.map((f) => f.id)).toEqual([0, 1]);
    expect(areaKm2[0]).toBeCloseTo(cellArea(seat, 'km2'), 6);
    expect(cells.features[0].properties.density).toBe(Math.round(100 / cellArea(seat, 'km2')));
    expect(cells.features[1].properties.density).toBe(0);
    // a hexagon ring, closed, [lng, lat]
    // the cell's own closed hexagon, [lng, lat]
    const ring = cells.features[0].geometry.coordinates[0];
    expect(ring).toEqual(cellToBoundary(seat, true));
    expect(ring.length).toBe(7);
    expect(ring[0]).toEqual(ring[6]);
  });

  it('bounds enclose every vertex and nothing more', () => {
    const { bounds } = buildCellLayer(h3HalvesOf(children), new Float64Array(children.length));
    const all = children.flatMap((c) => cellToBoundary(c, true));
    expect(bounds).toEqual([
      Math.min(...all.map((p) => p[0])),
      Math.min(...all.map((p) => p[1])),
      Math.max(...all.map((p) => p[0])),
      Math.max(...all.map((p) => p[1])),
    ]);
    expect(buildCellLayer(h3HalvesOf([]), []).bounds).toBeNull();
  });

  it('refuses population arrays of another length', () => {
    expect(() => buildCellLayer(h3HalvesOf([seat]), [])).toThrow('Got 0 population values for 1 cells.');
  });

  it('ring area on the sphere matches h3 cellArea', () => {
    for (const h of [seat, parent, cellToParent(seat, 5)]) {
      expect(ringAreaKm2(cellToBoundary(h, true)) / cellArea(h, 'km2')).toBeCloseTo(1, 5);
    }
  });
});

describe('parent cells for low zoom', () => {
  it('49 children of 1 resident each make one parent of 49 residents', () => {
    expect(children.length).toBe(49);
    const area = children.map((c) => cellArea(c, 'km2'));
    const parents = aggregateParents(h3HalvesOf(children), new Float64Array(49).fill(1), area, 7);
    expect(parents).toHaveLength(1);
    expect(parents[0].h3).toBe(parent);
    expect(parents[0].population).toBe(49);
    expect(parents[0].children).toBe(49);
    expect(parents[0].areaKm2).toBeCloseTo(area.reduce((a, b) => a + b, 0), 9);
  });

  it('cells of two parents sum separately, in order of first appearance', () => {
    const other = cellToChildren(cellToParent(latLngToCell(25.0, 118.5, 9), 7), 9).slice(0, 3);
    const h3 = [children[0], other[0], children[1], other[1], other[2]];
    const parents = aggregateParents(h3HalvesOf(h3), Float64Array.of(10, 1, 20, 2, 3), new Float64Array(5).fill(0.1), 7);
    expect(parents.map((p) => [p.population, p.children])).toEqual([
      [30, 2],
      [6, 3],
    ]);
  });

  it('parent density is over the children present, so a half-filled parent is not diluted', () => {
    const half = children.slice(0, 20);
    const area = half.map((c) => cellArea(c, 'km2'));
    const [p] = aggregateParents(h3HalvesOf(half), new Float64Array(20).fill(50), area, 7);
    const f = buildParentFeatures([p]).features[0];
    expect(f.properties.population).toBe(1000);
    expect(f.properties.density).toBe(Math.round(1000 / area.reduce((a, b) => a + b, 0)));
    expect(f.geometry.coordinates[0]).toEqual(cellToBoundary(parent, true));
  });

  it('refuses cells coarser than the parent resolution', () => {
    expect(() => aggregateParents(h3HalvesOf([cellToParent(seat, 6)]), [1], [1], 7)).toThrow(/coarser than the parent resolution 7/);
  });
});

describe('finding a cell by its H3 index', () => {
  it('works on H3-ordered cells (binary search) and on any order (map)', () => {
    const sorted = [...children].sort();
    const find = cellFinder(h3HalvesOf(sorted));
    sorted.forEach((h, i) => expect(find(h)).toBe(i));
    expect(find(parent)).toBeUndefined();
    const shuffled = [sorted[5], sorted[0], sorted[9]];
    expect(cellFinder(h3HalvesOf(shuffled))(sorted[0])).toBe(1);
    expect(cellFinder(h3HalvesOf(shuffled))(sorted[1])).toBeUndefined();
    expect(cellFinder(h3HalvesOf([]))(parent)).toBeUndefined();
  });
});
