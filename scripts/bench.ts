/**
 * Benchmarks of the coverage engine on all of Quanzhou (every populated res-9
 * cell, every demo facility switched on as a station), each printed beside the
 * naive Turf polygon approach measured in the same run.
 *   npm run bench
 */
import { performance } from 'node:perf_hooks';
import { AGG_COVERED } from '../src/core/coverage.ts';
import { createEngine } from '../src/core/evaluate.ts';
import { gapGroups } from '../src/core/gaps.ts';
import { coverRadiusKm, makeRules } from '../src/core/rules.ts';
import { totals, zoneRows } from '../src/core/tables.ts';
import type { Station } from '../src/core/types.ts';
import { turfCoveredPopulation } from './bench/turf-baseline.ts';
import { loadDemoDataset, resolveCounties } from './lib/demo-data.ts';
import { line, time } from './lib/timing.ts';

const t0 = performance.now();
const dataset = loadDemoDataset(resolveCounties('all'));
const prepareMs = performance.now() - t0;
const { grid } = dataset;
const stations: Station[] = dataset.stations.map((s) => ({ ...s, status: s.status === 'disabled' ? 'existing' : s.status }));
const rules = makeRules();

const t1 = performance.now();
const engine = createEngine(grid, { stations, rules });
const indexMs = performance.now() - t1;

console.log(`dataset: ${grid.size} populated res-${grid.resolution} cells, ${stations.length} stations (all demo facilities on), node ${process.version}`);
console.log(`one-time preparation: load + H3 adjacency ${prepareMs.toFixed(0)} ms; spatial index + first evaluation ${indexMs.toFixed(0)} ms`);

// Full evaluation: every station's reach, every cell's status, zone table, totals, gap groups.
const full = time(() => {
  engine.setStations(stations);
  zoneRows(engine);
  totals(engine);
  gapGroups(engine);
}, 21);
const ours = engine.total(AGG_COVERED);

const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
let turfCovered = 0;
const turf = time(() => {
  turfCovered = turfCoveredPopulation(engine, stations, coverRadiusKm(rules, 'urban'), coverRadiusKm(rules, 'rural'));
}, baselineRuns, 0);
// The same work as the baseline: cell statuses and the covered total, nothing else.
const statuses = time(() => {
  engine.setStations(stations);
  totals(engine);
}, 21);
console.log(line('full Quanzhou evaluation (statuses + tables + gap groups)', full, turf, 'Turf circles→union→point-in-polygon (statuses only)'));
console.log(line('full Quanzhou evaluation (statuses + totals only, same work as Turf)', statuses, turf, 'Turf'));
console.log(`  covered population: engine ${ours.toLocaleString('en-US')}, Turf polygons ${turfCovered.toLocaleString('en-US')} (difference ${(((turfCovered - ours) / ours) * 100).toFixed(3)} %, from 64-step circle polygons)`);

// One-station move: alternate a station between two points 3 km apart.
const mover = stations.find((s) => s.id === 'yc-dapu') ?? stations[0];
const away = { ...mover, lng: mover.lng + 0.03 };
let flip = false;
const move = time(() => {
  engine.upsertStation(flip ? mover : away);
  flip = !flip;
  totals(engine);
}, 201, 10);
const turfMove = time(() => {
  turfCoveredPopulation(engine, stations.map((s) => (s.id === mover.id ? away : s)), coverRadiusKm(rules, 'urban'), coverRadiusKm(rules, 'rural'));
}, baselineRuns, 0);
console.log(line(`one-station move (${mover.id}) + totals`, move, turfMove, 'Turf full recompute'));
console.log('targets: full evaluation ≤ 30 ms, one-station move ≤ 5 ms, ≥ 50× faster than the Turf baseline');
