/**
 * Opening a region, to its first figures, in Node (the worker's work: read,
 * grid, reach model, full evaluation with tables and gap areas):
 *   - the demo's 泉州市 from its region pack, beside today's path before packs
 *     (the population CSVs, townships and facilities JSON of data/, parsed and
 *     assembled row by row);
 *   - a synthetic region of BENCH_REGION_CELLS cells (default 1,000,000) from
 *     its pack, beside the same region from files (an H3 population CSV and a
 *     zones GeoJSON through the region loader).
 * Each case runs in a child process of its own, so its peak memory (max RSS)
 * is its own. Prints one line per figure with the baseline and the ratio.
 *   npm run bench:region      (BENCH_REGION_CELLS=1000000, BENCH_REGION_RUNS=3)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CELLS = Number(process.env.BENCH_REGION_CELLS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_REGION_RUNS ?? 3);
const HERE = fileURLToPath(import.meta.url);

interface CaseResult {
  /** Read + grid + first full evaluation (reach index, statuses, totals, township table, gap areas), ms. */
  ms: number;
  /** The read alone (files or pack → grid and stations), ms. */
  readMs: number;
  maxRssMb: number;
  cells: number;
  covered: number;
}

/** One case, in this process (the child): its source → grid and stations, then the same first evaluation for every case. */
async function runCase(kind: string, dir: string): Promise<CaseResult> {
  const { gridFromColumns } = await import('../src/core/grid.ts');
  const { makeRules } = await import('../src/core/rules.ts');
  const { createEngine } = await import('../src/core/evaluate.ts');
  const { totals, zoneRows } = await import('../src/core/tables.ts');
  const { gapGroups } = await import('../src/core/gaps.ts');
  const t0 = performance.now();
  let grid;
  let stations;
  if (kind === 'pack-city' || kind === 'pack-synthetic') {
    const { readRegionPack } = await import('../src/io/region/pack-read.ts');
    const file = kind === 'pack-city' ? path.join(path.dirname(HERE), '../data/packs/350500.region.zip') : path.join(dir, 'synthetic.region.zip');
    const region = await readRegionPack(new Uint8Array(readFileSync(file)), path.basename(file));
    grid = gridFromColumns(region.cells, region.zones);
    stations = region.stations;
  } else if (kind === 'csv-city') {
    const { loadFromCsv } = await import('./bench/csv-path.ts');
    ({ grid, stations } = loadFromCsv('350500'));
  } else {
    // the synthetic region from files, through the one region loader
    const { regionFromFiles } = await import('../src/io/region/from-files.ts');
    const blob = (name: string) => ({ name, blob: new Blob([readFileSync(path.join(dir, name))]) });
    const build = await regionFromFiles({ zones: blob('synthetic-zones.geojson'), population: blob('synthetic-h3.csv') }, { zones: { areaType: 'rural' } });
    grid = gridFromColumns(build.region.cells, build.region.zones);
    stations = JSON.parse(readFileSync(path.join(dir, 'synthetic-stations.json'), 'utf8'));
  }
  const readMs = performance.now() - t0;
  const engine = createEngine(grid, { stations, rules: makeRules() });
  const figures = totals(engine);
  zoneRows(engine);
  gapGroups(engine);
  return { ms: performance.now() - t0, readMs, maxRssMb: process.resourceUsage().maxRSS / 1024, cells: grid.size, covered: figures.covered };
}

/** Writes the synthetic region as a pack and as files (H3 CSV, zones GeoJSON). */
async function prepareSynthetic(dir: string): Promise<void> {
  const { syntheticRegion } = await import('./lib/synthetic-region.ts');
  const { writeRegionPack } = await import('../src/io/region/pack-write.ts');
  const region = syntheticRegion(CELLS);
  writeFileSync(path.join(dir, 'synthetic.region.zip'), writeRegionPack(region));
  const lines = ['h3,population'];
  for (let i = 0; i < region.cells.h3.length; i++) lines.push(`${region.cells.h3[i]},${region.cells.population[i]}`);
  writeFileSync(path.join(dir, 'synthetic-h3.csv'), `${lines.join('\n')}\n`);
  const zones = { type: 'FeatureCollection', features: region.zoneOutlines.map((f, i) => ({ type: 'Feature', properties: { name: region.zones[i].name, code: region.zones[i].code }, geometry: f.geometry })) };
  writeFileSync(path.join(dir, 'synthetic-zones.geojson'), JSON.stringify(zones));
  writeFileSync(path.join(dir, 'synthetic-stations.json'), JSON.stringify(region.stations));
}

function child(kind: string, dir: string): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', HERE, '--case', kind, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(kind: string, dir: string): { ms: number; readMs: number; maxRssMb: number; cells: number; covered: number } {
  const runs = Array.from({ length: RUNS }, () => child(kind, dir));
  return { ms: median(runs.map((r) => r.ms)), readMs: median(runs.map((r) => r.readMs)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), cells: runs[0].cells, covered: runs[0].covered };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--case') {
    console.log(JSON.stringify(await runCase(args[1], args[2])));
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ems-bench-region-'));
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`bench:region: node ${process.version}, median of ${RUNS} runs, each in its own process (peak memory = its max RSS)`);
  const pack = measure('pack-city', dir);
  const csv = measure('csv-city', dir);
  if (pack.covered !== csv.covered) throw new Error(`泉州市 from its pack covers ${pack.covered}, from the CSV files ${csv.covered}.`);
  console.log(`泉州市 (${pack.cells} cells) from its region pack → first figures: ${fmt(pack.ms)} (read ${fmt(pack.readMs)}), peak ${pack.maxRssMb.toFixed(0)} MB | today's CSV/JSON path: ${fmt(csv.ms)} (read ${fmt(csv.readMs)}), peak ${csv.maxRssMb.toFixed(0)} MB | ${(csv.ms / pack.ms).toFixed(1)}× faster`);
  await prepareSynthetic(dir);
  const synPack = measure('pack-synthetic', dir);
  const synFiles = measure('files-synthetic', dir);
  if (synPack.cells !== synFiles.cells) throw new Error(`The synthetic pack has ${synPack.cells} cells, its files ${synFiles.cells}.`);
  console.log(
    `synthetic region, ${synPack.cells.toLocaleString('en-US')} cells, from its pack → first figures: ${fmt(synPack.ms)} (read ${fmt(synPack.readMs)}), peak ${synPack.maxRssMb.toFixed(0)} MB; target ≤ 5,000 ms, ≤ 1,024 MB | from files (H3 CSV + zones GeoJSON): ${fmt(synFiles.ms)} (read ${fmt(synFiles.readMs)}), peak ${synFiles.maxRssMb.toFixed(0)} MB | ${(synFiles.ms / synPack.ms).toFixed(1)}× faster`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
