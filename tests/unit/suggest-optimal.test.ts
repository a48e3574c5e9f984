/**
 * The optimiser against exact optima: hand-made instances small enough to
 * count by hand, and seeded random instances on real H3 cells solved by
 * enumerating every choice of sites with an independent coverage count
 * (haversine distance, the rules applied directly, no matrix or engine code).
 */
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { createEngine } from '../../src/core/evaluate.ts';
import { haversineKm } from '../../src/core/geo.ts';
import { buildGrid, type CellInput, type PopulationGrid } from '../../src/core/grid.ts';
import { circleRadiusKm, coverRadiusKm, makeRules, type Rules } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import {
  countToReach,
  CoverState,
  LazyGreedy,
  lscpSteps,
  mclpSteps,
  problemFromSets,
  runSteps,
  sitesForTarget,
  stationCandidates,
  suggestSites,
  topSum,
  verifyGroups,
  type Candidate,
} from '../../src/core/suggest/index.ts';
import { zone } from '../helpers/tiny.ts';
import { mulberry32 } from '../helpers/random.ts';


function* subsets(n: number, k: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix;
    return;
  }
  for (let j = start; j <= n - (k - prefix.length); j++) yield* subsets(n, k, j + 1, [...prefix, j]);
}

describe('maximal coverage on hand-made instances (counted by hand)', () => {
  // items 0–3 weigh 10, items 4–5 weigh 9; M = {0,1,2,3} (40), L = {0,1,4} (29), R = {2,3,5} (29)
  const trap = () => problemFromSets([[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]], [10, 10, 10, 10, 9, 9]);

  it('greedy alone takes the middle set first and ends at 40 + 9 = 49 for k = 2', () => {
    const { problem } = trap();
    const s = runSteps(mclpSteps(problem, { k: 2, swap: false }));
    expect(s.value).toBe(49);
    expect(s.picks[0]).toBe(0);
  });

  it('swap refinement finds the two side sets, 29 + 29 = 58, and the bound proves it optimal', () => {
    const { problem } = trap();
    const s = runSteps(mclpSteps(problem, { k: 2 }));
    expect(s.value).toBe(58);
    expect([...s.picks].sort()).toEqual([1, 2]);
    expect(s.swaps).toBe(1);
    expect(s.bound.provenOptimal).toBe(true);
    expect(s.bound.upperBound).toBe(58);
  });

  it('k = 1 takes the middle set (40), and the bound is exactly 40', () => {
    const s = runSteps(mclpSteps(trap().problem, { k: 1 }));
    expect(s.value).toBe(40);
    expect(s.bound.provenOptimal).toBe(true);
  });

  it('stops early when nothing is left to gain, and says so', () => {
    const s = runSteps(mclpSteps(problemFromSets([[0], [0], [1]], [5, 7]).problem, { k: 3 }));
    expect(s.picks).toHaveLength(2);
    expect(s.exhausted).toBe(true);
    expect(s.value).toBe(12);
    expect(s.bound.provenOptimal).toBe(true);
  });

  it('merges demand items served by the same candidates into one element', () => {
    // items 0 and 1 are both served by candidates {0, 1}; item 2 by {1} only; item 3 by none
    const merged = problemFromSets([[0, 1], [0, 1, 2]], [5, 3, 4, 6]);
    expect(merged.problem.elementCount).toBe(2);
    expect(merged.elementOf[0]).toBe(merged.elementOf[1]);
    expect(merged.problem.first[merged.elementOf[0]]).toBe(8);
    expect(merged.elementOf[3]).toBe(-1);
    expect(merged.unreachableFirst).toBe(6);
    const s = runSteps(mclpSteps(merged.problem, { k: 1 }));
    expect(s.value).toBe(12);
  });

  it('backup: two sites over one village of 10 count 10 covered once + 0.5 × 10 covered twice', () => {
    const { problem } = problemFromSets([[0], [0], [1]], [10, 4], [], 0.5);
    const s = runSteps(mclpSteps(problem, { k: 2 }));
    expect(s.value).toBe(15); // 10 + 0.5 × 10 beats 10 + 4
    const state = new CoverState(problem);
    for (const j of s.picks) state.add(j);
    expect(state.servedOnce).toBe(10);
    expect(state.servedTwice).toBe(10);
  });

  it('backup: people one fixed station already covers count only as covered twice', () => {
    // item 0: 10 people uncovered; item 1: 8 people covered once already
    const { problem } = problemFromSets([[0], [1]], [10, 0], [0, 8], 1);
    const s = runSteps(mclpSteps(problem, { k: 1 }));
    expect(s.value).toBe(10);
    const state = new CoverState(problem);
    expect(state.split(1)).toEqual({ once: 0, twice: 8 });
  });
});

