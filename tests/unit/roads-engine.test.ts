/**
 * Road reach through the engine, decided by the rules: a hand-made road
 * network (ways, as the readers give them) along a line of res-9 cells,
 * every minute worked out by hand from the segment lengths. The cells lie
 * within 2 km of each other, so straight-line statuses call all of them
 * covered (rural radius 10 km); on the 5 km/h tracks the 15-minute circle
 * reaches only a few.
 */
import { describe, expect, it } from 'vitest';
import { cellToLatLng, gridPathCells, latLngToCell } from 'h3-js';
import { AGG_WIDTH, type CoverageEngine } from '../../src/core/coverage.ts';
import { cellRows, createEngine, evaluate } from '../../src/core/evaluate.ts';
import { haversineKm, KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { networkLimits } from '../../src/core/network-reach.ts';
import { engineModels, reachInUse, createReachModel } from '../../src/core/reach-factory.ts';
import { defaultReachSettings, type ReachSettings } from '../../src/core/reach-settings.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { noRoadAccess } from '../../src/core/response-times.ts';
import { RoadWaysBuilder, type RoadWays } from '../../src/core/roads/ways.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { coverageMatrixSteps, runSteps, stationCandidates, suggestSites } from '../../src/core/suggest/index.ts';
import { grid, zone } from '../helpers/tiny.ts';

// n0…n5: neighbouring res-9 cells eastward; n6 sits 3 km north of n2 (beside a fragment of road), n7 6 km north (no road near)
const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.13, 9)).slice(0, 6);
const north = (k: number, km: number) => latLngToCell(cellToLatLng(line[k])[0] + km / KM_PER_DEG_LAT, cellToLatLng(line[k])[1], 9);
const cellsH3 = [...line, north(2, 3), north(2, 6)];
const POP = [100, 200, 300, 400, 500, 600, 700, 800];
const g = grid(
  cellsH3.map((h3, k) => ({ h3, population: POP[k], zone: 'country' })),
  [zone('country', 'rural')],
);
const cell = (k: number) => g.indexOf.get(cellsH3[k])!;
const at = (k: number) => {
  const [lat, lng] = cellToLatLng(cellsH3[k]);
  return { lng, lat };
};
/** km between neighbouring centres on the line (the road's length: it runs centre to centre). */
const hop = (k: number) => haversineKm(at(k).lng, at(k).lat, at(k + 1).lng, at(k + 1).lat);

/**
 * Tracks (5 km/h: 12 min a km) from n0 to n5, each hop cut into 60 vertices so the network holds 300
 * nodes; hop n2→n3 is one-way eastward. A 2-node fragment at n6 (under 1 % of the network: nothing snaps to it).
 */
function ways(): RoadWays {
  const b = new RoadWaysBuilder();
  let prev = b.addVertex(at(0).lng, at(0).lat);
  for (let k = 0; k < 5; k++) {
    const vs = [prev];
    for (let s = 1; s <= 60; s++) {
      const f = s / 60;
      vs.push(b.addVertex(at(k).lng + (at(k + 1).lng - at(k).lng) * f, at(k).lat + (at(k + 1).lat - at(k).lat) * f));
    }
    b.addWay(vs, 'track', NaN, k === 2 ? 1 : 0);
    prev = vs[vs.length - 1];
  }
  const f0 = b.addVertex(at(6).lng, at(6).lat);
  const f1 = b.addVertex(at(6).lng + 0.001, at(6).lat);
  b.addWay([f0, f1], 'track', NaN, 0);
  return b.finish();
}

const reach = (changes: Partial<Omit<ReachSettings, 'speeds'>> & { speeds?: Partial<ReachSettings['speeds']> } = {}): ReachSettings => {
  const d = defaultReachSettings();
  return { ...d, ...changes, speeds: { ...d.speeds, ...changes.speeds } };
};
const rulesWith = (r: ReachSettings, more: Partial<Rules> = {}) => makeRules({ reach: r, ...more });

const st = (id: string, k: number, status: Station['status'] = 'existing', turnoutMinutes?: number): Station => ({ id, name: id, kind: 'station', status, ...at(k), turnoutMinutes });
const MIN_PER_KM = 12; // track, 5 km/h
/** Hand minutes from n0 along the line to n_k: turnout + 12 min per km of the hops before it. */
const fromN0 = (k: number, turnout = 3) => {
  let km = 0;
  for (let j = 0; j < k; j++) km += hop(j);
  return turnout + km * MIN_PER_KM;
};

