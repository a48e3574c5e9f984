/**
 * Benchmarks of the coverage engine on all of Quanzhou (every populated res-9
 * cell, every demo facility switched on as a station), each printed beside the
 * naive Turf polygon approach measured in the same run.
 *   npm run bench
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { AGG_COVERED, AGG_MARGINAL, AGG_WITHIN_CIRCLE } from '../src/core/coverage.ts';
import { createEngine } from '../src/core/evaluate.ts';
import { gapGroups } from '../src/core/gaps.ts';
import { coverRadiusKm, makeRules } from '../src/core/rules.ts';
import { totals, zoneRows } from '../src/core/tables.ts';
import type { Station } from '../src/core/types.ts';
import { turfCoveredPopulation, turfStatusSums } from './bench/turf-baseline.ts';
import { loadDemoDataset } from './lib/demo-data.ts';
import { line, time, timeAsync } from './lib/timing.ts';
import { loadFromCsv } from './bench/csv-path.ts';
import { benchEms } from './bench/ems.ts';

const t0 = performance.now();
const dataset = await loadDemoDataset('350500');
const prepareMs = performance.now() - t0;
const { grid } = dataset;
const stations: Station[] = dataset.stations.map((s) => ({ ...s, status: s.status === 'disabled' ? 'existing' : s.status }));
const rules = makeRules();

const t1 = performance.now();
const engine = createEngine(grid, { stations, rules });
const indexMs = performance.now() - t1;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`dataset: ${grid.size} populated res-${grid.resolution} cells, ${stations.length} stations (all demo facilities on), node ${process.version}; load average ${load()}`);
console.log(`one-time preparation: load + H3 adjacency ${prepareMs.toFixed(0)} ms; spatial index + first evaluation ${indexMs.toFixed(0)} ms`);

// What the CLI does before its first evaluation: the region from its pack (read, checked, grid), beside today's CSV/JSON path before packs
const packLoad = await timeAsync(() => loadDemoDataset('350500'), 5);
const csvLoad = await timeAsync(async () => loadFromCsv('350500'), 3);
console.log(line('CLI load of 泉州市 (region pack → grid and stations)', packLoad, csvLoad, "today's CSV/JSON path"));

// Full evaluation: every station's reach, every cell's status, zone table, totals, gap groups.
const full = time(() => {
  engine.setStations(stations);
  zoneRows(engine);
  totals(engine);
  gapGroups(engine);
}, 41);
const ours = engine.total(AGG_COVERED);
// The same work as the baselines: cell statuses and their population sums, nothing else.
const statuses = time(() => {
  engine.setStations(stations);
  totals(engine);
}, 41);

const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? 3);
let turfSums = { covered: 0, marginal: 0, gap: 0, withinCircle: 0 };
const turfSame = time(() => {
  turfSums = turfStatusSums(engine, stations, rules);
}, baselineRuns, 0);
let turfCovered = 0;
const turfCoveredOnly = time(() => {
  turfCovered = turfCoveredPopulation(engine, stations, coverRadiusKm(rules, 'urban'), coverRadiusKm(rules, 'rural'));
}, baselineRuns, 0);
const same = 'Turf, same outputs (covered/marginal/gap + 15-min circle: a union per radius, ≤3 point-in-polygon per cell)';
console.log(line('full Quanzhou evaluation (statuses + tables + gap groups)', full, turfSame, same));
console.log(line('full Quanzhou evaluation (statuses + totals only)', statuses, turfSame, same));
console.log(line('full Quanzhou evaluation (statuses + totals only)', statuses, turfCoveredOnly, 'Turf, covered flag only (2 unions, 1 point-in-polygon per cell)'));
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(3)} %`;
console.log(`  covered population: engine ${ours.toLocaleString('en-US')}, Turf ${turfSums.covered.toLocaleString('en-US')} (${pct(turfSums.covered, ours)}; covered-only run ${turfCovered.toLocaleString('en-US')})`);
console.log(`  marginal: engine ${engine.total(AGG_MARGINAL).toLocaleString('en-US')}, Turf ${turfSums.marginal.toLocaleString('en-US')}; within 15-min circle: engine ${engine.total(AGG_WITHIN_CIRCLE).toLocaleString('en-US')}, Turf ${turfSums.withinCircle.toLocaleString('en-US')} (differences from 64-step circle polygons)`);

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
  turfStatusSums(engine, stations.map((s) => (s.id === mover.id ? away : s)), rules);
}, baselineRuns, 0);
console.log(line(`one-station move (${mover.id}) + totals`, move, turfMove, 'Turf full recompute, same outputs'));
console.log(`targets: full evaluation ≤ 10 ms, one-station move ≤ 1 ms, ≥ 50× faster than the Turf baseline; load average at the end ${load()} (2 cores shared: figures vary with it)`);

benchEms(engine, stations, mover);
