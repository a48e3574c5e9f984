/**
 * A genuinely different reach model through the same engine, tables, gap
 * areas, deltas and optimiser: response minutes over a hand-made road graph,
 * with a station whose turnout differs from the rules'. Every figure below is
 * worked out by hand in the comments. The twelve cells lie within 3.4 km of
 * each other, so anything that read the costs as kilometres, or measured a
 * straight line, would call every cell covered.
 */
import { describe, expect, it } from 'vitest';
import { cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import { AGG_COVERED } from '../../src/core/coverage.ts';
import { cellRows, createEngine, evaluate } from '../../src/core/evaluate.ts';
import { networkLimits, type RoadEdge } from '../../src/core/network-reach.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { makeRules } from '../../src/core/rules.ts';
import { ringAreaTypes } from '../../src/core/rings.ts';
import type { Station } from '../../src/core/types.ts';
import { runSteps, stationCandidates, suggestSites, coverageMatrixSteps } from '../../src/core/suggest/index.ts';
import { grid, zone } from '../helpers/tiny.ts';

// Cells n0…n11: a line of neighbouring res-9 cells (gap areas are joined over H3 adjacency).
const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.15, 9)).slice(0, 12);
// n0–n3 in an urban zone, n4–n11 in a rural one; populations 100, 200, …, 1200.
const g = grid(
  line.map((h3, k) => ({ h3, population: 100 * (k + 1), zone: k < 4 ? 'town' : 'country' })),
  [zone('town', 'urban'), zone('country', 'rural')],
);
const cell = (k: number) => g.indexOf.get(line[k])!;
const at = (k: number) => {
  const [lat, lng] = cellToLatLng(line[k]);
  return { lng, lat };
};

// One road node on each cell centre (each cell snaps to its own node), joined in a chain.
// Edge minutes = km / (km/h) × 60:
//   n0–n1  2 km @ 30 =  4     n4–n5 15 km @ 45 = 20     n7–n8   5 km @ 50 = 6
//   n1–n2  3 km @ 30 =  6     n5–n6  2 km @ 40 =  3     n8–n9  14 km @ 60 = 14
//   n2–n3  3.5 km @ 30 = 7    n6–n7 20 km @ 40 = 30     n9–n10  4 km @ 40 = 6
//   n3–n4  4 km @ 60 =  4                               n10–n11 3 km @ 60 = 3
const km = [2, 3, 3.5, 4, 15, 2, 20, 5, 14, 4, 3];
const kmh = [30, 30, 30, 60, 45, 40, 40, 50, 60, 40, 60];
const edges: RoadEdge[] = km.map((lengthKm, k) => ({ from: k, to: k + 1, lengthKm, speedKmh: kmh[k] }));
const roads = { kind: 'road-network' as const, graph: { nodes: line.map((_, k) => at(k)), edges } };

// Rules with round limits (minutes = turnout + radius × detour / speed × 60):
//   urban: cover = marginal = 3 + 5 × 1.5 / 30 × 60 = 18; circle = 15
//   rural: cover = 3 + 10 × 1.3 / 40 × 60 = 22.5; marginal = 3 + 20 × 1.3 / 40 × 60 = 42; circle = 15
//   the furthest limit: 42
const rules = makeRules({ urbanSpeedKmh: 30, urbanDetourCoefficient: 1.5, ruralSpeedKmh: 40, ruralDetourCoefficient: 1.3 });

const station = (id: string, k: number, status: Station['status'], turnoutMinutes?: number): Station => ({ id, name: id, kind: 'station', status, ...at(k), turnoutMinutes });
// E at n0, the rules' 3-minute turnout: budget 42 − 3 = 39 minutes of driving.
//   travel n0 0, n1 4, n2 10, n3 17, n4 21, n5 41 (> 39: not reached) → costs 3, 7, 13, 20, 24
const east = station('east', 0, 'existing');
// P at n10, proposed, turns out in 1 minute: budget 41.
//   travel n10 0, n11 3, n9 6, n8 20, n7 26, n6 56 (> 41) → costs 1, 4, 7, 21, 27
const west = station('west', 10, 'proposed', 1);

