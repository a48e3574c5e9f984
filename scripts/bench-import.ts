/**
 * Benchmark of population raster → H3 aggregation on a raster of WorldPop
 * 100 m size over 永春县 (117.75–118.55 E, 25.18–25.60 N at 3″ = 0.000833°:
 * 960 × 504 pixels, Float32, DEFLATE strips, nodata), printed beside a naive
 * baseline measured in the same run: the whole raster read at once, then
 * h3.latLngToCell for every pixel and a Map of sums.
 * Each method runs in its own child process, so its peak memory is its own.
 *   npx tsx scripts/bench-import.ts            (BENCH_RUNS=5 for more runs;
 *   BENCH_AREA=quanzhou for the box of all of 泉州市, 1,860 × 1,740 pixels)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromArrayBuffer } from 'geotiff';
import { latLngToCell } from 'h3-js';
import { readPopulationRaster } from '../src/io/population-raster.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from '../tests/helpers/fixtures-geotiff.ts';
import { line, type Timing } from './lib/timing.ts';

const AREAS = {
  yongchun: { name: '永春县', bbox: [117.75, 25.18, 118.55, 25.6] },
  quanzhou: { name: '泉州市', bbox: [117.55, 24.5, 119.1, 25.95] },
} as const;
const AREA = AREAS[(process.env.BENCH_AREA ?? 'yongchun') as keyof typeof AREAS] ?? AREAS.yongchun;
const BBOX = AREA.bbox;
const WIDTH = Math.round((BBOX[2] - BBOX[0]) / WORLDPOP_100M_DEG);
const HEIGHT = Math.round((BBOX[3] - BBOX[1]) / WORLDPOP_100M_DEG);
const NODATA = -99999;

interface ChildResult {
  ms: number;
  pixels: number;
  cells: number;
  total: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  peakRssMB: number;
  heapBeforeMB: number;
  heapAfterMB: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Runs one method once in this (child) process and prints its figures as JSON. */
async function child(method: string, file: string, resolution: number): Promise<void> {
  const before = process.memoryUsage();
  const t0 = performance.now();
  let cells = 0;
  let total = 0;
  if (method === 'windowed') {
    // as the CLI reads it: slice by slice from disk, window by window
    const r = await readPopulationRaster(await openAsBlob(file), { file, resolution });
    cells = r.cells.length;
    total = r.summary.outputTotal;
  } else {
    const bytes = readFileSync(file);
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const image = await tiff.getImage();
    const [ox, oy] = image.getOrigin();
    const [rx, ry] = image.getResolution();
    const nodata = image.getGDALNoData();
    const data = ((await image.readRasters({ samples: [0] })) as unknown as Float32Array[])[0];
    const sums = new Map<string, number>();
    const w = image.getWidth();
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (v === nodata || !(v > 0)) continue;
      const x = i % w;
      const y = (i - x) / w;
      const cell = latLngToCell(oy + (y + 0.5) * ry, ox + (x + 0.5) * rx, resolution);
      sums.set(cell, (sums.get(cell) ?? 0) + v);
    }
    cells = sums.size;
    for (const v of sums.values()) total += v;
  }
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  const result: ChildResult = {
    ms,
    pixels: WIDTH * HEIGHT,
    cells,
    total,
    rssBeforeMB: mb(before.rss),
    rssAfterMB: mb(after.rss),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapBeforeMB: mb(before.heapUsed),
    heapAfterMB: mb(after.heapUsed),
  };
  process.stdout.write(JSON.stringify(result));
}

function runChild(method: string, file: string, resolution: number): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', method, file, String(resolution)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${method} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

function summarise(results: ChildResult[]): Timing {
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], runs: sorted.length };
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'yongchun_ppp_100m.tif');
  const pop = syntheticPopulation(WIDTH, HEIGHT, 'float32', NODATA, 2020);
  writeFileSync(file, writeGeoTiff({ width: WIDTH, height: HEIGHT, data: pop.data, west: BBOX[0], north: BBOX[3], pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG], nodata: NODATA, rowsPerStrip: 16, compression: 'deflate' }));
  const bytes = readFileSync(file).byteLength;
  console.log(`raster: ${WIDTH} × ${HEIGHT} px (${(WIDTH * HEIGHT).toLocaleString('en-US')} pixels) at ${WORLDPOP_100M_DEG}° over ${AREA.name} ${BBOX.join(', ')}, Float32, DEFLATE strips of 16 rows, ${(bytes / 1024 / 1024).toFixed(1)} MB; total ${Math.round(pop.total).toLocaleString('en-US')}; node ${process.version}; ${runs} runs each, each in a fresh process`);
  for (const resolution of [9, 7]) {
    const ours = Array.from({ length: runs }, () => runChild('windowed', file, resolution));
    const naive = Array.from({ length: runs }, () => runChild('naive', file, resolution));
    const t = summarise(ours);
    const b = summarise(naive);
    const o = ours[0];
    const n = naive[0];
    const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
    console.log(line(`res ${resolution}: raster → H3 (windowed reads, row spans)`, t, b, 'naive (whole raster, latLngToCell per pixel, Map)'));
    console.log(`res ${resolution}: pixels per second: ${perSecond(o.pixels, t.medianMs)} | naive ${perSecond(n.pixels, b.medianMs)} | ${(b.medianMs / t.medianMs).toFixed(1)}×`);
    console.log(`res ${resolution}: cells per second: ${perSecond(o.cells, t.medianMs)} (${o.cells.toLocaleString('en-US')} cells) | naive ${perSecond(n.cells, b.medianMs)} (${n.cells.toLocaleString('en-US')} cells)`);
    console.log(`res ${resolution}: total kept: ${((o.total / pop.total - 1) * 100).toFixed(6)} % off the raster total | naive ${((n.total / pop.total - 1) * 100).toFixed(6)} %`);
    console.log(`res ${resolution}: peak RSS: ${o.peakRssMB.toFixed(0)} MB | naive ${n.peakRssMB.toFixed(0)} MB | ratio ${(n.peakRssMB / o.peakRssMB).toFixed(2)}`);
    console.log(`res ${resolution}: RSS before → after: ${o.rssBeforeMB.toFixed(0)} → ${o.rssAfterMB.toFixed(0)} MB | naive ${n.rssBeforeMB.toFixed(0)} → ${n.rssAfterMB.toFixed(0)} MB`);
    console.log(`res ${resolution}: heap used before → after: ${o.heapBeforeMB.toFixed(1)} → ${o.heapAfterMB.toFixed(1)} MB | naive ${n.heapBeforeMB.toFixed(1)} → ${n.heapAfterMB.toFixed(1)} MB`);
  }
  rmSync(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1], args[2], Number(args[3]));
else await main();
