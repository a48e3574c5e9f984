/**
 * The coverage worker's side of a whole-city update (泉州市, in Node): where
 * the time of one station toggle goes (engine, tables, gap areas, their
 * outlines, the before/after, the per-cell arrays, the structured clone the
 * page receives), the outlines beside h3's cellsToMultiPolygon (the previous
 * path) and a region revisit beside a first load, all measured in this run.
 *   npm run bench:worker
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cellsToMultiPolygon } from 'h3-js';
import { CoverageEngine } from '../src/core/coverage.ts';
import { compareScenarios } from '../src/core/deltas.ts';
import { proposedIds } from '../src/core/evaluate.ts';
import { gapFigures, gapGroups } from '../src/core/gaps.ts';
import { makeRules } from '../src/core/rules.ts';
import { countyRows, totals, zoneRows } from '../src/core/tables.ts';
import { CellOutliner } from '../src/worker/gap-outline.ts';
import { CoverageService } from '../src/worker/coverage-service.ts';
import { DATA_DIR } from './lib/demo-data.ts';
import { line, time } from './lib/timing.ts';

const STATION = 'yc-dapu';
const readPack = async (url: string) => new Uint8Array(readFileSync(path.join(DATA_DIR, 'packs', url)));
const CITY = '350500.region.zip';
const service = new CoverageService(readPack);

let t = performance.now();
const dataset = await service.openPackUrl(CITY, CITY);
const firstLoadMs = performance.now() - t;
const rules = makeRules();
t = performance.now();
const first = service.evaluate(dataset.stations, rules, { seq: 1 });
const firstEvaluateMs = performance.now() - t;
console.log(`泉州市: ${dataset.h3.length} cells, ${dataset.stations.length} stations, node ${process.version}; first load ${firstLoadMs.toFixed(0)} ms, first full evaluation ${firstEvaluateMs.toFixed(0)} ms (cell boundaries for the outlines computed once here)`);

const station = dataset.stations.find((s) => s.id === STATION)!;
let on = true;
const toggle = time(() => {
  on = !on;
  service.upsertStation(on ? station : { ...station, status: 'disabled' }, { seq: 2 });
}, 10);
if (!on) service.upsertStation(station, { seq: 3 });
console.log(line(`station toggle (${STATION}), whole worker update`, toggle));

// the parts of one full update, on the engine as the toggle leaves it
const engine = service.currentEngine();
const groups = gapGroups(engine);
const outliner = new CellOutliner(engine.grid.h3Halves);
// the worker keeps this baseline (the scenario without its proposed stations) as an engine of its own
const proposed = proposedIds(engine.activeStations());
const baseline = new CoverageEngine(engine.grid, engine.reachModel, engine.rules);
baseline.setStations(engine.activeStations().filter((s) => !proposed.includes(s.id)));
for (const g of groups.slice(0, 20)) outliner.outline(g.cells);
const parts: [string, () => unknown][] = [
  ['township and county tables, totals', () => countyRows(engine, zoneRows(engine)) && totals(engine)],
  ['gap areas (connected gap cells)', () => gapGroups(engine).slice(0, 50).map(gapFigures)],
  ['before/after against the kept baseline engine (compareScenarios)', () => compareScenarios(engine, baseline)],
  ['per-cell arrays (status, circle, in range)', () => [engine.status.slice(), engine.withinCircle.slice(), engine.inRangeCount.slice()]],
];
for (const [label, fn] of parts) console.log(line(`  ${label}`, time(fn, 10)));
const outlines = time(() => groups.slice(0, 20).map((g) => outliner.outline(g.cells)), 10);
const h3Outlines = time(() => groups.slice(0, 20).map((g) => cellsToMultiPolygon([...g.cells].map((i) => engine.grid.h3[i]), true)), 5, 1);
console.log(line(`  outlines of the 20 largest gap areas (${groups[0].cells.length} cells in the largest)`, outlines, h3Outlines, "h3 cellsToMultiPolygon (today's path)"));
const update = service.upsertStation(station, { seq: 4 });
console.log(line(`  structured clone of one update (${(JSON.stringify({ ...update, status: 0, withinCircle: 0, inRange: 0 }).length / 1024).toFixed(0)} KiB as JSON besides the arrays)`, time(() => structuredClone(update), 10)));
const fullUpdate = service.upsertStation(station, { seq: 5 });
console.log(`  (one full update: computeMs ${fullUpdate.computeMs.toFixed(1)}; first full update after load ${first.computeMs.toFixed(0)} ms)`);

// revisit: another region, then back
await service.openPackUrl('350525.region.zip', '350525.region.zip');
t = performance.now();
const again = await service.openPackUrl(CITY, CITY);
const revisitLoadMs = performance.now() - t;
t = performance.now();
service.evaluate(again.stations, rules, { seq: 6 });
const revisitEvaluateMs = performance.now() - t;
const fresh = new CoverageService(readPack);
t = performance.now();
const cold = await fresh.openPackUrl(CITY, CITY);
fresh.evaluate(cold.stations, rules, { seq: 7 });
const coldMs = performance.now() - t;
console.log(
  `revisit of 泉州市 (永春县 → 泉州市): load ${revisitLoadMs.toFixed(0)} ms + full evaluation ${revisitEvaluateMs.toFixed(0)} ms = ${(revisitLoadMs + revisitEvaluateMs).toFixed(0)} ms | first visit (no cache, this run): ${coldMs.toFixed(0)} ms | ${(coldMs / (revisitLoadMs + revisitEvaluateMs)).toFixed(1)}× faster`,
);
