/**
 * Expected coverage before/after a proposed station, on the three-station toy
 * of ems-availability.test.ts, with C proposed:
 *   c1 at 0 km, c2 at 12 km, c3 at 24 km, c4 at 100 km east (rural, cover 10 km);
 *   A at 4 km (1 ambulance), B at 18 km (2), C at 31 km (1, proposed).
 * Within 10 km: c1 ← A; c2 ← A, B; c3 ← B, C; c4 ← none. Without C, c3 ← B only.
 * Calls one year: 876, 1752, 2628, 438 (5,694), job 60 min, so
 *   q after  = 5,694 × 60 / (525,600 × 4) = 0.1625,
 *   q before = 5,694 × 60 / (525,600 × 3) = 0.21666… (the fleet without C's ambulance).
 * Every figure is checked against the enumeration of all busy/free states.
 */
import { destination, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { proposedIds, readResult, createEngine } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { cellAt, centre, grid, zone } from '../helpers/tiny.ts';

const origin: [number, number] = [118.0, 25.0];
const east = (km: number) => destination(point(origin), km, 90, { units: 'kilometers' }).geometry.coordinates as [number, number];
const cells = [0, 12, 24, 100].map((km) => cellAt(...east(km)));
const residents = [1000, 2000, 3000, 500];
const callsPerCellList = [876, 1752, 2628, 438];
const g = grid(cells.map((h3, k) => ({ h3, population: residents[k], zone: 'z' })), [zone('z', 'rural')]);
const ids = cells.map((h3) => g.indexOf.get(h3)!);

function station(id: string, km: number, ambulances: number, status: Station['status']): Station {
  const [lng, lat] = destination(point(centre(cells[0])), km, 90, { units: 'kilometers' }).geometry.coordinates;
  return { id, name: id, kind: 'station', status, lng, lat, ambulances };
}
const stations = [station('A', 4, 1, 'existing'), station('B', 18, 2, 'existing'), station('C', 31, 1, 'proposed')];
const rules = makeRules();
const perCell = new Float64Array(g.size);
callsPerCellList.forEach((c, k) => (perCell[ids[k]] = c));

/**
 * Expected covered weight by enumerating every busy/free state of the
 * ambulances (each busy with probability q): a cell counts when an ambulance
 * of a station covering it (`coveredBy`, by hand) is free.
 */
function enumerate(fleet: Record<string, number>, coveredBy: string[][], q: number, weight: number[]): number {
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

describe('expected coverage before/after a proposed station (MEXCLP)', () => {
  const engine = createEngine(g, { stations, rules });
  const { ems } = readResult(engine, proposedIds(engine.activeStations()), { stations, calls: { perCell, years: 1, synthetic: true }, roads: null });
  const a = ems.availability;
  const qAfter = (5694 * 60) / (525_600 * 4);
  const qBefore = (5694 * 60) / (525_600 * 3);

  it('the baseline is the one the fractiles compare with (without C): both have a before', () => {
    expect(proposedIds(engine.activeStations())).toEqual(['C']);
    expect(ems.fractiles.before).not.toBeNull();
    expect(a.before).not.toBeNull();
  });

  it('the busy fraction before counts the fleet without C: 5,694 × 60 / (525,600 × 3)', () => {
    expect(a.busyFraction).toBeCloseTo(qAfter, 12);
    expect(a.before!.busyFraction).toBeCloseTo(qBefore, 12);
  });

  it('before: A and B only, c3 reached by B alone, equal to the enumeration of 2^3 states at q before', () => {
    const coveredBy = [['A'], ['A', 'B'], ['B'], []];
    const fleet = { A: 1, B: 2 };
    expect(a.before!.expectedCovered.residents).toBeCloseTo(enumerate(fleet, coveredBy, qBefore, residents), 9);
    expect(a.before!.expectedCovered.calls!).toBeCloseTo(enumerate(fleet, coveredBy, qBefore, callsPerCellList), 9);
    // by hand: 1000 (1 − q) + 2000 (1 − q³) + 3000 (1 − q²)
    expect(a.before!.expectedCovered.residents).toBeCloseTo(1000 * (1 - qBefore) + 2000 * (1 - qBefore ** 3) + 3000 * (1 - qBefore ** 2), 9);
  });

  it('after: C adds its ambulance at c3 and lowers q everywhere, equal to the enumeration of 2^4 states', () => {
    const coveredBy = [['A'], ['A', 'B'], ['B', 'C'], []];
    const fleet = { A: 1, B: 2, C: 1 };
    expect(a.expectedCovered.residents).toBeCloseTo(enumerate(fleet, coveredBy, qAfter, residents), 9);
    expect(a.expectedCovered.calls!).toBeCloseTo(enumerate(fleet, coveredBy, qAfter, callsPerCellList), 9);
  });

  it('C’s effect: more expected coverage after than before, by the enumerated difference', () => {
    const gain = enumerate({ A: 1, B: 2, C: 1 }, [['A'], ['A', 'B'], ['B', 'C'], []], qAfter, residents) - enumerate({ A: 1, B: 2 }, [['A'], ['A', 'B'], ['B'], []], qBefore, residents);
    expect(gain).toBeGreaterThan(0);
    expect(a.expectedCovered.residents - a.before!.expectedCovered.residents).toBeCloseTo(gain, 9);
  });

  it('nothing proposed: no before', () => {
    const existing = stations.map((s) => ({ ...s, status: 'existing' as const }));
    const e = createEngine(g, { stations: existing, rules });
    expect(readResult(e, proposedIds(e.activeStations()), { stations: existing, calls: null, roads: null }).ems.availability.before).toBeNull();
  });
});
