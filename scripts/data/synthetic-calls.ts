/**
 * SYNTHETIC 120 call files for the demo (data/samples/calls/): no real call
 * is in them. Calls are drawn from a region's population cells in proportion
 * to residents with a fixed seed (so the build is byte-identical), placed at
 * a random point inside the drawn cell, at a random time of one year, with a
 * priority and an outcome drawn from fixed shares; a few rows are given a
 * township code instead of coordinates, and a few are deliberately bad (no
 * place, outside the region, an impossible time) so the import's row
 * problems can be seen. The calls per year follow the EMS settings'
 * assumed rate (DEFAULT_EMS_SETTINGS.callsPerThousandPerYear).
 *   yongchun-350525-calls-synthetic.csv   永春县, GBK, GCJ-02 (as AMap-based dispatch systems export)
 *   andorra-calls-synthetic.csv           the Andorra sample region, UTF-8, WGS84
 * Run alone with `npx tsx scripts/data/synthetic-calls.ts` (after the packs are built).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellToLatLng, latLngToCell } from 'h3-js';
import iconv from 'iconv-lite';
import { DEFAULT_EMS_SETTINGS } from '../../src/core/ems/settings.ts';
import { fromWgs84, type Crs } from '../../src/io/crs.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { mulberry32 } from '../../tests/helpers/random.ts';
import { writeText, type WrittenFile } from './output.ts';

export const CALLS_DIR = 'samples/calls';
/** The seed of every draw: change it and every file changes. */
export const CALLS_SEED = 120;
const YEAR = 2023;
/** Metres around a cell's centre a call is placed within (a res-9 cell's edge is ~174 m); a point falling in another cell is drawn again. */
const JITTER_M = 150;
const PRIORITIES: readonly [string, number][] = [['一级（危重）', 0.1], ['二级（急重）', 0.3], ['三级（普通）', 0.6]];
const OUTCOMES: readonly [string, number][] = [['送院', 0.75], ['现场处置', 0.1], ['拒绝送院', 0.08], ['空车', 0.07]];

/** The cells calls are drawn from: H3 index, residents, and (for township rows) the zone code of each cell. */
export interface CallSourceCells {
  h3: readonly string[];
  population: ArrayLike<number>;
  zoneCode?: (cell: number) => string | null;
}

export interface SyntheticCall {
  /** WGS84. */
  lng: number;
  lat: number;
  cell: number;
  /** Milliseconds since 1970, wall clock as UTC. */
  timeMs: number;
  priority: string;
  outcome: string;
}

/**
 * Draws `count` calls from the cells in proportion to residents (seeded),
 * sorted by time. Each is a WGS84 point inside its drawn cell.
 * @example drawCalls({ h3, population }, 1000, mulberry32(120))
 */
export function drawCalls(cells: CallSourceCells, count: number, rnd: () => number, year = YEAR): SyntheticCall[] {
  const cumulative = new Float64Array(cells.h3.length);
  let sum = 0;
  for (let i = 0; i < cells.h3.length; i++) cumulative[i] = sum += cells.population[i];
  if (!(sum > 0)) throw new Error(`Got cells with ${sum} residents when expected some to draw calls from.`);
  const start = Date.UTC(year, 0, 1);
  const span = Date.UTC(year + 1, 0, 1) - start;
  const calls: SyntheticCall[] = [];
  for (let k = 0; k < count; k++) {
    const cell = search(cumulative, rnd() * sum);
    const [lng, lat] = pointInCell(cells.h3[cell], rnd);
    calls.push({ lng, lat, cell, timeMs: start + Math.floor((rnd() * span) / 1000) * 1000, priority: pick(PRIORITIES, rnd()), outcome: pick(OUTCOMES, rnd()) });
  }
  return calls.sort((a, b) => a.timeMs - b.timeMs);
}

