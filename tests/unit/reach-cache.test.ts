/**
 * Road reaches kept between evaluations (reach-cache.ts): an engine that
 * reads kept searches must hold exactly what an engine over a fresh road
 * network (nothing kept) holds, after a second engine on the same model,
 * a rules change that keeps the limits, one that changes them, and speeds
 * re-weighted in place; and the searches it skips are really skipped.
 */
import { describe, expect, it, vi } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import type { CoverageEngine } from '../../src/core/coverage.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { KM_PER_DEG_LAT } from '../../src/core/geo.ts';
import { ReachCache, reachCacheOf } from '../../src/core/reach-cache.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import type { ReachModel } from '../../src/core/reach.ts';
import { defaultReachSettings } from '../../src/core/reach-settings.ts';
import { RoadNetwork } from '../../src/core/road-network.ts';
import { RoadWaysBuilder } from '../../src/core/roads/ways.ts';
import { makeRules, type Rules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { mulberry32 } from '../helpers/random.ts';
import { grid, zone } from '../helpers/tiny.ts';

const rand = mulberry32(5);
const cells = gridDisk(latLngToCell(25.3, 118.2, 9), 25).sort();
const g = grid(
  cells.map((h3, i) => ({ h3, population: 1 + Math.floor(rand() * 300), zone: i % 4 === 0 ? 'town' : 'country' })),
  [zone('town', 'urban'), zone('country', 'rural')],
);

/** A lattice of roads 400 m apart over the cells, of random classes, some one-way. */
function latticeWays() {
  const side = 30;
  const dLat = 0.4 / KM_PER_DEG_LAT;
  const dLng = dLat / Math.cos((25.3 * Math.PI) / 180);
  const b = new RoadWaysBuilder();
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) b.addVertex(118.2 + (c - side / 2) * dLng, 25.3 + (r - side / 2) * dLat);
  const classes = ['primary', 'tertiary', 'residential', 'track'];
  const row = new Int32Array(side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) row[c] = r * side + c;
    b.addWay(row, classes[Math.floor(rand() * 4)], NaN, rand() < 0.2 ? 1 : 0);
  }
  for (let c = 0; c < side; c++) {
    for (let r = 0; r < side; r++) row[r] = r * side + c;
    b.addWay(row, classes[Math.floor(rand() * 4)], NaN, rand() < 0.2 ? 1 : 0);
  }
  return b.finish();
}
const ways = latticeWays();

const stations: Station[] = Array.from({ length: 12 }, (_, k) => ({
  id: `s${k}`,
  name: `s${k}`,
  kind: 'station',
  status: k % 4 === 0 ? 'proposed' : 'existing',
  lng: 118.2 + (rand() - 0.5) * 0.08,
  lat: 25.3 + (rand() - 0.5) * 0.07,
  ...(k % 3 === 0 ? { turnoutMinutes: 1 + k / 4 } : {}),
}));

function rulesWith(overrides: Partial<Rules> = {}, speeds: Partial<Rules['reach']['speeds']> = {}): Rules {
  const reach = defaultReachSettings();
  return makeRules({ ...overrides, reach: { ...reach, serviceAlongRoads: true, speeds: { ...reach.speeds, ...speeds } } });
}

/** Where two engines differ (empty when equal to the last bit). */
function differences(a: CoverageEngine, b: CoverageEngine): string[] {
  const found: string[] = [];
  const id = (e: CoverageEngine, i: number) => e.stationAtSlot(e.nearestSlot[i])?.id ?? null;
  for (let i = 0; i < g.size && found.length < 5; i++) {
    if (a.status[i] !== b.status[i] || a.withinCircle[i] !== b.withinCircle[i] || a.inRangeCount[i] !== b.inRangeCount[i] || !Object.is(a.nearestCost[i], b.nearestCost[i]) || id(a, i) !== id(b, i)) {
      found.push(`cell ${i}: ${a.nearestCost[i]} by ${id(a, i)} ≠ ${b.nearestCost[i]} by ${id(b, i)}`);
    }
  }
  return found;
}

/** Counts a road model's searches from now on: its reaches and the searches of its full evaluations (nearestAll's, not read from those kept). */
function spySearches(model: ReachModel): () => number {
  const reach = vi.spyOn(model, 'reach');
  const all = vi.spyOn(model as unknown as { searchAll: () => void }, 'searchAll');
  return () => reach.mock.calls.length + all.mock.calls.length;
}

