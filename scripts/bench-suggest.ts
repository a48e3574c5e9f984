/**
 * Benchmarks of site suggestion, each printed beside a naive plain greedy
 * (every candidate's gain re-summed cell by cell every round, no lazy
 * evaluation, no merged demand, no swaps or bound) measured in the same run.
 * Both time the whole question: from an engine holding the scenario and the
 * candidate list to the chosen sites.
 *   npm run bench:suggest
 */
import { createEngine } from '../src/core/evaluate.ts';
import { createReachModel } from '../src/core/reach-factory.ts';
import { makeRules } from '../src/core/rules.ts';
import { cellCandidates } from '../src/core/suggest/candidates.ts';
import { sitesForTarget, suggestSites, type SiteSuggestion, type TargetSuggestion } from '../src/core/suggest/suggest.ts';
import { loadDemoDataset } from './lib/demo-data.ts';
import { naiveSites, naiveSitesForNeed, type NaiveResult } from './lib/suggest-naive.ts';
import { syntheticDisc } from './lib/synthetic-disc.ts';
import { line, time } from './lib/timing.ts';

const runs = Number(process.env.BENCH_RUNS ?? 9);
const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rules = makeRules();


// 1. Synthetic: 10,000 populated res-9 cells — a disc of ~18 km radius with one cell in eleven left empty
//    at random — the west quarter urban, no station yet, 1,000 candidate cells at random.
{
  const { grid, rnd } = syntheticDisc(7);
  const model = createReachModel(grid);
  const engine = createEngine(grid, { stations: [], rules }, model);
  const all = cellCandidates(grid);
  const chosen = new Set<number>();
  while (chosen.size < 1_000) chosen.add(Math.floor(rnd() * all.length));
  const candidates = [...chosen].sort((a, b) => a - b).map((j) => all[j]);
  let ours!: SiteSuggestion;
  let naive!: NaiveResult;
  const t = time(() => (ours = suggestSites(engine, { k: 10, candidates })), runs);
  const same = time(() => suggestSites(engine, { k: 10, candidates, swap: false, lagrangianIterations: 0 }), runs);
  const b = time(() => (naive = naiveSites(engine, model, candidates, 10)), baselineRuns, 1);
  console.log(`synthetic: ${int(grid.size)} demand cells, ${int(candidates.length)} candidates, node ${process.version}`);
  console.log(line('synthetic 10,000 cells × 1,000 candidates, k = 10 (matrix + lazy greedy + swaps + bound)', t, b, 'naive plain greedy'));
  console.log(line('synthetic, greedy picks only (same work as the naive baseline)', same, b, 'naive plain greedy'));
  console.log(
    `  newly covered: ours ${int(ours.bound.value)} (≥ ${(ours.bound.ratio * 100).toFixed(2)} % of optimal, ${ours.bound.kind} bound), naive greedy ${int(naive.value)}; ${ours.iterations.swaps} swaps, ${ours.iterations.restarts} restarts; speed-up ${(b.medianMs / t.medianMs).toFixed(2)}× (greedy only ${(b.medianMs / same.medianMs).toFixed(2)}×)`,
  );
}

// 2. Yongchun with 达埔 and 桂洋 in place: every populated res-9 cell a candidate.
{
  const { grid, stations } = await loadDemoDataset('350525');
  const model = createReachModel(grid);
  const engine = createEngine(grid, { stations, rules }, model);
  const candidates = cellCandidates(grid);
  let ours!: SiteSuggestion;
  let naive!: NaiveResult;
  const t = time(() => (ours = suggestSites(engine, { k: 5, candidates })), runs);
  const same = time(() => suggestSites(engine, { k: 5, candidates, swap: false, lagrangianIterations: 0 }), runs);
  const b = time(() => (naive = naiveSites(engine, model, candidates, 5)), baselineRuns, 1);
  console.log(`Yongchun: ${int(grid.size)} populated res-9 cells (all candidates), ${int(ours.demand.cells)} not yet covered`);
  console.log(line('Yongchun all populated res-9 cells as candidates, k = 5 (matrix + lazy greedy + swaps + bound)', t, b, 'naive plain greedy'));
  console.log(line('Yongchun k = 5, greedy picks only (same work as the naive baseline)', same, b, 'naive plain greedy'));
  console.log(
    `  newly covered: ours ${int(ours.bound.value)} (≥ ${(ours.bound.ratio * 100).toFixed(2)} % of optimal, ${ours.bound.kind} bound), naive greedy ${int(naive.value)}; ${ours.iterations.swaps} swaps, ${ours.iterations.restarts} restarts, ${ours.iterations.lagrangianIterations} Lagrangian steps; speed-up ${(b.medianMs / t.medianMs).toFixed(2)}× (greedy only ${(b.medianMs / same.medianMs).toFixed(2)}×)`,
  );

  let cover!: TargetSuggestion;
  let naiveCover!: NaiveResult;
  const need = 0.95 * grid.population.reduce((s, p) => s + p, 0) - engine.total(0);
  const tc = time(() => (cover = sitesForTarget(engine, { target: 0.95, candidates })), runs);
  const bc = time(() => (naiveCover = naiveSitesForNeed(engine, model, candidates, need)), baselineRuns, 1);
  console.log(line('Yongchun fewest sites for 95 % covered (set cover)', tc, bc, 'naive plain greedy'));
  console.log(`  sites: ours ${cover.stationsNeeded} (lower bound ${cover.lowerBound}${cover.provenMinimal ? ': proven minimal' : ''}), naive greedy ${naiveCover.picks.length}`);
}
console.log('targets: synthetic ≤ 200 ms, Yongchun k = 5 ≤ 500 ms');