/** First index whose cumulative sum exceeds x. */
function search(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pointInCell(h3: string, rnd: () => number): [number, number] {
  const [lat0, lng0] = cellToLatLng(h3);
  const res = Number.parseInt(h3[1], 16);
  for (let tries = 0; tries < 8; tries++) {
    const r = JITTER_M * Math.sqrt(rnd());
    const a = 2 * Math.PI * rnd();
    const lat = lat0 + (r * Math.sin(a)) / 111_320;
    const lng = lng0 + (r * Math.cos(a)) / (111_320 * Math.cos((lat0 * Math.PI) / 180));
    if (latLngToCell(lat, lng, res) === h3) return [lng, lat];
  }
  return [lng0, lat0];
}

function pick(shares: readonly [string, number][], x: number): string {
  let acc = 0;
  for (const [label, share] of shares) if (x < (acc += share)) return label;
  return shares[shares.length - 1][0];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "2023-03-05 14:22:10" (wall clock). */
export function formatCallTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export interface CallFileSpec {
  header: readonly [string, string, string, string, string, string, string];
  crs: Crs;
  /** Calls given by township code instead of coordinates (needs `zoneCode`). */
  townshipRows: number;
  /** Deliberately bad rows: [after which call, cells]. */
  badRows: readonly (readonly [number, readonly string[]])[];
}

/**
 * The call file's lines: 编号, time, longitude, latitude (in `spec.crs`, 6
 * decimals), township code, priority, outcome; bad rows inserted where the spec says.
 */
export function callFileLines(calls: readonly SyntheticCall[], cells: CallSourceCells, spec: CallFileSpec): string[] {
  const lines = [spec.header.join(',')];
  // every n-th call is written with its township code instead of coordinates
  const every = spec.townshipRows > 0 ? Math.floor(calls.length / spec.townshipRows) : Infinity;
  const bad = new Map(spec.badRows.map(([after, row]) => [after, row]));
  let id = 0;
  calls.forEach((c, k) => {
    const code = (k + 1) % every === 0 ? (cells.zoneCode?.(c.cell) ?? null) : null;
    const [x, y] = fromWgs84(c.lng, c.lat, spec.crs);
    const place = code ? ['', '', code] : [x.toFixed(6), y.toFixed(6), ''];
    lines.push([`C${String(++id).padStart(6, '0')}`, formatCallTime(c.timeMs), ...place, c.priority, c.outcome].join(','));
    const extra = bad.get(k);
    if (extra) lines.push([`C${String(++id).padStart(6, '0')}`, ...extra].join(','));
  });
  return lines;
}

const YONGCHUN_BAD: CallFileSpec['badRows'] = [
  [100, ['2023-01-09 10:00:00', '', '', '', '二级（急重）', '空车']], // no place at all
  [2000, ['2023-03-15 21:40:00', '118.095000', '24.480000', '', '一级（危重）', '送院']], // 厦门, outside 永春县
  [4000, ['2023-02-30 08:00:00', '118.294000', '25.325000', '', '三级（普通）', '送院']], // no 30 February
  [6000, ['待补录', '118.294000', '25.325000', '', '三级（普通）', '现场处置']], // time not a date
  [8000, ['2023-08-01 03:12:00', '119.300000', '26.080000', '', '二级（急重）', '送院']], // 福州, outside
  [10000, ['2023-09-18 16:05:00', '118.3', '', '', '三级（普通）', '送院']], // latitude missing
];

const ANDORRA_BAD: CallFileSpec['badRows'] = [
  [50, ['2023-01-20 10:00:00', '', '', '', 'P2', 'transported']],
  [300, ['2023-04-31 12:00:00', '1.521000', '42.507000', '', 'P3', 'transported']],
  [600, ['2023-07-02 09:30:00', '2.170000', '41.390000', '', 'P1', 'transported']], // Barcelona, outside
];

/** The two synthetic call files and their README, written under `outDir` (after the packs: 永春县's cells come from its pack). */
export async function buildSyntheticCalls(outDir: string): Promise<{ file: WrittenFile; summary: string }[]> {
  const out: { file: WrittenFile; summary: string }[] = [];
  const rate = DEFAULT_EMS_SETTINGS.callsPerThousandPerYear;

  const pack = await readRegionPack(new Uint8Array(readFileSync(path.join(outDir, 'packs/350525.region.zip'))), '350525.region.zip');
  const yongchun: CallSourceCells = { h3: pack.cells.h3, population: pack.cells.population, zoneCode: (i) => (pack.cells.zone[i] >= 0 ? pack.zones[pack.cells.zone[i]].code : null) };
  const residents = sumOf(pack.cells.population);
  const yCalls = drawCalls(yongchun, Math.round((residents * rate) / 1000), mulberry32(CALLS_SEED));
  const yLines = callFileLines(yCalls, yongchun, { header: ['编号', '呼救时间', '经度(GCJ-02)', '纬度(GCJ-02)', '乡镇代码', '分级', '结果'], crs: 'GCJ02', townshipRows: 20, badRows: YONGCHUN_BAD });
  const yFile = `${CALLS_DIR}/yongchun-350525-calls-synthetic.csv`;
  out.push({ file: writeBytes(outDir, yFile, iconv.encode(`${yLines.join('\r\n')}\r\n`, 'gbk')), summary: `SYNTHETIC calls of 永春县: ${yCalls.length} drawn from ${Math.round(residents)} residents at ${rate}/1,000/year, 20 by township code, ${YONGCHUN_BAD.length} bad rows; GBK, GCJ-02` });

  const andorraCells = readPopulationCsv(path.join(outDir, 'samples/andorra/population-synthetic.csv'));
  const aResidents = sumOf(andorraCells.population);
  const aCalls = drawCalls(andorraCells, Math.round((aResidents * rate) / 1000), mulberry32(CALLS_SEED));
  const aLines = callFileLines(aCalls, andorraCells, { header: ['id', 'time', 'lng', 'lat', 'township', 'priority', 'outcome'], crs: 'WGS84', townshipRows: 0, badRows: ANDORRA_BAD }).map(englishLabels);
  const aFile = `${CALLS_DIR}/andorra-calls-synthetic.csv`;
  out.push({ file: writeText(outDir, aFile, `${aLines.join('\n')}\n`), summary: `SYNTHETIC calls of the Andorra sample: ${aCalls.length} drawn from its synthetic population, ${ANDORRA_BAD.length} bad rows; UTF-8, WGS84` });

  out.push({ file: writeText(outDir, `${CALLS_DIR}/README.md`, readme(yCalls.length, Math.round(residents), aCalls.length, aResidents, rate)), summary: 'provenance of the synthetic call files' });
  return out;
}

const sumOf = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

/** The Andorra sample's population points (lng,lat,population at res-9 cell centres) as cells. */
function readPopulationCsv(file: string): CallSourceCells {
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  return { h3: rows.map(([lng, lat]) => latLngToCell(lat, lng, 9)), population: rows.map((r) => r[2]) };
}

const ENGLISH: Record<string, string> = { '一级（危重）': 'P1', '二级（急重）': 'P2', '三级（普通）': 'P3', 送院: 'transported', 现场处置: 'treated on scene', 拒绝送院: 'refused transport', 空车: 'no patient' };
const englishLabels = (line: string) => line.split(',').map((c) => ENGLISH[c] ?? c).join(',');

/** A file of bytes (GBK text), written where writeText would write it. */
function writeBytes(outDir: string, file: string, bytes: Uint8Array): WrittenFile {
  const written = writeText(outDir, file, '');
  writeFileSync(path.join(outDir, file), bytes);
  return { file: written.file, bytes: bytes.byteLength };
}

function readme(yongchunCalls: number, yongchunResidents: number, andorraCalls: number, andorraResidents: number, rate: number): string {
  return `# Synthetic 120 call files

Generated by \`npm run build:data\` (scripts/data/synthetic-calls.ts; alone:
\`npx tsx scripts/data/synthetic-calls.ts\`). Do not edit by hand.

> **These calls are SYNTHETIC.** No real 120 call, caller or address is in
> them. They exist so the call import, call-weighted coverage and workload
> can be tried and tested without real dispatch records. Never plan with them.

How they are made (seed ${CALLS_SEED}, mulberry32; the same seed gives the same files):

- calls per year = residents × ${rate} per 1,000 (the EMS settings' assumed rate,
  itself an assumption of this tool): ${yongchunCalls.toLocaleString('en-US')} for 永春县 (${yongchunResidents.toLocaleString('en-US')} residents in its
  pack's cells), ${andorraCalls.toLocaleString('en-US')} for the Andorra sample (${Math.round(andorraResidents).toLocaleString('en-US')} synthetic residents);
- each call's cell is drawn in proportion to the cell's residents, its point
  uniformly within ${JITTER_M} m of the cell centre (drawn again until inside the cell);
- its time uniformly over ${YEAR} (one year), rows sorted by time;
- priority 一级/二级/三级 (P1/P2/P3) with shares ${PRIORITIES.map(([, s]) => s).join(' / ')};
  outcome 送院/现场处置/拒绝送院/空车 with shares ${OUTCOMES.map(([, s]) => s).join(' / ')};
- 永春县 only: every ${Math.floor(yongchunCalls / 20)}th call (20 in all) is written with its
  township's 12-digit code and no coordinates (the import spreads such calls
  over the township's cells by residents);
- deliberately bad rows: 永春县 ${YONGCHUN_BAD.length} (no place, a latitude missing, two in
  厦门/福州 outside the county, 2023-02-30, "待补录" as a time), Andorra ${ANDORRA_BAD.length}
  (no place, 2023-04-31, a point in Barcelona).

| file | what |
|---|---|
| \`yongchun-350525-calls-synthetic.csv\` | 永春县 (data/packs/350525.region.zip): GBK (as Excel on Chinese Windows saves CSV), GCJ-02 coordinates (as AMap-based systems give them; the headers say so), columns 编号, 呼救时间, 经度(GCJ-02), 纬度(GCJ-02), 乡镇代码, 分级, 结果 |
| \`andorra-calls-synthetic.csv\` | the Andorra sample (data/samples/andorra): UTF-8, WGS84, columns id, time, lng, lat, township, priority, outcome |

Try it: open 永春县, 导入数据 → 呼叫记录, choose the 永春县 file. On the command line:

    npm run report -- --county 350525 --calls data/samples/calls/yongchun-350525-calls-synthetic.csv
`;
}

// run alone: regenerate the files from the built packs
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
  for (const { file, summary } of await buildSyntheticCalls(outDir)) console.log(`${file.file} (${file.bytes} bytes): ${summary}`);
}