/** An engine over a road network of its own: nothing kept from any other evaluation. */
function fresh(rules: Rules): CoverageEngine {
  return createEngine(g, { stations, rules }, createReachModel(g), new RoadNetwork(g, ways));
}

describe('road reaches kept between evaluations', () => {
  it('a second engine on the same roads reads the first one’s searches and holds the same figures', () => {
    const rules = rulesWith();
    const roads = new RoadNetwork(g, ways);
    const model = roads.model(rules);
    const first = createEngine(g, { stations, rules }, createReachModel(g), roads);
    expect(first.reachModel).toBe(model);
    expect(first.activeStations().length).toBe(12);
    const searches = spySearches(model);
    // the same stations (a reload): nothing searched again
    const second = createEngine(g, { stations, rules }, createReachModel(g), roads);
    expect(searches()).toBe(0);
    expect(differences(second, first)).toEqual([]);
    // a baseline of fewer stations (searched as a whole evaluation of its own) holds what a fresh one does
    const third = createEngine(g, { stations: stations.slice(0, 8), rules }, createReachModel(g), roads);
    expect(differences(third, createEngine(g, { stations: stations.slice(0, 8), rules }, createReachModel(g), new RoadNetwork(g, ways)))).toEqual([]);
    expect(differences(first, fresh(rules))).toEqual([]);
  });

  it('a rules change that keeps the limits (an area type, the ambulance ratio) searches nothing again', () => {
    const roads = new RoadNetwork(g, ways);
    const engine = createEngine(g, { stations, rules: rulesWith() }, createReachModel(g), roads);
    const searches = spySearches(roads.model(rulesWith()));
    const changed = rulesWith({ areaTypeOverrides: { country: 'urban' }, residentsPerAmbulance: 20_000 });
    engine.setRules(changed);
    expect(searches()).toBe(0);
    expect(differences(engine, fresh(changed))).toEqual([]);
  });

  it('new limits (14-minute circle, lenient rural radius) search again and equal a fresh evaluation', () => {
    const roads = new RoadNetwork(g, ways);
    const engine = createEngine(g, { stations, rules: rulesWith() }, createReachModel(g), roads);
    const searches = spySearches(roads.model(rulesWith()));
    const changed = rulesWith({ circleMinutes: 14, ruralReading: 'lenient', ruralLenientRadiusKm: 30 });
    engine.setRules(changed);
    expect(searches()).toBeGreaterThan(0);
    expect(differences(engine, fresh(changed))).toEqual([]);
  });

  it('speeds re-weighted in place (peak traffic, a class slowed) search again and equal a fresh evaluation', () => {
    const roads = new RoadNetwork(g, ways);
    const before = rulesWith();
    const engine = createEngine(g, { stations, rules: before }, createReachModel(g), roads);
    const model = roads.model(before);
    const revision = model.revision;
    for (const peak of [rulesWith({}, { traffic: 'peak' }), rulesWith({}, { classKmh: { primary: 25 } }), before]) {
      // the same model object, its graph re-weighted: the kept reaches must not be read
      expect(roads.model(peak)).toBe(model);
      engine.setRules(peak);
      expect(differences(engine, fresh(peak))).toEqual([]);
    }
    expect(model.revision).not.toBe(revision);
  });

  it('a drag’s moves and a full evaluation after them equal a fresh evaluation', () => {
    const rules = rulesWith();
    const roads = new RoadNetwork(g, ways);
    const engine = createEngine(g, { stations, rules }, createReachModel(g), roads);
    for (let step = 1; step <= 10; step++) engine.upsertStation({ ...stations[5], lng: stations[5].lng + step * 0.002 });
    engine.upsertStation(stations[5]);
    expect(differences(engine, fresh(rules))).toEqual([]);
    engine.setStations(stations);
    expect(differences(engine, fresh(rules))).toEqual([]);
  });

  it('keeps at most its entries, oldest use first, and still answers what the model does', () => {
    const rules = rulesWith();
    const model = new RoadNetwork(g, ways).model(rules);
    const limits = model.limits(rules);
    const one = model.reach(stations[0], limits).cells.length;
    const cache = new ReachCache(2 * one);
    for (const s of stations) {
      const expected = model.reach(s, limits);
      const got = cache.reach(model, s, limits);
      expect(Array.from(got.cells)).toEqual(Array.from(expected.cells));
      expect(Array.from(got.costs)).toEqual(Array.from(expected.costs));
    }
    expect(cache.size).toBeLessThan(stations.length);
    expect(reachCacheOf(createReachModel(g))).toBeNull();
  });
});
