/**
 * Benchmark of the call import: 1,000,000 SYNTHETIC calls (drawn from the
 * population cells of all of 泉州市 with a fixed seed, GCJ-02, with time,
 * priority and outcome columns; written once as a CSV file) counted into the
 * region's ~118,000 cells by readCalls, beside a naive baseline measured in
 * the same run: Papa.parse of the decoded text into one object per row (all
 * kept), then per row the GCJ-02 → WGS84 conversion, latLngToCell and a
 * Map<string, number> of counts, aligned to the region's cells at the end.
 * Each run is its own child process, so its time and peak memory (maxRSS)
 * are its own; both give the same calls per cell (checked).
 *   npm run bench:calls     (BENCH_CALLS to change the number of calls)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { latLngToCell } from 'h3-js';
import Papa from 'papaparse';
import { readCalls } from '../src/io/calls/read-calls.ts';
import { fromWgs84, toWgs84 } from '../src/io/crs.ts';
import { readRegionPack } from '../src/io/region/pack-read.ts';
import { decodeText } from '../src/io/text.ts';
import { mulberry32 } from '../tests/helpers/random.ts';
import { drawCalls, formatCallTime } from './data/synthetic-calls.ts';

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const PACK = fileURLToPath(new URL('../data/packs/350500.region.zip', import.meta.url));

interface Figures {
  ms: number;
  peakRssMB: number;
  placed: number;
  /** Σ i × calls in cell i: the same for both methods when they place every call in the same cell. */
  checksum: number;
}

const loadRegion = async () => readRegionPack(new Uint8Array(readFileSync(PACK)), '350500.region.zip');

/** Runs one method once in this (child) process and prints its figures as JSON. */
async function child(method: string, file: string): Promise<void> {
  const region = await loadRegion();
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  const perCell = method === 'reader' ? (await readCalls(bytes, { file: 'calls.csv', region, crs: 'GCJ02' })).calls.perCell : naive(bytes, region.cells.h3, region.resolution);
  const ms = performance.now() - t0;
  let placed = 0;
  let checksum = 0;
  perCell.forEach((n, i) => {
    placed += n;
    checksum += i * n;
  });
  process.stdout.write(JSON.stringify({ ms, peakRssMB: process.resourceUsage().maxRSS / 1024, placed, checksum } satisfies Figures));
}

/** The naive way: every row an object, kept; per row convert, find the cell's string, count it in a Map. */
function naive(bytes: Uint8Array, h3: readonly string[], resolution: number): Float64Array {
  const rows = Papa.parse<Record<string, string>>(decodeText(bytes, 'calls.csv').text, { header: true, skipEmptyLines: true }).data;
  const counts = new Map<string, number>();
  for (const r of rows) {
    const [lng, lat] = toWgs84(Number(r['经度']), Number(r['纬度']), 'GCJ02');
    const cell = latLngToCell(lat, lng, resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return Float64Array.from(h3, (c) => counts.get(c) ?? 0);
}

function run(method: string, file: string): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', method, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${method} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Figures;
}

/** The calls as CSV text (UTF-8), built in memory from drawn calls. */
async function callCsv(): Promise<{ text: string; cells: number }> {
  const region = await loadRegion();
  const calls = drawCalls({ h3: region.cells.h3, population: region.cells.population }, CALLS, mulberry32(120));
  const parts = ['编号,呼救时间,经度,纬度,分级,结果'];
  calls.forEach((c, k) => {
    const [x, y] = fromWgs84(c.lng, c.lat, 'GCJ02');
    parts.push(`C${k},${formatCallTime(c.timeMs)},${x.toFixed(6)},${y.toFixed(6)},${c.priority},${c.outcome}`);
  });
  return { text: `${parts.join('\n')}\n`, cells: region.cells.h3.length };
}

const fmt = (f: Figures) => `${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.peakRssMB.toFixed(0)} MB`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ems-bench-calls-'));
  try {
    const { text, cells } = await callCsv();
    const file = path.join(dir, 'calls-synthetic.csv');
    writeFileSync(file, text);
    const ours = run('reader', file);
    const base = run('naive', file);
    if (ours.placed !== base.placed || ours.checksum !== base.checksum) throw new Error(`readCalls placed ${ours.placed} calls (checksum ${ours.checksum}), the naive way ${base.placed} (${base.checksum}): not the same cells.`);
    const size = `${(Buffer.byteLength(text) / 2 ** 20).toFixed(0)} MB`;
    console.log(`calls import ${CALLS.toLocaleString('en-US')} rows (${size} CSV, GCJ-02) → ${cells.toLocaleString('en-US')} cells of 泉州市: readCalls ${fmt(ours)} | baseline naive (row objects + latLngToCell + Map<string>) ${fmt(base)} | ${(base.ms / ours.ms).toFixed(2)}× the baseline's speed, ${(base.peakRssMB / ours.peakRssMB).toFixed(2)}× less peak memory | same ${ours.placed.toLocaleString('en-US')} calls in the same cells`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1], process.argv[at + 2]);
else await main();
