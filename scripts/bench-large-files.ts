/**
 * Benchmark of the facility reader on large files: a 1,000,000-row CSV
 * (~70 MB, UTF-8, GCJ-02) and a 100,000-row XLSX, every row checked against
 * the outline of all of 泉州市, each printed beside a baseline measured in the
 * same run: the bare parse of the same file (Papa.parse of the decoded text;
 * read-excel-file's readSheet), i.e. what reading costs before any row is
 * checked. Each run is its own child process, so its time and peak memory
 * (maxRSS) are its own.
 *   npx tsx scripts/bench-large-files.ts     (BENCH_CSV_ROWS, BENCH_XLSX_ROWS to change the sizes)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { previewFacilities } from '../src/io/facilities.ts';
import { decodeText } from '../src/io/text.ts';
import { facilityCsv, facilityRows, fastXlsx, FACILITY_HEADER, quanzhouRegion } from '../tests/helpers/large-files.ts';

const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.BENCH_XLSX_ROWS ?? 100_000);

interface Figures {
  ms: number;
  peakRssMB: number;
  rows: number;
}

/** Runs one method once in this (child) process and prints its figures as JSON. */
async function child(method: string, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let rows = 0;
  if (method === 'reader') {
    const p = await previewFacilities(bytes, { file: path.basename(file), crs: 'GCJ02', region: quanzhouRegion(), maxStations: Infinity });
    rows = p.summary.good;
  } else if (file.endsWith('.csv')) {
    rows = Papa.parse<string[]>(decodeText(bytes, file).text, { header: false }).data.length - 2;
  } else {
    rows = ((await readSheet(bytes.slice().buffer, 1)) as unknown[][]).length - 1;
  }
  const figures: Figures = { ms: performance.now() - t0, peakRssMB: process.resourceUsage().maxRSS / 1024, rows };
  process.stdout.write(JSON.stringify(figures));
}

function run(method: string, file: string): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', method, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${method} ${file} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Figures;
}

const fmt = (f: Figures) => `${(f.ms / 1000).toFixed(1)} s, peak RSS ${f.peakRssMB.toFixed(0)} MB, ${f.rows.toLocaleString('en-US')} rows`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ems-bench-large-'));
  try {
    const csvFile = path.join(dir, `stations-${CSV_ROWS}.csv`);
    writeFileSync(csvFile, facilityCsv(facilityRows(CSV_ROWS)));
    const xlsxFile = path.join(dir, `stations-${XLSX_ROWS}.xlsx`);
    writeFileSync(xlsxFile, fastXlsx([FACILITY_HEADER, ...facilityRows(XLSX_ROWS)]));
    for (const [label, file] of [
      [`CSV ${CSV_ROWS.toLocaleString('en-US')} rows (${(readFileSync(csvFile).length / 2 ** 20).toFixed(0)} MB)`, csvFile],
      [`XLSX ${XLSX_ROWS.toLocaleString('en-US')} rows (${(readFileSync(xlsxFile).length / 2 ** 20).toFixed(1)} MB)`, xlsxFile],
    ]) {
      const ours = run('reader', file);
      const bare = run('parse', file);
      console.log(`${label}: previewFacilities against 泉州市 ${fmt(ours)} | baseline bare parse ${fmt(bare)} | ${(ours.ms / bare.ms).toFixed(1)}× the bare parse`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1], process.argv[at + 2]);
else await main();