describe('set cover on hand-made instances (counted by hand)', () => {
  // six villages of 10; A = {0,1,2,3}, B = {0,1,4}, C = {2,3,5}: greedy takes A, then needs B and C
  const sets = [[0, 1, 2, 3], [0, 1, 4], [2, 3, 5]];
  const people = [10, 10, 10, 10, 10, 10];

  it('all 60 people need 2 sites (B and C), not the 3 plain greedy takes, and that is proven minimal', () => {
    const s = runSteps(lscpSteps(problemFromSets(sets, people).problem, { need: 60 }));
    expect(s.met).toBe(true);
    expect([...s.picks].sort()).toEqual([1, 2]);
    expect(s.reductions).toBe(1);
    expect(s.lowerBound).toBe(2);
  });

  it('40 people need 1 site (A)', () => {
    const s = runSteps(lscpSteps(problemFromSets(sets, people).problem, { need: 40 }));
    expect(s.picks).toEqual([0]);
    expect(s.lowerBound).toBe(1);
  });

  it('a village no candidate reaches makes 100 % unreachable, and the answer says how far they get', () => {
    const s = runSteps(lscpSteps(problemFromSets(sets, [...people, 10]).problem, { need: 70 }));
    expect(s.reachable).toBe(false);
    expect(s.met).toBe(false);
    expect(s.maxValue).toBe(60);
    expect(s.value).toBe(60);
  });

  it('nothing to do when the fixed stations already meet the need', () => {
    const s = runSteps(lscpSteps(problemFromSets(sets, people).problem, { need: 0 }));
    expect(s.picks).toEqual([]);
    expect(s.met).toBe(true);
  });
});

describe('lazy greedy equals plain greedy', () => {
  it('picks the same candidates in the same order as recomputing every gain every round (200 random instances)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = mulberry32(seed);
      const items = 10 + Math.floor(rnd() * 30);
      const people = Array.from({ length: items }, () => Math.floor(rnd() * 5)); // small weights: many ties
      const sets = Array.from({ length: 5 + Math.floor(rnd() * 15) }, () => Array.from({ length: items }, (_, d) => d).filter(() => rnd() < 0.25));
      const { problem } = problemFromSets(sets, people);
      const k = 1 + Math.floor(rnd() * 5);
      const lazy = new LazyGreedy(new CoverState(problem));
      const lazyPicks: number[] = [];
      for (let t = 0; t < k; t++) {
        const j = lazy.best();
        if (j < 0) break;
        lazy.pick(j);
        lazyPicks.push(j);
      }
      const plain = new CoverState(problem);
      const plainPicks: number[] = [];
      for (let t = 0; t < k; t++) {
        let best = -1;
        let bestGain = 0;
        for (let j = 0; j < sets.length; j++) {
          if (plain.picked[j]) continue;
          const g = plain.gain(j);
          if (g > bestGain) {
            best = j;
            bestGain = g;
          }
        }
        if (best < 0) break;
        plain.add(best);
        plainPicks.push(best);
      }
      expect(lazyPicks, `seed ${seed}`).toEqual(plainPicks);
    }
  });
});

// ---- generated geographic instances, solved by enumeration ----

interface Instance {
  grid: PopulationGrid;
  rules: Rules;
  fixed: Station[];
  candidates: Candidate[];
}

