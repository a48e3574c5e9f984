/**
 * A station added on roads is searched only where it can change something
 * (NetworkReach.reachAgainst), worked out by hand on a ladder of roads: two
 * rows of ten nodes, t0…t9 and b0…b9, each a cell's centre (every cell joins
 * its own node, no off-road leg), every rail and rung 1 km at 60 km/h = 1 min.
 * The rules give every (rural) cell a cover limit of 1 minute and a marginal
 * limit of 3 (the furthest any limit looks), turnout 0.
 */
import { describe, expect, it } from 'vitest';
import { cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import { AGG_GAP } from '../../src/core/coverage.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { NetworkReach, type RoadEdge } from '../../src/core/network-reach.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { grid, zone } from '../helpers/tiny.ts';

const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.2, 9)).slice(0, 20);
const g = grid(
  line.map((h3) => ({ h3, population: 100, zone: 'country' })),
  [zone('country', 'rural')],
);
const node = (name: string) => (name[0] === 't' ? 0 : 10) + Number(name.slice(1));
const cellOf = (name: string) => g.indexOf.get(line[node(name)])!;
const at = (name: string) => {
  const [lat, lng] = cellToLatLng(line[node(name)]);
  return { lng, lat };
};
const edges: RoadEdge[] = [];
for (let k = 0; k < 10; k++) {
  if (k < 9) edges.push({ from: k, to: k + 1, lengthKm: 1, speedKmh: 60 }, { from: 10 + k, to: 11 + k, lengthKm: 1, speedKmh: 60 });
  edges.push({ from: k, to: 10 + k, lengthKm: 1, speedKmh: 60 });
}
// cover = 0 + 1 km × 1 / 60 km/h × 60 = 1 min; marginal = 3 km → 3 min; circle 2 min
const rules = makeRules({ turnoutMinutes: 0, circleMinutes: 2, urbanRadiusKm: 1, ruralStrictRadiusKm: 1, ruralLenientRadiusKm: 3, urbanSpeedKmh: 60, ruralSpeedKmh: 60, urbanDetourCoefficient: 1, ruralDetourCoefficient: 1 });
const station = (id: string, name: string): Station => ({ id, name: id, kind: 'station', status: 'existing', ...at(name) });
/** Cell name → minutes, of a reach. */
const named = (cells: Int32Array, costs: Float64Array) => {
  const names = [...Array(10).keys()].flatMap((k) => [`t${k}`, `b${k}`]);
  return Object.fromEntries(names.filter((n) => cells.includes(cellOf(n))).map((n) => [n, costs[cells.indexOf(cellOf(n))]]));
};

describe('an added station’s search, pruned where the stations held are faster', () => {
  const model = new NetworkReach(g, { nodes: line.map((_, k) => at(k < 10 ? `t${k}` : `b${k - 10}`)), edges });
  // A at t0 reaches t0 0, t1 1, b0 1, t2 2, b1 2, t3 3, b2 3
  const a = station('a', 't0');

  it('keeps the cells within the cover limit and those not strictly beaten, and leaves out t1 (3 min, A’s 1)', () => {
    const engine = createEngine(g, { stations: [a], rules }, model);
    expect(engine.reachLimits.rural.cover).toBe(1);
    expect(engine.reachLimits.max).toBe(3);
    // B at t4, whole: t4 0; t3 t5 b4 1; t2 t6 b3 b5 2; t1 t7 b2 b6 3
    const b = station('b', 't4');
    const whole = model.reach(b, engine.reachLimits);
    expect(named(whole.cells, whole.costs)).toEqual({ t1: 3, t2: 2, t3: 1, t4: 0, t5: 1, t6: 2, t7: 3, b2: 3, b3: 2, b4: 1, b5: 2, b6: 3 });
    // pruned: beyond 1 min, t1 is not entered (3 against A's 1); t2 and b2 tie with A (2, 3) and are kept
    const part = model.reachAgainst(b, engine.reachLimits, engine.nearestCost);
    expect(named(part.cells, part.costs)).toEqual({ t2: 2, t3: 1, t4: 0, t5: 1, t6: 2, t7: 3, b2: 3, b3: 2, b4: 1, b5: 2, b6: 3 });
  });

  it('the exact ties go to the lower id: B named "0b" takes t2 and b2 from A, B named "b" leaves them', () => {
    for (const [id, ties] of [['b', 'a'], ['0b', '0b']] as const) {
      const engine = createEngine(g, { stations: [a], rules }, model);
      engine.upsertStation(station(id, 't4'));
      const nearest = (n: string) => engine.stationAtSlot(engine.nearestSlot[cellOf(n)])?.id;
      expect([nearest('t1'), nearest('t2'), nearest('b2'), nearest('t3')], id).toEqual(['a', ties, ties, id]);
      expect(engine.nearestCost[cellOf('t3')]).toBe(1);
      // within the 1-minute cover: A's t0 t1 b0, B's t3 t4 t5 b4
      expect(['t0', 't1', 'b0', 't3', 't4', 't5', 'b4', 't2'].map((n) => engine.inRangeCount[cellOf(n)])).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    }
  });

  it('a cell B won when A went (t1, outside its part) goes when B goes: the removal finds it by the nearest-station array', () => {
    const engine = createEngine(g, { stations: [a], rules }, model);
    engine.upsertStation(station('b', 't4'));
    engine.removeStation('a');
    expect(engine.stationAtSlot(engine.nearestSlot[cellOf('t1')])?.id).toBe('b');
    expect(engine.nearestCost[cellOf('t1')]).toBe(3);
    engine.removeStation('b');
    for (let i = 0; i < g.size; i++) {
      expect(engine.nearestSlot[i], `cell ${i}`).toBe(-1);
      expect(engine.nearestCost[i]).toBe(Infinity);
      expect(engine.inRangeCount[i]).toBe(0);
    }
    expect(engine.total(AGG_GAP)).toBe(2000); // every resident a gap
  });

  it('asked for B’s reach, the engine makes its whole search (isochrones, exports), t1 included', () => {
    const engine = createEngine(g, { stations: [a], rules }, model);
    engine.upsertStation(station('b', 't4'));
    const { cells, costs } = engine.stationReach('b')!;
    expect(named(cells, costs)).toEqual({ t1: 3, t2: 2, t3: 1, t4: 0, t5: 1, t6: 2, t7: 3, b2: 3, b3: 2, b4: 1, b5: 2, b6: 3 });
  });
});