describe('a road-network reach model (minutes) through the engine', () => {
  const model = createReachModel(g, roads);
  const { engine, result } = evaluate(g, { stations: [east, west], rules }, model);

  it('turns the rules into minutes per area type', () => {
    expect(model.unit).toBe('minutes');
    expect(engine.unit).toBe('minutes');
    const limits = networkLimits(rules);
    expect(limits.urban.cover).toBeCloseTo(18, 12);
    expect(limits.urban.marginal).toBeCloseTo(18, 12);
    expect(limits.rural.cover).toBeCloseTo(22.5, 12);
    expect(limits.rural.marginal).toBeCloseTo(42, 12);
    expect([limits.urban.circle, limits.rural.circle]).toEqual([15, 15]);
    expect(limits.max).toBeCloseTo(42, 12);
  });

  it('gives each cell the response time of its nearest station: turnout + fastest drive', () => {
    // nearest: n0–n4 east (3, 7, 13, 20, 24); n5, n6 none; n7–n11 west (27, 21, 7, 1, 4)
    const expected: [number, string | null, number | null][] = [
      [0, 'east', 3], [1, 'east', 7], [2, 'east', 13], [3, 'east', 20], [4, 'east', 24], [5, null, null],
      [6, null, null], [7, 'west', 27], [8, 'west', 21], [9, 'west', 7], [10, 'west', 1], [11, 'west', 4],
    ];
    const rows = cellRows(engine);
    for (const [k, id, minutes] of expected) {
      const i = cell(k);
      expect(rows[i].nearestStationId, `n${k}`).toBe(id);
      if (minutes === null) expect(engine.nearestCost[i]).toBe(Infinity);
      else expect(engine.nearestCost[i], `n${k}`).toBeCloseTo(minutes, 9);
      expect(rows[i].distanceKm).toBeNull(); // minutes are not kilometres
    }
  });

  it('judges each cell by its own area type: statuses and the circle', () => {
    // n0–n2 urban 3, 7, 13 ≤ 18 covered (and ≤ 15: in the circle); n3 urban 20 > 18: gap (no marginal band in town)
    // n4 rural 24: 22.5 < 24 ≤ 42 marginal; n5, n6 unreached: gap; n7 27 marginal
    // n8 21 ≤ 22.5 covered, but > 15; n9–n11 7, 1, 4: covered, in the circle
    const rows = cellRows(engine);
    const status = line.map((_, k) => rows[cell(k)].status);
    expect(status).toEqual(['covered', 'covered', 'covered', 'gap', 'marginal', 'gap', 'gap', 'marginal', 'covered', 'covered', 'covered', 'covered']);
    expect(line.map((_, k) => rows[cell(k)].withinCircle)).toEqual([true, true, true, false, false, false, false, false, false, true, true, true]);
  });

  it('counts the station\'s own turnout: with the rules\' 3 minutes n8 (20 + 3 = 23 > 22.5) would be only marginal', () => {
    const slow = createEngine(g, { stations: [east, { ...west, turnoutMinutes: undefined }], rules }, model);
    expect(slow.nearestCost[cell(8)]).toBeCloseTo(23, 9);
    expect(cellRows(slow)[cell(8)].status).toBe('marginal');
  });

  it('sums the township table and the totals', () => {
    // town: 100+200+300+400 = 1000; covered n0–n2 = 600; gap n3 = 400; circle 600
    // country: 500+…+1200 = 6800; covered n8–n11 = 900+1000+1100+1200 = 4200; marginal n4+n7 = 1300;
    //          gap n5+n6 = 1300; circle n9–n11 = 3300
    const pick = (r: { population: number; covered: number; marginal: number; gap: number; withinCircle: number }) => [r.population, r.covered, r.marginal, r.gap, r.withinCircle];
    expect(result.zones.map((z) => [z.code, ...pick(z)])).toEqual([
      ['town', 1000, 600, 0, 400, 600],
      ['country', 6800, 4200, 1300, 1300, 3300],
    ]);
    expect(pick(result.totals)).toEqual([7800, 4800, 1300, 1700, 3900]);
  });

  it('finds the gap areas: n5–n6 (1,300) and n3 (400), split by the marginal n4', () => {
    expect(result.gaps.map((a) => [a.rank, a.population, a.cellCount, a.zone])).toEqual([
      [1, 1300, 2, 'country'],
      [2, 400, 1, 'town'],
    ]);
  });

  it('compares with the scenario without the proposed station', () => {
    // without west: country covered 0, marginal n4 = 500, gap n5–n11 = 6300, circle 0
    // totals before: covered 600, marginal 500, gap 6700, circle 600
    const d = result.delta!;
    expect(d.baselineWithout).toEqual(['west']);
    expect(d.covered).toEqual({ before: 600, after: 4800, change: 4200 });
    expect(d.marginal).toEqual({ before: 500, after: 1300, change: 800 });
    expect(d.gap).toEqual({ before: 6700, after: 1700, change: -5000 });
    expect(d.withinCircle).toEqual({ before: 600, after: 3900, change: 3300 });
    expect(d.zones.map((z) => [z.code, z.covered.change, z.gap.change, z.withinCircle.change])).toEqual([['country', 4200, -5000, 3300]]);
    // n8–n11 are newly covered, nearest west, and no other station covers them
    expect(d.stations).toEqual([{ id: 'west', name: 'west', newlyCovered: 4200, uniquelyCovered: 4200 }]);
  });

  it('draws a station\'s rings for the area types it reaches within their outer limit (minutes)', () => {
    // east reaches urban n0–n3 (≤ 18) and rural n4 (24 ≤ 42); west reaches rural cells only
    expect(ringAreaTypes(engine, east)).toEqual(['urban', 'rural']);
    expect(ringAreaTypes(engine, west)).toEqual(['rural']);
  });
});

