/**
 * A three-station toy on a line of rural cells (cover radius 10 km, strict):
 *   c1 at 0 km, c2 at 12 km, c3 at 24 km, c4 at 100 km east;
 *   A at 4 km (1 ambulance), B at 18 km (2 ambulances), C at 31 km (1 ambulance).
 * Within 10 km: c1 ← A; c2 ← A (8), B (6); c3 ← B (6), C (7); c4 ← none.
 * Nearest (first due): c1 A, c2 B, c3 B, c4 none; C is first due nowhere.
 * Calls imported for one year: 876, 1752, 2628, 438 (5,694), job 60 min.
 */
import { destination, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ambulancesInRange, availability, expectedCovered } from '../../src/core/ems/availability.ts';
import { emsFigures } from '../../src/core/ems/figures.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { cellAt, centre, grid, zone } from '../helpers/tiny.ts';

const origin: [number, number] = [118.0, 25.0];
const east = (km: number) => destination(point(origin), km, 90, { units: 'kilometers' }).geometry.coordinates as [number, number];
const cells = [0, 12, 24, 100].map((km) => cellAt(...east(km)));
const residents = [1000, 2000, 3000, 500];
const g = grid(cells.map((h3, k) => ({ h3, population: residents[k], zone: 'z' })), [zone('z', 'rural')]);
const at = (h3: string) => g.indexOf.get(h3)!;
const ids = cells.map(at);

/** A station `km` east of c1's centre, due east. */
function station(id: string, km: number, ambulances?: number): Station {
  const [lng, lat] = destination(point(centre(cells[0])), km, 90, { units: 'kilometers' }).geometry.coordinates;
  return { id, name: id, kind: 'station', status: 'existing', lng, lat, ...(ambulances === undefined ? {} : { ambulances }) };
}
const stations = [station('A', 4, 1), station('B', 18, 2), station('C', 31, 1)];
const rules = makeRules();
const callsPerCell = new Float64Array(g.size);
[876, 1752, 2628, 438].forEach((c, k) => (callsPerCell[ids[k]] = c));

/** Which stations cover each cell (c1…c4), by hand. */
const coveredBy = [['A'], ['A', 'B'], ['B', 'C'], []];

/**
 * Expected covered weight by enumerating every busy/free state of the
 * ambulances (each busy independently with probability q): a cell counts when
 * one ambulance of a station covering it is free.
 */
function enumerate(fleet: Record<string, number>, q: number, weight: number[]): number {
  const ambulances = Object.entries(fleet).flatMap(([id, n]) => Array.from({ length: n }, () => id));
  let expected = 0;
  for (let state = 0; state < 1 << ambulances.length; state++) {
    let p = 1;
    const free = new Set<string>();
    ambulances.forEach((id, a) => {
      const busy = (state >> a) & 1;
      p *= busy ? q : 1 - q;
      if (!busy) free.add(id);
    });
    coveredBy.forEach((by, c) => {
      if (by.some((id) => free.has(id))) expected += p * weight[c];
    });
  }
  return expected;
}

describe('the three-station toy', () => {
  const engine = createEngine(g, { stations, rules });
  const ems = emsFigures(engine, null, { stations, calls: { perCell: callsPerCell, years: 1, synthetic: true }, roads: null });

  it('covers the cells as drawn (c1 by A; c2 by A and B; c3 by B and C; c4 by none)', () => {
    expect(ids.map((i) => engine.inRangeCount[i])).toEqual([1, 2, 2, 0]);
  });

  it('first-due areas, counted: A has c1, B has c2 and c3, C none', () => {
    expect(ems.workload.map((w) => [w.id, w.firstDueCells, w.firstDuePopulation, w.callsPerYear])).toEqual([
      ['A', 1, 1000, 876],
      ['B', 2, 5000, 4380],
      ['C', 0, 0, 0],
    ]);
  });

  it('busy fractions: A 876 × 60 / 525,600 = 0.1; B 4380 × 60 / (525,600 × 2) = 0.25; C 0', () => {
    expect(ems.workload[0].busyFraction).toBeCloseTo(0.1, 12);
    expect(ems.workload[1].busyFraction).toBeCloseTo(0.25, 12);
    expect(ems.workload[2].busyFraction).toBe(0);
  });

  it('ambulances asked for: by workload (busy ≤ 0.3) A 1, B ceil(1.67) = 2, C 0; by 1 per 30,000: A 1, B 1, C 0', () => {
    expect(ems.workload.map((w) => [w.ambulancesForWorkload, w.ambulancesForRatio])).toEqual([[1, 1], [2, 1], [0, 0]]);
    expect(ems.availability.fleet).toEqual({ existing: 4, assumed: 0, forWorkload: 3, forRatio: 2 });
  });

  it('the system busy fraction: 5,694 × 60 / (525,600 × 4) = 0.1625', () => {
    expect(ems.availability.busyFraction).toBeCloseTo(0.1625, 12);
  });

  it('MEXCLP expected coverage equals the enumeration of all 2^4 busy/free states, residents and calls', () => {
    const q = 0.1625;
    const fleet = { A: 1, B: 2, C: 1 };
    expect(ems.availability.expectedCovered.residents).toBeCloseTo(enumerate(fleet, q, residents), 9);
    expect(ems.availability.expectedCovered.calls!).toBeCloseTo(enumerate(fleet, q, [876, 1752, 2628, 438]), 9);
    // and by hand: 1000 (1 − q) + 2000 (1 − q³) + 3000 (1 − q³)
    expect(ems.availability.expectedCovered.residents).toBeCloseTo(1000 * (1 - q) + 5000 * (1 - q ** 3), 9);
  });

  it('with one ambulance each (the in-range count path), again the enumeration of all 2^3 states', () => {
    const same = stations.map((s) => ({ ...s, ambulances: 1 }));
    const e = createEngine(g, { stations: same, rules });
    const k = ambulancesInRange(e, same, [1, 1, 1]);
    expect(ids.map((i) => k[i])).toEqual([1, 2, 2, 0]);
    expect(expectedCovered(g.population, k, 0.3)).toBeCloseTo(enumerate({ A: 1, B: 1, C: 1 }, 0.3, residents), 9);
  });

  it('the walk over each reach and the in-range count agree when fleets differ only by a factor', () => {
    const e = createEngine(g, { stations, rules });
    const walked = ambulancesInRange(e, stations, [2, 2, 2.0000001]);
    const counted = ambulancesInRange(e, stations, [2, 2, 2]);
    ids.forEach((i) => expect(walked[i]).toBeCloseTo(counted[i], 5));
  });

  it('backup coverage: c2 and c3 are within two stations (5,000 residents, 4,380 calls)', () => {
    expect(ems.availability.backupCovered).toEqual({ residents: 5000, calls: 4380 });
  });

  it('stations without a fleet get the default, flagged assumed', () => {
    const bare = stations.map(({ ambulances: _a, ...s }) => s);
    const e = createEngine(g, { stations: bare, rules });
    const a = availability(e, bare, [], callsPerCell);
    expect(a.fleet.existing).toBeNull();
    expect(a.fleet.assumed).toBe(3);
    // 5,694 × 60 / (525,600 × 3)
    expect(a.busyFraction).toBeCloseTo(0.21666666666, 9);
  });
});
