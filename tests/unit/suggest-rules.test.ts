/**
 * Site suggestion follows the engine's rules: which cells a site covers
 * (urban 5 km, rural strict 10 km / lenient 20 km, overrides, the emergency
 * circle), what counts as already covered, backup cover, the fixed stations
 * left untouched, and the plumbing (reach model, candidates, progress, cancel).
 */
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { createEngine } from '../../src/core/evaluate.ts';
import { buildGrid } from '../../src/core/grid.ts';
import { StraightLineReach } from '../../src/core/straight-line-reach.ts';
import { makeRules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import {
  cellCandidates,
  coverageMatrixSteps,
  idleFacilities,
  runSteps,
  sitesForTarget,
  stationCandidates,
  suggestSites,
  suggestSitesSteps,
  SuggestCancelled,
  type SuggestProgress,
} from '../../src/core/suggest/index.ts';
import { cellAt, grid, stationFrom, zone } from '../helpers/tiny.ts';

// Cells about 1° (≈100 km) apart, so a site near one cannot reach another.
const A = cellAt(117.0, 25.0);
const B = cellAt(118.0, 25.0);
const C = cellAt(119.0, 25.0);

/** Candidate sites as facilities (so they carry ids we can name). */
const site = (id: string, h3: string, km: number, bearing = 0): Station => ({ ...stationFrom(id, h3, km, bearing), kind: 'candidate', status: 'disabled' });

function ask(opts: { areaTypes: ['urban' | 'rural', 'urban' | 'rural']; fixed?: Station[]; sites: Station[]; k?: number; rules?: ReturnType<typeof makeRules>; objective?: 'coverage' | 'circle'; backupWeight?: number }) {
  const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', opts.areaTypes[0]), zone('b', opts.areaTypes[1])]);
  const engine = createEngine(g, { stations: opts.fixed ?? [], rules: opts.rules ?? makeRules() });
  const result = suggestSites(engine, { k: opts.k ?? 1, candidates: stationCandidates(g, opts.sites), objective: opts.objective, backupWeight: opts.backupWeight });
  return { engine, result };
}

describe('which cells a new site covers follows the service radius rules', () => {
  it('a rural cell 8 km from a site is newly covered; an urban cell 8 km from another site is not', () => {
    const { result } = ask({ areaTypes: ['rural', 'urban'], sites: [site('near-a', A, 8), site('near-b', B, 8)], k: 2 });
    expect(result.picks.map((p) => [p.stationId, p.populationAdded])).toEqual([['near-a', 100]]);
    expect(result.exhausted).toBe(true);
    expect(result.bound.provenOptimal).toBe(true);
  });
  it('an urban cell 4 km from a site is covered (≤ 5 km)', () => {
    const { result } = ask({ areaTypes: ['rural', 'urban'], sites: [site('near-b', B, 4)] });
    expect(result.picks[0].populationAdded).toBe(70);
  });
  it('a rural cell 12 km away counts only under the lenient 20 km reading', () => {
    expect(ask({ areaTypes: ['rural', 'rural'], sites: [site('s', A, 12)] }).result.picks).toHaveLength(0);
    const lenient = ask({ areaTypes: ['rural', 'rural'], sites: [site('s', A, 12)], rules: makeRules({ ruralReading: 'lenient' }) });
    expect(lenient.result.picks[0].populationAdded).toBe(100);
  });
  it('a planner override makes a rural zone urban, so a site 8 km away no longer covers it', () => {
    const { result } = ask({ areaTypes: ['rural', 'rural'], sites: [site('s', A, 8)], rules: makeRules({ areaTypeOverrides: { a: 'urban' } }) });
    expect(result.picks).toHaveLength(0);
  });
  it('the circle objective counts an urban cell 3.9 km away (inside 4.01 km) but not one 4.2 km away', () => {
    const inside = ask({ areaTypes: ['urban', 'urban'], sites: [site('s', A, 3.9)], objective: 'circle' });
    expect(inside.result.picks[0].populationAdded).toBe(100);
    expect(ask({ areaTypes: ['urban', 'urban'], sites: [site('s', A, 4.2)], objective: 'circle' }).result.picks).toHaveLength(0);
  });
  it('the 14-minute circle (3.67 km) drops the urban cell 3.9 km away', () => {
    const { result } = ask({ areaTypes: ['urban', 'urban'], sites: [site('s', A, 3.9)], objective: 'circle', rules: makeRules({ circleMinutes: 14 }) });
    expect(result.picks).toHaveLength(0);
  });
});

describe('the fixed stations', () => {
  it('people a fixed station already covers add nothing: the site near the uncovered village wins', () => {
    const fixed = [stationFrom('old', A, 2)];
    const { result } = ask({ areaTypes: ['rural', 'rural'], fixed, sites: [site('by-a', A, 1), site('by-b', B, 1)] });
    expect(result.before.covered).toBe(100);
    expect(result.picks.map((p) => [p.stationId, p.populationAdded, p.cumulativeCovered])).toEqual([['by-b', 70, 170]]);
    expect(result.after.covered).toBe(170);
    expect(result.after.share).toBe(1);
  });

  it('are never moved, removed or changed: the engine holds the same stations and statuses afterwards', () => {
    const fixed = [stationFrom('old', A, 2), stationFrom('proposed', B, 30, 90, 'proposed')];
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: fixed, rules: makeRules() });
    const stationsBefore = structuredClone(engine.activeStations());
    const status = engine.status.slice();
    const inRange = engine.inRangeCount.slice();
    const nearest = engine.nearestCost.slice();
    const result = suggestSites(engine, { k: 2, candidates: cellCandidates(g) });
    sitesForTarget(engine, { target: 1, candidates: cellCandidates(g) });
    expect(engine.activeStations()).toEqual(stationsBefore);
    expect(engine.status).toEqual(status);
    expect(engine.inRangeCount).toEqual(inRange);
    expect(engine.nearestCost).toEqual(nearest);
    expect(result.picks.map((p) => p.stationId)).toEqual([null]); // a cell site, not a moved station
  });

  it('backup: a village one fixed station covers gains "covered twice" from a second site, not "newly covered"', () => {
    const fixed = [stationFrom('old', A, 2)];
    const { result } = ask({ areaTypes: ['rural', 'rural'], fixed, sites: [site('by-a', A, 1)], backupWeight: 0.5 });
    expect(result.picks[0].populationAdded).toBe(0);
    expect(result.picks[0].backupPopulationAdded).toBe(100);
    expect(result.before.coveredTwice).toBe(0);
    expect(result.after.coveredTwice).toBe(100);
    expect(result.bound.value).toBe(50);
  });

  it('without backup, "covered twice" is not tracked', () => {
    const { result } = ask({ areaTypes: ['rural', 'rural'], sites: [site('by-a', A, 1)] });
    expect(result.picks[0].backupPopulationAdded).toBeNull();
    expect(result.after.coveredTwice).toBeNull();
  });
});