/** A ~40 × 40 km patch near Yongchun: random cells, an urban and a rural zone, one fixed station, random candidate sites. */
function instance(seed: number, candidateCount: number, rules = makeRules()): Instance {
  const rnd = mulberry32(seed);
  const cells = new Map<string, CellInput>();
  const lng0 = 118.0;
  const lat0 = 25.2;
  // people cluster in a few villages, as they do
  const villages = Array.from({ length: 8 }, () => [lng0 + rnd() * 0.4, lat0 + rnd() * 0.36]);
  for (let c = 0; c < 260; c++) {
    const [vx, vy] = villages[Math.floor(rnd() * villages.length)];
    const lng = vx + (rnd() - 0.5) * 0.08;
    const lat = vy + (rnd() - 0.5) * 0.08;
    const h3 = latLngToCell(lat, lng, 9);
    cells.set(h3, { h3, population: 1 + Math.floor(rnd() * 400), zone: lng < lng0 + 0.12 ? 'town' : 'country' });
  }
  const grid = buildGrid([...cells.values()], [zone('town', 'urban'), zone('country', 'rural')]);
  const fixed: Station[] = [{ id: 'fixed', name: 'fixed', kind: 'station', status: 'existing', lng: lng0 + rnd() * 0.4, lat: lat0 + rnd() * 0.36 }];
  const sites: Station[] = Array.from({ length: candidateCount }, (_, j) => ({
    id: `c${j}`,
    name: `site ${j}`,
    kind: 'candidate',
    status: 'disabled',
    lng: lng0 + rnd() * 0.4,
    lat: lat0 + rnd() * 0.36,
  }));
  return { grid, rules, fixed, candidates: stationCandidates(grid, sites) };
}

/** Independent count: per cell, the limit from its zone's type and the rules, then haversine distance. */
function independentCover(inst: Instance, objective: 'coverage' | 'circle') {
  const { grid, rules } = inst;
  const limit = (i: number) => {
    const type = grid.zone[i] >= 0 ? grid.zones[grid.zone[i]].areaType : 'rural';
    return objective === 'circle' ? circleRadiusKm(rules, type) : coverRadiusKm(rules, type);
  };
  const within = (lng: number, lat: number, i: number) => haversineKm(lng, lat, grid.lng[i], grid.lat[i]) <= limit(i);
  const base = Array.from({ length: grid.size }, (_, i) => inst.fixed.filter((s) => within(s.lng, s.lat, i)).length);
  const reach = inst.candidates.map((c) => Array.from({ length: grid.size }, (_, i) => i).filter((i) => within(c.lng, c.lat, i)));
  return { base, reach };
}

/** The best value over every choice of k candidates: people newly covered + β × people newly covered twice. */
function enumerate(inst: Instance, objective: 'coverage' | 'circle', k: number, beta = 0): number {
  const { base, reach } = independentCover(inst, objective);
  const pop = inst.grid.population;
  let best = 0;
  const count = new Int32Array(inst.grid.size);
  for (const choice of subsets(reach.length, Math.min(k, reach.length))) {
    count.fill(0);
    for (const j of choice) for (const i of reach[j]) count[i]++;
    let value = 0;
    for (let i = 0; i < inst.grid.size; i++) {
      const before = base[i];
      const after = before + count[i];
      value += pop[i] * ((after >= 1 ? 1 : 0) - (before >= 1 ? 1 : 0) + beta * ((after >= 2 ? 1 : 0) - (before >= 2 ? 1 : 0)));
    }
    best = Math.max(best, value);
  }
  return best;
}

/** Fewest candidates covering `need` more people, by enumeration of growing sizes (Infinity: none do). */
function fewestSites(inst: Instance, need: number): number {
  const { base, reach } = independentCover(inst, 'coverage');
  const pop = inst.grid.population;
  if (need <= 0) return 0;
  const covered = new Uint8Array(inst.grid.size);
  for (let size = 1; size <= reach.length; size++) {
    for (const choice of subsets(reach.length, size)) {
      covered.fill(0);
      let value = 0;
      for (const j of choice) {
        for (const i of reach[j]) {
          if (base[i] === 0 && !covered[i]) {
            covered[i] = 1;
            value += pop[i];
          }
        }
      }
      if (value >= need - 1e-9) return size;
    }
  }
  return Infinity;
}

