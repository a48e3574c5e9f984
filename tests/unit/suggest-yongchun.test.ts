/**
 * Site suggestion on the demo data for Yongchun (350525), with 达埔 and 桂洋
 * in place, checked independently: the engine itself measures what each
 * suggested site adds when it is actually built as a station.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distance } from '@turf/turf';
import { cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { AGG_COVERED, AGG_WITHIN_CIRCLE, type CoverageEngine } from '../../src/core/coverage.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import type { ReachModel } from '../../src/core/reach.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { makeRules, maxRuleRadiusKm } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import {
  cellCandidates,
  coverageMatrixSteps,
  idleFacilities,
  runSteps,
  sitesForTarget,
  stationCandidates,
  suggestSites,
  type SuggestedSite,
} from '../../src/core/suggest/index.ts';
import { DATA_DIR, loadDemoDataset } from '../../scripts/lib/demo-data.ts';

const data = await loadDemoDataset('350525');
const rules = makeRules();
const model = createReachModel(data.grid);
const engine = createEngine(data.grid, { stations: data.stations, rules }, model);

/**
 * Counted apart from the engine: the data file's facilities that are not
 * active (disabled, or a health centre not switched on) and stand in Yongchun
 * or within the largest rule radius (20 km) of one of its populated cells.
 */
function idleWithinReach(): number {
  const cells = readFileSync(path.join(DATA_DIR, 'population/350525.csv'), 'utf8').trim().split('\n').slice(1).map((l) => cellToLatLng(l.split(',')[0]));
  const facilities = JSON.parse(readFileSync(path.join(DATA_DIR, 'facilities.json'), 'utf8')) as Station[];
  return facilities.filter(
    (f) => f.status === 'disabled' && (f.county === '350525' || cells.some(([lat, lng]) => distance([lng, lat], [f.lng, f.lat], { units: 'kilometers' }) <= maxRuleRadiusKm(rules))),
  ).length;
}

/** Builds the picks as stations one by one and returns what the engine counts after each. */
function measure(e: CoverageEngine, picks: SuggestedSite[], column = AGG_COVERED): number[] {
  const added: number[] = [];
  let before = e.total(column);
  for (const p of picks) {
    const station: Station = { id: `suggested-${p.rank}`, name: p.name ?? p.h3, kind: 'candidate', status: 'proposed', lng: p.lng, lat: p.lat };
    e.upsertStation(station);
    const after = e.total(column);
    added.push(after - before);
    before = after;
  }
  for (const p of picks) e.removeStation(`suggested-${p.rank}`);
  return added;
}