describe('set cover on the engine', () => {
  it('needs no site when the fixed stations already cover the target share', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: [stationFrom('old', A, 2)], rules: makeRules() });
    const r = sitesForTarget(engine, { target: 0.5, candidates: cellCandidates(g) });
    expect(r.stationsNeeded).toBe(0);
    expect(r.provenMinimal).toBe(true);
  });
  it('reports 100 % unreachable when a village lies beyond every candidate, and the share they can reach', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }, { h3: C, population: 30, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    const r = sitesForTarget(engine, { target: 1, candidates: stationCandidates(g, [site('by-a', A, 1), site('by-b', B, 1)]) });
    expect(r.reachable).toBe(false);
    expect(r.stationsNeeded).toBeNull();
    expect(r.maxShare).toBeCloseTo(170 / 200, 12);
    expect(r.picks).toHaveLength(2);
    expect(r.demand.unreachablePopulation).toBe(30);
  });
  it('rejects a target outside (0, 1] and a k below 1', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }], [zone('a', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    expect(() => sitesForTarget(engine, { target: 1.5 })).toThrow(/at most 1/);
    expect(() => suggestSites(engine, { k: 0 })).toThrow(/positive integer/);
    expect(() => suggestSites(engine, { k: 1, backupWeight: 2 })).toThrow(/between 0 and 1/);
  });
});