describe('maximal coverage on 60 generated instances against enumeration', () => {
  const cases: { seed: number; k: number; objective: 'coverage' | 'circle'; beta: number }[] = [];
  for (let seed = 1; seed <= 60; seed++) cases.push({ seed, k: 2 + (seed % 3), objective: seed % 4 === 0 ? 'circle' : 'coverage', beta: seed % 5 === 0 ? 0.5 : 0 });
  const ratios: number[] = [];

  it.each(cases)('seed $seed: k = $k, $objective, backup weight $beta — within 1 % of optimal, bound above optimal', ({ seed, k, objective, beta }) => {
    const inst = instance(seed, 14);
    const engine = createEngine(inst.grid, { stations: inst.fixed, rules: inst.rules });
    const result = suggestSites(engine, { k, objective, candidates: inst.candidates, backupWeight: beta });
    const optimum = enumerate(inst, objective, k, beta);
    const value = result.bound.value;
    expect(value).toBeLessThanOrEqual(optimum + 1e-6);
    expect(value).toBeGreaterThanOrEqual(0.99 * optimum - 1e-6);
    expect(result.bound.upperBound).toBeGreaterThanOrEqual(optimum - 1e-6);
    // the ranked picks' gains add up to the reported change
    const added = result.picks.reduce((s, p) => s + p.populationAdded, 0);
    expect(added).toBeCloseTo(result.after.covered - result.before.covered, 6);
    if (beta === 0) expect(added).toBeCloseTo(value, 6);
    ratios.push(optimum > 0 ? value / optimum : 1);
  });

  it('is exactly optimal on most of them', () => {
    expect(ratios.length).toBe(cases.length);
    expect(ratios.filter((r) => r > 1 - 1e-9).length).toBeGreaterThanOrEqual(Math.floor(0.9 * cases.length));
  });
});

describe('set cover on 30 generated instances against enumeration', () => {
  it.each(Array.from({ length: 30 }, (_, s) => ({ seed: 100 + s, target: [0.6, 0.8, 0.9][s % 3] })))('seed $seed: target $target — the fewest sites, and a lower bound at or below it', ({ seed, target }) => {
    const inst = instance(seed, 12);
    const engine = createEngine(inst.grid, { stations: inst.fixed, rules: inst.rules });
    const result = sitesForTarget(engine, { target, candidates: inst.candidates });
    const need = target * result.population - result.before.covered;
    const minimum = fewestSites(inst, need);
    if (minimum === Infinity) {
      expect(result.reachable).toBe(false);
      expect(result.stationsNeeded).toBeNull();
      return;
    }
    expect(result.met).toBe(true);
    expect(result.stationsNeeded).toBe(minimum);
    expect(result.lowerBound).toBeLessThanOrEqual(minimum);
    expect(result.after.share).toBeGreaterThanOrEqual(target - 1e-12);
  });
});

describe('building blocks', () => {
  it('a wrong grouping (as a fingerprint collision would make) is split back, a right one kept', () => {
    // candidate 0 covers cells 0–2, candidate 1 covers cells 1–2: cells 1 and 2 belong together, cell 0 does not
    const rowStart = Int32Array.from([0, 1, 2]);
    const runFrom = Int32Array.from([0, 1]);
    const runTo = Int32Array.from([3, 3]);
    const wrong = verifyGroups(rowStart, runFrom, runTo, Int32Array.from([0, 0, 0]), 1);
    expect(new Set(wrong).size).toBe(3); // all three apart: the broken group is split cell by cell
    const right = verifyGroups(rowStart, runFrom, runTo, Int32Array.from([0, 1, 1]), 2);
    expect([...right]).toEqual([0, 1, 1]);
  });

  it('topSum and countToReach read the largest values', () => {
    const v = Float64Array.from([5, 1, 9, 3, 7]);
    expect(topSum(v, 2)).toBe(16);
    expect(topSum(v, 0)).toBe(0);
    expect(topSum(v, 9)).toBe(25);
    expect(topSum(Float64Array.from({ length: 100 }, (_, i) => i), 40)).toBe((99 + 60) * 20);
    expect(countToReach(v, 16)).toBe(2);
    expect(countToReach(v, 17)).toBe(3);
    expect(countToReach(v, 26)).toBe(Infinity);
    expect(countToReach(v, 0)).toBe(0);
  });
});