describe('a road-network-style model plugs in', () => {
  it('the site optimiser picks through the same model: minutes on the hand-made graph, with the engine confirming each gain', () => {
    const engine = createEngine(g, { stations: [east, west], rules }, createReachModel(g, roads));
    // demand (not covered by east or west): n3 400 (urban), n4 500, n5 600, n6 700, n7 800
    // candidates turn out in the rules' 3 minutes (budget 39):
    //   at n4: n4 3 ✓, n3 4 + 3 = 7 ≤ 18 ✓, n5 20 + 3 = 23 > 22.5 ✗                  → 900
    //   at n5: n5 3 ✓, n6 3 + 3 = 6 ✓, n4 23 ✗, n7 33 ✗                               → 1300
    //   at n7: n7 3 ✓, n6 30 + 3 = 33 ✗                                              → 800
    // k = 2: n5 (+1300), then n4 (+900, n7 adds 800); covered 4800 → 7000
    const sites: Station[] = [4, 5, 7].map((k) => ({ ...station(`c${k}`, k, 'disabled'), kind: 'candidate' }));
    const r = suggestSites(engine, { k: 2, candidates: stationCandidates(g, sites) });
    expect(r.picks.map((p) => [p.stationId, p.populationAdded, p.cumulativeCovered])).toEqual([
      ['c5', 1300, 6100],
      ['c4', 900, 7000],
    ]);
    expect(r.before.covered).toBe(4800);
    expect(r.demand.uncoveredPopulation).toBe(3000);
    expect(r.bound.provenOptimal).toBe(true);
    // the engine, given the picks as stations, counts the same gains
    let before = engine.total(AGG_COVERED);
    for (const p of r.picks) {
      engine.upsertStation({ id: `new-${p.rank}`, name: 'new', kind: 'candidate', status: 'proposed', lng: p.lng, lat: p.lat });
      expect(engine.total(AGG_COVERED) - before).toBe(p.populationAdded);
      before = engine.total(AGG_COVERED);
    }
  });

  it('the emergency-circle objective counts response within 15 minutes', () => {
    const engine = createEngine(g, { stations: [east, west], rules }, createReachModel(g, roads));
    // outside every circle: n3 (20), n4 (24), n5, n6, n7 (27), n8 (21)
    // at n4: n4 3, n3 7 ✓ (≤ 15), n5 23 ✗ → 400 + 500 = 900; at n5: n5 3, n6 6 → 1300; at n7: n7 3, n8 6 + 3 = 9 → 800 + 900 = 1700
    const sites: Station[] = [4, 5, 7].map((k) => ({ ...station(`c${k}`, k, 'disabled'), kind: 'candidate' }));
    const matrix = runSteps(coverageMatrixSteps(engine, stationCandidates(g, sites), { objective: 'circle', backup: false }));
    expect(matrix.servedBefore).toBe(3900);
    const r = suggestSites(engine, { k: 1, candidates: stationCandidates(g, sites), objective: 'circle' });
    expect(r.picks.map((p) => [p.stationId, p.populationAdded])).toEqual([['c7', 1700]]);
  });

  it('the same cells under the straight-line model (all within 3.4 km) are all covered: the minutes above are not kilometres', () => {
    const { result } = evaluate(g, { stations: [east, west], rules });
    expect(result.totals.covered).toBe(7800);
  });
});

describe('the road graph is checked', () => {
  it('refuses an edge to a missing node, a zero speed and a negative turnout, naming them', () => {
    expect(() => createReachModel(g, { kind: 'road-network', graph: { nodes: [at(0)], edges: [{ from: 0, to: 1, lengthKm: 1, speedKmh: 30 }] } })).toThrow(/Road edge 0 names node 1; there are 1/);
    expect(() => createReachModel(g, { kind: 'road-network', graph: { nodes: [at(0), at(1)], edges: [{ from: 0, to: 1, lengthKm: 1, speedKmh: 0 }] } })).toThrow(/speed > 0/);
    const model = createReachModel(g, roads);
    expect(() => model.reach({ ...at(0), turnoutMinutes: -1 }, model.limits(rules))).toThrow(/turnout must be a number of minutes ≥ 0, got -1/);
  });

  it('a one-way edge is driven one way only; a cell beyond maxSnapKm of every node is reached by none', () => {
    // only n0 → n1 (4 min), one way; a station at n1 reaches n1 alone, one at n0 reaches both
    const oneWay = { nodes: [at(0), at(1)], edges: [{ from: 0, to: 1, lengthKm: 2, speedKmh: 30, oneWay: true }] };
    const model = createReachModel(g, { kind: 'road-network', graph: oneWay, maxSnapKm: 0.1 });
    const limits = model.limits(rules);
    expect([...model.reach(at(1), limits).cells]).toEqual([cell(1)]);
    const fromN0 = model.reach(at(0), limits);
    expect([...fromN0.cells]).toEqual([cell(0), cell(1)].sort((a, b) => a - b));
    expect([...fromN0.costs].sort((a, b) => a - b)).toEqual([3, 7]);
    // cells n2…n11 lie over 0.1 km from both nodes: no station reaches them
    expect(fromN0.cells.length).toBe(2);
  });
});