describe('Yongchun with 达埔 and 桂洋 in place', () => {
  // 328,346: every populated cell to every active facility of data/facilities.json with turf.distance, at 5 km urban / 10 km rural
  // (the brute force of engine-vs-bruteforce.test.ts); the neighbours' hospitals and central health centres reach in
  it('starts from the report\'s figures: 328,346 of 422,531 covered', () => {
    expect(engine.hasStation('yc-dapu') && engine.hasStation('yc-guiyang')).toBe(true);
    const r = suggestSites(engine, { k: 1 });
    expect(r.population).toBe(422_531);
    expect(r.before.covered).toBe(328_346);
    expect(r.before.covered).toBe(engine.total(AGG_COVERED));
  });

  it('k = 3 over every populated cell: each site\'s gain is what the engine measures when it is built', () => {
    const r = suggestSites(engine, { k: 3 });
    expect(r.picks).toHaveLength(3);
    expect(r.candidates.total).toBe(data.grid.size);
    expect(measure(engine, r.picks)).toEqual(r.picks.map((p) => p.populationAdded));
    expect(r.after.covered).toBe(r.before.covered + r.picks.reduce((s, p) => s + p.populationAdded, 0));
    // ranked: each adds no more than the one before
    for (let i = 1; i < r.picks.length; i++) expect(r.picks[i].populationAdded).toBeLessThanOrEqual(r.picks[i - 1].populationAdded);
    expect(r.bound.upperBound).toBeGreaterThanOrEqual(r.bound.value);
    expect(r.bound.ratio).toBeGreaterThan(0.95);
    // the engine is back to the scenario
    expect(engine.total(AGG_COVERED)).toBe(328_346);
  });

  it('k = 2 inside the 15-minute circle: the engine agrees on every site\'s gain', () => {
    const r = suggestSites(engine, { k: 2, objective: 'circle' });
    expect(r.before.covered).toBe(engine.total(AGG_WITHIN_CIRCLE));
    expect(measure(engine, r.picks, AGG_WITHIN_CIRCLE)).toEqual(r.picks.map((p) => p.populationAdded));
  });

  it('health centres as candidates: named sites, gains the engine confirms, and a proven or near-proven optimum', () => {
    const candidates = stationCandidates(data.grid, idleFacilities(engine, data.stations));
    expect(candidates.length).toBe(idleWithinReach());
    const r = suggestSites(engine, { k: 3, candidates });
    expect(r.picks.every((p) => p.stationId?.startsWith('yc-hc-') && p.name?.endsWith('卫生院'))).toBe(true);
    expect(measure(engine, r.picks)).toEqual(r.picks.map((p) => p.populationAdded));
    expect(r.demand.elements).toBeLessThan(r.demand.cells / 10); // few candidates: cells merge into few groups
    expect(r.bound.ratio).toBeGreaterThan(0.99);
  });

  it('backup: the engine\'s count of stations in range confirms the people newly covered twice', () => {
    const r = suggestSites(engine, { k: 2, backupWeight: 0.5 });
    const twiceBefore = (e: CoverageEngine) => {
      let s = 0;
      for (let i = 0; i < e.grid.size; i++) if (e.inRangeCount[i] >= 2) s += e.grid.population[i];
      return s;
    };
    expect(r.before.coveredTwice).toBe(twiceBefore(engine));
    for (const p of r.picks) engine.upsertStation({ id: `b-${p.rank}`, name: 'b', kind: 'candidate', status: 'proposed', lng: p.lng, lat: p.lat });
    expect(r.after.coveredTwice).toBe(twiceBefore(engine));
    expect(r.after.covered).toBe(engine.total(AGG_COVERED));
    for (const p of r.picks) engine.removeStation(`b-${p.rank}`);
  });

  it('95 %: the suggested sites reach it when built, and the count is no more than the lower bound allows', () => {
    const r = sitesForTarget(engine, { target: 0.95 });
    expect(r.met).toBe(true);
    expect(r.stationsNeeded).toBe(r.picks.length);
    expect(r.lowerBound).toBeLessThanOrEqual(r.stationsNeeded!);
    const added = measure(engine, r.picks);
    expect(engine.total(AGG_COVERED) + added.reduce((s, a) => s + a, 0)).toBeGreaterThanOrEqual(0.95 * 422_531);
    // one site fewer, whichever is left out, falls short
    for (const left of r.picks) {
      const rest = measure(engine, r.picks.filter((p) => p !== left)).reduce((s, a) => s + a, 0);
      expect(engine.total(AGG_COVERED) + rest).toBeLessThan(0.95 * 422_531);
    }
  });

  it('100 % is out of reach with the health centres alone, and the answer says how far they get', () => {
    const candidates = stationCandidates(data.grid, idleFacilities(engine, data.stations));
    const r = sitesForTarget(engine, { target: 1, candidates });
    expect(r.reachable).toBe(false);
    expect(r.stationsNeeded).toBeNull();
    expect(r.maxShare).toBeLessThan(1);
    expect(r.after.share).toBeCloseTo(r.maxShare, 12);
    expect(r.demand.unreachablePopulation).toBeGreaterThan(0);
  });

  it.each([
    ['coverage', false],
    ['circle', false],
    ['coverage', true],
  ] as const)('the fast block-by-block matrix equals the one built cell by cell through the engine\'s reach model (%s, backup %s)', (objective, backup) => {
    const candidates = cellCandidates(data.grid, 8);
    // the same model without its run query: the matrix is then built from each candidate's reach, cell by cell
    const plain: ReachModel = { unit: model.unit, limits: (r) => model.limits(r), reach: (o, l) => model.reach(o, l) };
    const plainEngine = createEngine(data.grid, { stations: data.stations, rules }, plain);
    const fast = runSteps(coverageMatrixSteps(engine, candidates, { objective, backup }));
    const slow = runSteps(coverageMatrixSteps(plainEngine, candidates, { objective, backup }));
    expect(fast.entries).toBeGreaterThan(100_000);
    expect(fast.cells).toEqual(slow.cells);
    expect(fast.rowStart).toEqual(slow.rowStart);
    expect(fast.runFrom).toEqual(slow.runFrom);
    expect(fast.runTo).toEqual(slow.runTo);
  });
});
