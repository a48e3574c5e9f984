/**
 * Gap outlines from cancelling cell edges: hand-countable shapes (one hexagon,
 * a ring of six with a hole, an island inside a hole), and the Yongchun demo's
 * gap areas against h3's own cellsToMultiPolygon.
 */
import { cellsToMultiPolygon, cellToBoundary, gridDisk, gridRing, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { gapGroups } from '../../src/core/gaps.ts';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { makeRules } from '../../src/core/rules.ts';
import { CellOutliner } from '../../src/worker/gap-outline.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';

// 桃城镇, Yongchun
const seat = latLngToCell(25.32, 118.29, 9);

/** Twice the signed area of a closed ring (positive: counter-clockwise). */
const signed = (ring: number[][]) => ring.slice(0, -1).reduce((s, p, k) => s + p[0] * ring[k + 1][1] - ring[k + 1][0] * p[1], 0);

/** A ring as a comparable string: positions rounded to 1e-9°, started at the smallest, closing position dropped. */
function ringKey(ring: number[][]): string {
  const points = ring.slice(0, -1).map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`);
  const start = points.indexOf([...points].sort()[0]);
  return [...points.slice(start), ...points.slice(0, start)].join(' ');
}

/** A MultiPolygon as a sorted list of polygons, each its outer ring then its sorted holes. */
const shape = (polygons: number[][][][]) => polygons.map((p) => [ringKey(p[0]), ...p.slice(1).map(ringKey).sort()].join(' | ')).sort();

describe('outline of a group of cells', () => {
  const h3 = [...new Set([...gridDisk(seat, 3), latLngToCell(25.5, 118.0, 9)])].sort();
  const id = (cell: string) => h3.indexOf(cell);

  it('of one cell is its own hexagon, closed, counter-clockwise', () => {
    const polygons = new CellOutliner(h3HalvesOf(h3)).outline([id(seat)]);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(1);
    expect(ringKey(polygons[0][0])).toBe(ringKey(cellToBoundary(seat, true)));
    expect(polygons[0][0]).toHaveLength(7);
    expect(signed(polygons[0][0])).toBeGreaterThan(0);
  });

  it('of the six cells around a missing one is 18 outer edges around a 6-edge hole, the hole clockwise', () => {
    const polygons = new CellOutliner(h3HalvesOf(h3)).outline(gridRing(seat, 1).map(id));
    expect(polygons).toHaveLength(1);
    const [outer, hole, ...rest] = polygons[0];
    expect(rest).toHaveLength(0);
    expect(outer).toHaveLength(19);
    expect(hole).toHaveLength(7);
    expect(signed(outer)).toBeGreaterThan(0);
    expect(signed(hole)).toBeLessThan(0);
    // the hole is the missing cell's hexagon
    expect(ringKey([...hole].reverse())).toBe(ringKey(cellToBoundary(seat, true)));
  });

  it('of a cell inside a hole inside a ring is two polygons: the ring with its hole, and the island alone', () => {
    const cells = [seat, ...gridRing(seat, 2)].map(id);
    const polygons = new CellOutliner(h3HalvesOf(h3)).outline(cells);
    expect(polygons.map((p) => p.length).sort()).toEqual([1, 2]);
    const ring = polygons.find((p) => p.length === 2)!;
    // ring 2 has 12 cells: 30 outer edges, and ring 1's outline (18 edges) as the hole
    expect(ring[0]).toHaveLength(31);
    expect(ring[1]).toHaveLength(19);
    expect(shape([polygons.find((p) => p.length === 1)!])).toEqual(shape([[cellToBoundary(seat, true)]]));
  });

  it('of two cells apart is two hexagons, and a later group joining cells outlined before is one outline', () => {
    const far = latLngToCell(25.5, 118.0, 9);
    const outliner = new CellOutliner(h3HalvesOf(h3));
    expect(outliner.outline([id(seat), id(far)])).toHaveLength(2);
    // the neighbour's boundary is computed after the seat's: their shared edge must still cancel
    const neighbour = gridRing(seat, 1)[0];
    const pair = outliner.outline([id(seat), id(neighbour)]);
    expect(pair).toHaveLength(1);
    expect(pair[0]).toHaveLength(1);
    expect(pair[0][0]).toHaveLength(11);
    expect(shape(pair)).toEqual(shape(cellsToMultiPolygon([seat, neighbour], true)));
  });
});

describe('outlines of the Yongchun gap areas', async () => {
  const { service } = demoService();
  const dataset = await openDemo(service, '350525');
  // a 5 km rural radius (strict and lenient) leave many gap areas, with holes
  const rules = makeRules({ ruralStrictRadiusKm: 5, ruralLenientRadiusKm: 5 });
  service.evaluate(dataset.stations, rules, { seq: 1 });
  const engine = service.currentEngine();
  const groups = gapGroups(engine);

  it('are the polygons h3 makes of the same cells, group by group, including holes', () => {
    expect(groups.length).toBeGreaterThan(2);
    const outliner = new CellOutliner(engine.grid.h3Halves);
    let holes = 0;
    for (const g of groups) {
      const ours = outliner.outline(g.cells);
      holes += ours.reduce((s, p) => s + p.length - 1, 0);
      expect(shape(ours)).toEqual(shape(cellsToMultiPolygon([...g.cells].map((i) => engine.grid.h3[i]), true)));
    }
    expect(holes).toBeGreaterThan(0);
  });

  it('are what the worker sends for the outlined groups', () => {
    const update = service.evaluate(dataset.stations, rules, { seq: 2 });
    const outlined = update.gaps!.filter((g) => g.outline !== null);
    expect(outlined.length).toBeGreaterThan(0);
    outlined.forEach((g, k) => expect(shape(g.outline!)).toEqual(shape(cellsToMultiPolygon([...groups[k].cells].map((i) => engine.grid.h3[i]), true))));
  });
});