describe('candidates', () => {
  const g = buildGrid(
    [
      { h3: latLngToCell(25.3, 118.2, 9), population: 10, zone: 'a' },
      { h3: latLngToCell(25.303, 118.203, 9), population: 0, zone: 'a' },
      { h3: latLngToCell(25.32, 118.25, 9), population: 5, zone: 'b' },
    ],
    [zone('a', 'rural'), zone('b', 'urban')],
  );
  it('cell candidates are the populated cells, with their zone', () => {
    const c = cellCandidates(g);
    expect(c).toHaveLength(2);
    expect(c.every((x) => x.stationId === null && x.zone >= 0)).toBe(true);
  });
  it('coarser cell candidates: one per populated parent cell', () => {
    expect(cellCandidates(g, 5)).toHaveLength(1);
    expect(() => cellCandidates(g, 10)).toThrow(/resolution/);
  });
  it('idle facilities: health centres and disabled facilities that are not stations in the scenario', () => {
    const all: Station[] = [
      { id: 'hc-on', name: 'on', kind: 'health-centre', status: 'existing', lng: 118.2, lat: 25.3 },
      { id: 'hc-off', name: 'off', kind: 'health-centre', status: 'disabled', lng: 118.2, lat: 25.3, township: 'b' },
      { id: 'st', name: 'st', kind: 'station', status: 'existing', lng: 118.2, lat: 25.3 },
      { id: 'hosp-off', name: 'x', kind: 'hospital', status: 'disabled', lng: 118.2, lat: 25.3 },
    ];
    const engine = createEngine(g, { stations: all, rules: makeRules() });
    const idle = idleFacilities(engine, all);
    expect(idle.map((s) => s.id)).toEqual(['hc-off', 'hosp-off']);
    const c = stationCandidates(g, idle);
    expect(c[0]).toMatchObject({ stationId: 'hc-off', name: 'off', zone: 1 }); // township code names zone b
    expect(c[1].zone).toBe(0); // the cell under it is in zone a
  });
});

describe('plumbing', () => {
  it('the straight-line model over demand cells gives exactly its cells and costs over the whole grid', () => {
    const rows = [];
    for (let x = 0; x < 40; x++) for (let y = 0; y < 40; y++) if ((x * 7 + y * 3) % 5 !== 0) rows.push({ h3: latLngToCell(25.1 + y * 0.01, 117.9 + x * 0.011, 9), population: 1 });
    const g = buildGrid(rows, []);
    const all = Int32Array.from({ length: g.size }, (_, i) => i);
    const subset = all.filter((i) => i % 3 !== 0);
    const full = new StraightLineReach(g, null, { blockSteps: 3 });
    const mine = new StraightLineReach(g, subset, { blockSteps: 1 });
    for (const [lng, lat, km] of [[118.1, 25.3, 10], [117.95, 25.15, 5], [118.3, 25.5, 20], [118.6, 25.9, 3], [118.12, 25.31, 0.5]]) {
      const a = full.withinKm(lng, lat, km);
      const want = new Map<number, number>();
      a.cells.forEach((i, k) => i % 3 !== 0 && want.set(i, a.costs[k]));
      const b = mine.withinKm(lng, lat, km);
      const got = new Map<number, number>();
      b.cells.forEach((i, k) => got.set(i, b.costs[k]));
      expect(got).toEqual(want);
    }
  });

  it('reports progress in phases and stops between steps when asked', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    const seen: SuggestProgress[] = [];
    suggestSites(engine, { k: 2 }, { onProgress: (p) => seen.push(p) });
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['matrix', 'greedy', 'swap']));
    let calls = 0;
    expect(() => suggestSites(engine, { k: 2 }, { shouldStop: () => ++calls > 2 })).toThrow(SuggestCancelled);
    const controller = new AbortController();
    controller.abort();
    expect(() => suggestSites(engine, { k: 2 }, { signal: controller.signal })).toThrow(/cancelled/);
  });

  it('the steps can be driven by hand, one checkpoint at a time', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }], [zone('a', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    const steps = suggestSitesSteps(engine, { k: 1 });
    let next = steps.next();
    let count = 0;
    while (!next.done) {
      count++;
      next = steps.next();
    }
    expect(count).toBeGreaterThan(1);
    expect(next.value.picks[0].populationAdded).toBe(100);
  });

  it('answers for the scenario as it was when the steps began, even if the engine changes meanwhile', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    const expected = suggestSites(engine, { k: 1 });
    const steps = suggestSitesSteps(engine, { k: 1 });
    let next = steps.next();
    engine.upsertStation(stationFrom('late', A, 1)); // covers A while the question is pending
    while (!next.done) next = steps.next();
    expect(next.value).toEqual(expected);
  });

  it('refuses a coverage matrix beyond its memory guard, with a way out', () => {
    const g = grid([{ h3: A, population: 100, zone: 'a' }, { h3: B, population: 70, zone: 'b' }], [zone('a', 'rural'), zone('b', 'rural')]);
    const engine = createEngine(g, { stations: [], rules: makeRules() });
    const candidates = cellCandidates(g);
    expect(() => runSteps(coverageMatrixSteps(engine, candidates, { objective: 'coverage', backup: false, maxRuns: 1 }))).toThrow(/coarser candidates/);
  });
});
