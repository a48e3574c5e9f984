/**
 * Expected coverage (MEXCLP) against values worked by hand and against
 * enumeration of every choice of sites with an independent count (haversine
 * distance, the rules' radius, Σ w (1 − q^n) written out), and demand
 * weights (calls) that must change the chosen site.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { buildGrid } from '../../src/core/grid.ts';
import { coverRadiusKm, makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import {
  questionBusyFraction,
  mexclpSteps,
  problemFromSets,
  runSteps,
  stationCandidates,
  suggestMexclpSites,
  suggestSites,
} from '../../src/core/suggest/index.ts';
import { kmToCells, siteInstance, subsets } from '../helpers/suggest-instances.ts';
import { cellAt, stationFrom, zone } from '../helpers/tiny.ts';

describe('MEXCLP on hand-made sets (counted by hand)', () => {
  // A (100) served by s0, s1; B (50) by s0, s2; C (30) by s2. q = 0.5, one ambulance per site, no fixed stations.
  const toy = () => problemFromSets([[0, 1], [0], [1, 2]], [100, 50, 30]).problem;

  it('k = 2: {s0, s2} adds 100·(1−.5) + 50·(1−.25) + 30·(1−.5) = 102.5, the best of the three pairs (100, 102.5, 90)', () => {
    const s = runSteps(mexclpSteps(toy(), { k: 2, retain: 0.5 }));
    expect([...s.picks].sort()).toEqual([0, 2]);
    expect(s.value).toBeCloseTo(102.5, 9);
    expect(s.bound.upperBound).toBeGreaterThanOrEqual(102.5 - 1e-9);
    expect(s.gap).toBeCloseTo((s.bound.upperBound - 102.5) / s.bound.upperBound, 12);
  });

  it('k = 1: s0 adds 0.5 × 150 = 75, and the online bound proves it', () => {
    const s = runSteps(mexclpSteps(toy(), { k: 1, retain: 0.5 }));
    expect(s.picks).toEqual([0]);
    expect(s.value).toBeCloseTo(75, 9);
    expect(s.bound.provenOptimal).toBe(true);
  });

  it('q = 0 is maximal coverage: every element counts once', () => {
    const s = runSteps(mexclpSteps(toy(), { k: 2, retain: 0 }));
    expect(s.value).toBeCloseTo(180, 9);
  });

  it('the busy fraction of a question: 8,760 one-hour calls a year on 9 fixed ambulances + 1 new site = 0.1', () => {
    const grid = buildGrid([{ h3: cellAt(118, 25), population: 1, zone: 'r' }], [zone('r', 'rural')]);
    const fixed: Station[] = [{ ...stationFrom('a', grid.h3[0], 1), ambulances: 4 }, stationFrom('b', grid.h3[0], 2)];
    const ems = { ...makeRules().ems, meanJobMinutes: 60, defaultAmbulancesPerStation: 5 };
    const calls = { perCell: Float64Array.from([17_520]), years: 2 };
    expect(questionBusyFraction(grid, fixed, ems, calls, 1).busyFraction).toBeCloseTo(0.1, 12);
    expect(questionBusyFraction(grid, fixed, ems, calls, 1).ambulances).toBe(10);
  });
});

describe('MEXCLP on an engine: three villages, one fixed station with two ambulances (worked by hand)', () => {
  const rules = makeRules();
  // villages 100 km apart, rural; X (100 people) has the fixed station with 2 ambulances 1 km away
  const x = cellAt(118.0, 25.0);
  const y = cellAt(119.0, 25.0);
  const z = cellAt(118.0, 25.9);
  const grid = buildGrid(
    [
      { h3: x, population: 100, zone: 'r' },
      { h3: y, population: 60, zone: 'r' },
      { h3: z, population: 40, zone: 'r' },
    ],
    [zone('r', 'rural')],
  );
  const fixed: Station = { ...stationFrom('F', x, 1), ambulances: 2 };
  const sites = [stationFrom('cx', x, 1, 90), stationFrom('cy', y, 1), stationFrom('cz', z, 2)].map((s) => ({ ...s, status: 'disabled' as const }));
  const engine = createEngine(grid, { stations: [fixed], rules });
  const candidates = stationCandidates(grid, sites);

  it('q = 0.5, k = 1: before 100·(1 − .5²) = 75; gains cx 12.5, cy 30, cz 20: cy, after 105', () => {
    const s = suggestMexclpSites(engine, { k: 1, busyFraction: 0.5, candidates });
    expect(s.expected.before).toBeCloseTo(75, 9);
    expect(s.picks.map((p) => p.stationId)).toEqual(['cy']);
    expect(s.picks[0].expectedAdded).toBeCloseTo(30, 9);
    expect(s.expected.after).toBeCloseTo(105, 9);
    expect(s.expected.afterShare).toBeCloseTo(105 / 200, 9);
    // plain coverage beside it: Y's 60 people newly within the radius
    expect(s.picks[0].populationAdded).toBe(60);
    expect(s.before.covered).toBe(100);
    expect(s.after.covered).toBe(160);
  });

  it('q = 0.5, k = 2: cy then cz, after 125, proven optimal (the bound equals it)', () => {
    const s = suggestMexclpSites(engine, { k: 2, busyFraction: 0.5, candidates });
    expect(s.picks.map((p) => p.stationId)).toEqual(['cy', 'cz']);
    expect(s.expected.after).toBeCloseTo(125, 9);
    expect(s.bound.provenOptimal).toBe(true);
  });

  it('two ambulances per new site: cy adds 60·(1 − .25) = 45', () => {
    const s = suggestMexclpSites(engine, { k: 1, busyFraction: 0.5, candidates, ambulancesPerSite: 2 });
    expect(s.picks[0].expectedAdded).toBeCloseTo(45, 9);
  });

  it('a fixed station without a fleet counts the default: 3 ambulances make X 100·(1 − .5³) = 87.5', () => {
    const bare = createEngine(grid, { stations: [{ ...fixed, ambulances: undefined }], rules });
    const s = suggestMexclpSites(bare, { k: 1, busyFraction: 0.5, candidates, defaultAmbulancesPerStation: 3 });
    expect(s.expected.before).toBeCloseTo(87.5, 9);
  });
});

describe('MEXCLP on 24 generated instances against enumeration', () => {
  const rules = makeRules();
  const cases = Array.from({ length: 24 }, (_, c) => ({ seed: 100 + c, k: 2 + (c % 2), q: [0.1, 0.3, 0.5, 0.7][c % 4], perSite: 1 + (c % 3 === 0 ? 1 : 0) }));

  it.each(cases)('seed $seed: k = $k, q = $q, $perSite ambulance(s) a site — every bound (Lagrangian included) ≥ optimum ≥ greedy ≥ (1 − 1/e) optimum', ({ seed, k, q, perSite }) => {
    const inst = siteInstance(seed, 11);
    const engine = createEngine(inst.grid, { stations: inst.fixed, rules });
    const s = suggestMexclpSites(engine, { k, busyFraction: q, candidates: inst.candidates, ambulancesPerSite: perSite });

    // independent: ambulances within each cell's radius, Σ w (1 − q^n) over every k-subset
    const { grid } = inst;
    const radius = (i: number) => coverRadiusKm(rules, grid.zones[grid.zone[i]].areaType);
    const within = (lng: number, lat: number) => Array.from(kmToCells(grid, lng, lat), (km, i) => km <= radius(i));
    const base = new Float64Array(grid.size);
    for (const f of inst.fixed) within(f.lng, f.lat).forEach((w, i) => (base[i] += w ? f.ambulances! : 0));
    const reach = inst.candidates.map((c) => within(c.lng, c.lat));
    const expectedWith = (choice: number[]) => {
      let sum = 0;
      for (let i = 0; i < grid.size; i++) {
        const n = base[i] + perSite * choice.filter((j) => reach[j][i]).length;
        sum += grid.population[i] * (1 - q ** n);
      }
      return sum;
    };
    const before = expectedWith([]);
    let optimum = 0;
    for (const choice of subsets(reach.length, k)) optimum = Math.max(optimum, expectedWith(choice) - before);

    const eps = 1e-6 * Math.max(1, optimum);
    expect(optimum).toBeGreaterThan(0);
    expect(s.expected.before).toBeCloseTo(before, 6);
    expect(s.bound.value).toBeCloseTo(expectedWith(s.picks.map((p) => p.candidate)) - before, 6);
    expect(s.bound.upperBound).toBeGreaterThanOrEqual(optimum - eps);
    // every bound computed is one, whichever is reported
    for (const b of Object.values(s.bound.bounds)) if (b !== null) expect(b).toBeGreaterThanOrEqual(optimum - eps);
    expect(s.bound.value).toBeLessThanOrEqual(optimum + eps);
    expect(s.bound.value).toBeGreaterThanOrEqual(s.bound.ratio * optimum - eps);
    expect(s.bound.value).toBeGreaterThanOrEqual((1 - 1 / Math.E) * optimum - eps);
    expect(s.picks.reduce((sum, p) => sum + p.expectedAdded, 0)).toBeCloseTo(s.bound.value, 6);
  });
});

describe('demand weights: calls instead of residents', () => {
  const rules = makeRules();
  // P has many residents but few calls; Q the other way round; one candidate near each, 100 km apart
  const p = cellAt(118.0, 25.0);
  const q = cellAt(119.0, 25.0);
  const grid = buildGrid(
    [
      { h3: p, population: 1000, zone: 'r' },
      { h3: q, population: 200, zone: 'r' },
    ],
    [zone('r', 'rural')],
  );
  const engine = createEngine(grid, { stations: [], rules });
  const candidates = stationCandidates(grid, [stationFrom('near-p', p, 1), stationFrom('near-q', q, 1)]);
  const calls = new Float64Array(grid.size);
  calls[grid.indexOf.get(p)!] = 5;
  calls[grid.indexOf.get(q)!] = 80;

  it('maximal coverage picks P by residents and Q by calls, and counts calls when weighed by them', () => {
    expect(suggestSites(engine, { k: 1, candidates }).picks[0].stationId).toBe('near-p');
    const byCalls = suggestSites(engine, { k: 1, candidates, weights: calls });
    expect(byCalls.picks[0].stationId).toBe('near-q');
    expect(byCalls.weightedBy).toBe('weights');
    expect(byCalls.population).toBe(85);
    expect(byCalls.after.covered).toBe(80);
  });

  it('MEXCLP too: by calls Q, adding 80 × (1 − 0.2) = 64 expected calls', () => {
    expect(suggestMexclpSites(engine, { k: 1, busyFraction: 0.2, candidates }).picks[0].stationId).toBe('near-p');
    const byCalls = suggestMexclpSites(engine, { k: 1, busyFraction: 0.2, candidates, weights: calls });
    expect(byCalls.picks[0].stationId).toBe('near-q');
    expect(byCalls.expected.after).toBeCloseTo(64, 9);
  });

  it('refuses weights that do not line up with the grid, naming the counts', () => {
    expect(() => suggestSites(engine, { k: 1, candidates, weights: new Float64Array(3) })).toThrow(/3 cells but the grid has 2/);
    const bad = Float64Array.from([1, Number.NaN]);
    expect(() => suggestMexclpSites(engine, { k: 1, busyFraction: 0.2, candidates, weights: bad })).toThrow(/finite number ≥ 0/);
  });
});