describe('which reach applies', () => {
  const roads = new RoadNetwork(g, ways());
  const straight = createReachModel(g);

  it('without roads, or with the straight-line model chosen, everything is straight line and the same as before', () => {
    const rules = rulesWith(reach({ model: 'straight-line' }));
    expect(engineModels(rules, straight, null)).toEqual({ status: straight, circle: null });
    expect(engineModels(rules, straight, roads)).toEqual({ status: straight, circle: null });
    const withRoads = createEngine(g, { stations: [st('a', 0)], rules }, straight, roads);
    const plain = createEngine(g, { stations: [st('a', 0)], rules: makeRules() }, straight);
    expect(withRoads.responseMinutes).toBeNull();
    expect(reachInUse(withRoads)).toEqual({ model: 'straight-line', serviceAlongRoads: false });
    expect([...withRoads.status]).toEqual([...plain.status]);
    expect([...withRoads.withinCircle]).toEqual([...plain.withinCircle]);
    expect(cellRows(withRoads)[0]).not.toHaveProperty('minutes');
  });

  it('mixed (the default with roads): a cell inside the straight-line radius but over 15 min by road is covered yet outside the circle', () => {
    const rules = rulesWith(reach());
    const engine = createEngine(g, { stations: [st('a', 0)], rules }, straight, roads);
    expect(reachInUse(engine)).toEqual({ model: 'roads', serviceAlongRoads: false });
    expect(engine.unit).toBe('km');
    expect(engine.circleEngine.unit).toBe('minutes');
    // n0…n5 all within 10 km of a: covered by the straight line; n6, n7 (3 and 6 km north) too
    expect([...engine.status]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // hops are ~0.3 km (~3.5 min): n0 3, n1 ≈ 6.6, n2 ≈ 10.2, n3 ≈ 13.8, n4 ≈ 17.4 > 15, n5 ≈ 21
    const minutes = engine.responseMinutes!;
    for (let k = 0; k < 6; k++) expect(minutes[cell(k)], `n${k}`).toBeCloseTo(fromN0(k), 6);
    expect(fromN0(3)).toBeLessThan(15);
    expect(fromN0(4)).toBeGreaterThan(15);
    const inside = [0, 1, 2, 3].map(cell);
    for (let k = 0; k < 8; k++) expect(engine.withinCircle[cell(k)], `n${k}`).toBe(inside.includes(cell(k)) ? 1 : 0);
    // n6 near a fragment only, n7 far from every road: no minutes
    expect(minutes[cell(6)]).toBe(Infinity);
    expect(minutes[cell(7)]).toBe(Infinity);
    expect(noRoadAccess(engine)).toEqual({ farCells: 1, farPopulation: 800, fragmentCells: 1, fragmentPopulation: 700 });
    // the sums and the circle limit are the road model's: 100 + 200 + 300 + 400 inside 15 minutes
    const { result } = evaluate(g, { stations: [st('a', 0)], rules }, straight, roads);
    expect(result.totals.withinCircle).toBe(1000);
    expect(result.totals.covered).toBe(3600);
    expect(engine.circleLimit[cell(0)]).toBe(15);
    expect(engine.coverLimit[cell(0)]).toBe(10);
    const row = cellRows(engine)[cell(4)];
    expect(row.distanceKm).toBeGreaterThan(0); // km from the status model
    expect(row.minutes).toBeCloseTo(fromN0(4), 6);
  });

  it('service along roads: statuses in minutes too (rural cover = 3 + 10 × 1.6 / 40 × 60 = 27 min)', () => {
    const rules = rulesWith(reach({ serviceAlongRoads: true }));
    const engine = createEngine(g, { stations: [st('a', 0)], rules }, straight, roads);
    expect(reachInUse(engine)).toEqual({ model: 'roads', serviceAlongRoads: true });
    expect(engine.unit).toBe('minutes');
    expect(networkLimits(rules).rural.cover).toBeCloseTo(27, 12);
    // n0…n5 ≤ 21 min ≤ 27: covered; n6, n7 without road access: gap
    expect([...cellsH3.map((_, k) => engine.status[cell(k)])]).toEqual([0, 0, 0, 0, 0, 0, 2, 2]);
  });
});

describe('speeds, one-way roads, turnout and road access', () => {
  it('peak traffic at factor 0.5 doubles every drive (the turnout stays): the graph is re-weighted, not rebuilt', () => {
    const roads = new RoadNetwork(g, ways());
    const offPeak = roads.model(rulesWith(reach()));
    const peakRules = rulesWith(reach({ speeds: { traffic: 'peak', peakFactor: 0.5 } }));
    const peak = roads.model(peakRules);
    expect(peak).toBe(offPeak);
    const engine = createEngine(g, { stations: [st('a', 0)], rules: peakRules }, createReachModel(g), roads);
    for (let k = 0; k < 5; k++) expect(engine.responseMinutes![cell(k)], `n${k}`).toBeCloseTo(3 + 2 * (fromN0(k) - 3), 6);
    // and back off-peak: the same minutes as a network built fresh
    const back = createEngine(g, { stations: [st('a', 0)], rules: rulesWith(reach()) }, createReachModel(g), roads);
    expect(back.responseMinutes![cell(4)]).toBeCloseTo(fromN0(4), 6);
  });

  it('a one-way road is driven one way, unless emergency vehicles may use both directions', () => {
    const roads = new RoadNetwork(g, ways());
    // from n5 westward: n2 → n3 is one-way east, so n2, n1, n0 are not reached from n5
    const oneWay = createEngine(g, { stations: [st('b', 5)], rules: rulesWith(reach()) }, createReachModel(g), roads);
    expect([0, 1, 2].map((k) => oneWay.responseMinutes![cell(k)])).toEqual([Infinity, Infinity, Infinity]);
    expect(oneWay.responseMinutes![cell(3)]).toBeCloseTo(3 + (hop(3) + hop(4)) * MIN_PER_KM, 6);
    const both = createEngine(g, { stations: [st('b', 5)], rules: rulesWith(reach({ speeds: { bothDirections: true } })) }, createReachModel(g), roads);
    expect(both.responseMinutes![cell(2)]).toBeCloseTo(3 + (hop(2) + hop(3) + hop(4)) * MIN_PER_KM, 6);
  });

  it('each station\'s own turnout is added to its minutes', () => {
    const roads = new RoadNetwork(g, ways());
    const engine = createEngine(g, { stations: [st('a', 0, 'existing', 1)], rules: rulesWith(reach()) }, createReachModel(g), roads);
    expect(engine.responseMinutes![cell(4)]).toBeCloseTo(fromN0(4, 1), 6);
    expect(engine.withinCircle[cell(4)]).toBe(fromN0(4, 1) <= 15 ? 1 : 0);
  });

  it('an off-road leg at 15 km/h joins a station beside the road: ~0.5 km west of n0 (the road runs east) adds ~2 minutes', () => {
    const roads = new RoadNetwork(g, ways());
    const beside = { ...st('a', 0), lng: at(0).lng - 0.5 / (KM_PER_DEG_LAT * Math.cos((at(0).lat * Math.PI) / 180)) };
    const legKm = haversineKm(beside.lng, beside.lat, at(0).lng, at(0).lat);
    expect(legKm).toBeCloseTo(0.5, 3);
    const engine = createEngine(g, { stations: [beside], rules: rulesWith(reach()) }, createReachModel(g), roads);
    expect(engine.responseMinutes![cell(1)]).toBeCloseTo(fromN0(1) + (legKm / 15) * 60, 6);
  });
});

/** Everything an engine shows, to compare two engines. */
const shown = (e: CoverageEngine) => ({
  status: [...e.status],
  withinCircle: [...e.withinCircle],
  inRange: [...e.inRangeCount],
  agg: [...e.zoneAgg].map((v) => Math.round(v * 1e6) / 1e6),
  minutes: e.responseMinutes ? [...e.responseMinutes] : null,
});

describe('adding, moving and removing one station equals a fresh engine', () => {
  for (const serviceAlongRoads of [false, true]) {
    it(`${serviceAlongRoads ? 'everything on roads' : 'mixed mode'}`, () => {
      const roads = new RoadNetwork(g, ways());
      const rules = rulesWith(reach({ serviceAlongRoads }));
      const straight = createReachModel(g);
      const engine = createEngine(g, { stations: [st('a', 0)], rules }, straight, roads);
      const fresh = (stations: Station[]) => shown(createEngine(g, { stations, rules }, straight, roads));
      engine.upsertStation(st('b', 5));
      expect(shown(engine)).toEqual(fresh([st('a', 0), st('b', 5)]));
      engine.upsertStation(st('b', 3));
      expect(shown(engine)).toEqual(fresh([st('a', 0), st('b', 3)]));
      engine.removeStation('a');
      expect(shown(engine)).toEqual(fresh([st('b', 3)]));
      engine.upsertStation({ ...st('b', 3), status: 'disabled' });
      expect(shown(engine)).toEqual(fresh([]));
      expect(engine.total(3)).toBe(0);
      // sums per zone row: the circle column mirrors the circle engine's
      expect(engine.zoneAgg[AGG_WIDTH + 3]).toBe(engine.circleEngine.zoneAgg[AGG_WIDTH + 3]);
    });
  }
});

describe('the emergency-circle objective of the site suggester uses road minutes', () => {
  it('a site within reach in a straight line but not by road is not picked', () => {
    // demand: no station yet. Candidates: n6 (beside a fragment: reaches nothing by road, though its
    // 700 residents and n7's 800 are within 6 km of it in a straight line) and n4 (reaches n2…n5 within 15 min)
    const roads = new RoadNetwork(g, ways());
    const rules = rulesWith(reach());
    const engine = createEngine(g, { stations: [], rules }, createReachModel(g), roads);
    const sites: Station[] = [6, 4].map((k) => ({ ...st(`c${k}`, k, 'disabled'), kind: 'candidate' }));
    const candidates = stationCandidates(g, sites);
    const matrix = runSteps(coverageMatrixSteps(engine, candidates, { objective: 'circle', backup: false }));
    expect(matrix.servedBefore).toBe(0);
    const r = suggestSites(engine, { k: 1, candidates, objective: 'circle' });
    expect(r.picks.map((p) => p.stationId)).toEqual(['c4']);
    // from n4 both ways: n4 3; n3 and n5 one hop; n2 is behind the one-way n2 → n3 (not reached westward)
    const reached = [3, 4, 5].map((k) => POP[k]).reduce((a, b) => a + b, 0);
    expect(r.picks[0].populationAdded).toBe(reached);
    // under the coverage objective (straight-line 10 km) n6 would reach everyone
    const byCover = suggestSites(engine, { k: 1, candidates, objective: 'coverage' });
    expect(byCover.picks[0].populationAdded).toBe(3600);
  });
});
