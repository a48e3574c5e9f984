/**
 * p-center against brute force: seeded random cost tables solved by trying
 * every choice of k sites, and generated geographic instances where the
 * worst response is counted independently (haversine distance to the
 * nearest station or site, within the model's horizon).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { buildGrid } from '../../src/core/grid.ts';
import { makeRules } from '../../src/core/rules.ts';
import { pCenterSteps, runSteps, stationCandidates, suggestPCenterSites, type PCenterProblem } from '../../src/core/suggest/index.ts';
import { mulberry32 } from '../helpers/random.ts';
import { kmToCells, siteInstance, subsets } from '../helpers/suggest-instances.ts';
import { cellAt, stationFrom, zone } from '../helpers/tiny.ts';

/** A random cost table: each candidate reaches about half the cells at whole-number costs 1–20; fixed costs 5–30 or none. */
function randomTable(seed: number, cells: number, candidates: number): PCenterProblem {
  const rnd = mulberry32(seed);
  const existing = Float64Array.from({ length: cells }, () => (rnd() < 0.15 ? Infinity : 5 + Math.floor(rnd() * 26)));
  const rowStart = new Int32Array(candidates + 1);
  const cell: number[] = [];
  const cost: number[] = [];
  for (let j = 0; j < candidates; j++) {
    rowStart[j] = cell.length;
    for (let i = 0; i < cells; i++) {
      if (rnd() < 0.5) {
        cell.push(i);
        cost.push(1 + Math.floor(rnd() * 20));
      }
    }
  }
  rowStart[candidates] = cell.length;
  return { candidateCount: candidates, existing, rowStart, entryCell: Int32Array.from(cell), entryCost: Float64Array.from(cost) };
}

/** The smallest worst cost over every choice of k candidates (brute force). */
function bruteForce(p: PCenterProblem, k: number): number {
  let best = Infinity;
  for (const choice of subsets(p.candidateCount, Math.min(k, p.candidateCount))) {
    const near = Float64Array.from(p.existing);
    for (const j of choice) for (let q = p.rowStart[j]; q < p.rowStart[j + 1]; q++) near[p.entryCell[q]] = Math.min(near[p.entryCell[q]], p.entryCost[q]);
    best = Math.min(best, Math.max(...near));
  }
  return best;
}

describe('p-center on 30 random cost tables against brute force', () => {
  const cases = Array.from({ length: 30 }, (_, c) => ({ seed: 500 + c, cells: 12 + (c % 7), candidates: 8 + (c % 5), k: 1 + (c % 4) }));

  it.each(cases)('seed $seed: $cells cells, $candidates candidates, k = $k — optimal and proven', ({ seed, cells, candidates, k }) => {
    const p = randomTable(seed, cells, candidates);
    const optimum = bruteForce(p, k);
    const s = runSteps(pCenterSteps(p, { k }));
    expect(s.picks.length).toBeLessThanOrEqual(k);
    expect(s.worst).toBe(optimum);
    expect(s.lowerBound).toBe(optimum);
    expect(s.provenOptimal).toBe(true);
  });

  it('with no exact search allowed the answer is still feasible and its bound still valid', () => {
    for (let seed = 600; seed < 620; seed++) {
      const p = randomTable(seed, 16, 10);
      const optimum = bruteForce(p, 3);
      const s = runSteps(pCenterSteps(p, { k: 3, nodeBudget: 0 }));
      expect(s.worst).toBeGreaterThanOrEqual(optimum);
      expect(s.lowerBound).toBeLessThanOrEqual(optimum);
    }
  });
});

describe('p-center on an engine', () => {
  const rules = makeRules();

  it('two villages 40 km apart, no station: one site between them beats one at either village (worst 20 km, by hand)', () => {
    const west = cellAt(118.0, 25.0);
    const grid = buildGrid(
      [
        { h3: west, population: 10, zone: 'r' },
        { h3: cellAt(118.0, 25.0 + 40 / 111.2), population: 10, zone: 'r' },
      ],
      [zone('r', 'rural')],
    );
    const engine = createEngine(grid, { stations: [], rules });
    const [lngW, latW] = [grid.lng[0], grid.lat[0]];
    const [lngE, latE] = [grid.lng[1], grid.lat[1]];
    const halfway = { id: 'mid', name: 'mid', kind: 'candidate' as const, status: 'disabled' as const, lng: (lngW + lngE) / 2, lat: (latW + latE) / 2 };
    const candidates = stationCandidates(grid, [stationFrom('at-west', west, 0.5), halfway]);
    const s = suggestPCenterSites(engine, { k: 1, candidates });
    expect(s.picks.map((p) => p.stationId)).toEqual(['mid']);
    const half = kmToCells(grid, halfway.lng, halfway.lat);
    expect(s.worst.after).toBeCloseTo(Math.max(half[0], half[1]), 9);
    expect(s.worst.before).toBeNull(); // nothing reaches either village yet
    expect(s.provenOptimal).toBe(true);
    expect(s.unit).toBe('km');
  });

  const cases = Array.from({ length: 16 }, (_, c) => ({ seed: 700 + c, k: 1 + (c % 3) }));
  it.each(cases)('seed $seed, k = $k: the worst response equals the brute-force optimum (haversine, within the horizon)', ({ seed, k }) => {
    const inst = siteInstance(seed, 10, 1, 0.22);
    const engine = createEngine(inst.grid, { stations: inst.fixed, rules });
    const horizon = engine.reachLimits.max;
    const km = (lng: number, lat: number) => Array.from(kmToCells(inst.grid, lng, lat), (d) => (d <= horizon ? d : Infinity));
    const fixed = inst.fixed.map((f) => km(f.lng, f.lat));
    const sites = inst.candidates.map((c) => km(c.lng, c.lat));
    const cells = inst.grid.size;
    const nearestFixed = Array.from({ length: cells }, (_, i) => Math.min(...fixed.map((d) => d[i])));
    const reachable = Array.from({ length: cells }, (_, i) => Math.min(nearestFixed[i], ...sites.map((d) => d[i])) < Infinity);
    let optimum = Infinity;
    for (const choice of subsets(sites.length, k)) {
      let worst = 0;
      for (let i = 0; i < cells; i++) if (reachable[i]) worst = Math.max(worst, Math.min(nearestFixed[i], ...choice.map((j) => sites[j][i])));
      optimum = Math.min(optimum, worst);
    }
    let unreached = 0;
    for (let i = 0; i < cells; i++) if (!reachable[i]) unreached += inst.grid.population[i];

    const s = suggestPCenterSites(engine, { k, candidates: inst.candidates });
    expect(s.worst.after).toBeCloseTo(optimum, 6);
    expect(s.lowerBound).toBeCloseTo(optimum, 6);
    expect(s.provenOptimal).toBe(true);
    expect(s.unreachedWeight).toBe(unreached);
    // the last pick's running worst is the answer's
    if (s.picks.length > 0) expect(s.picks.at(-1)!.worstAfter).toBeCloseTo(optimum, 6);
  });
});
