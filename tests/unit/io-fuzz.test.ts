/**
 * Fuzzing the readers: valid files made in the test, mutated at random
 * (truncation, byte flips, binary junk, empty, huge numbers, NaN, wrong types,
 * swapped columns, 10,000 columns, JSON values replaced) at least 1,000 times.
 * Every call must end, quickly, in a clean result or a DataFileError that
 * names the file: never another exception, never a hang. The PRNG is seeded
 * (IO_FUZZ_SEED to change it), so a failure replays exactly.
 */
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/io/crs.ts';
import { DataFileError, isError } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { readH3PopulationTable } from '../../src/io/population-h3.ts';
import { readPopulationPoints } from '../../src/io/population-points.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { readPopulationRaster } from '../../src/io/population-raster.ts';
import type { PopulationImport } from '../../src/io/population.ts';
import { readZones } from '../../src/io/zones.ts';
import { csv, gbk, shapefileZip, square, utf8, xlsx, yongchunSeats } from '../helpers/fixtures-files.ts';
import { mulberry32, syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from '../helpers/fixtures-geotiff.ts';
import { latLngToCell, polygonToCells } from 'h3-js';

const SEED = Number(process.env.IO_FUZZ_SEED ?? 20_250_611);
const ITERATIONS = Number(process.env.IO_FUZZ_ITERATIONS ?? 1_200);
/** No single call may take longer than this. */
const CALL_LIMIT_MS = 5_000;

type Reader = (bytes: Uint8Array, file: string) => Promise<void>;
interface Sample {
  name: string;
  bytes: Uint8Array;
  text: boolean;
  read: Reader;
}

/** Checks a population result is clean: finite positive cells, totals that agree. */
function checkPopulation(r: PopulationImport) {
  for (const c of r.cells) if (!(Number.isFinite(c.population) && c.population > 0)) throw new Error(`cell ${c.h3} has population ${c.population}`);
  const { inputTotal, outputTotal } = r.summary;
  if (!(Math.abs(inputTotal - outputTotal) <= Math.max(1e-6, Math.abs(inputTotal) * 1e-3))) throw new Error(`input total ${inputTotal} but output total ${outputTotal}`);
}

async function samples(): Promise<Sample[]> {
  const seats = yongchunSeats();
  const facilityRows = seats.map((s, i) => {
    const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
    return [`F${i}`, `${s.name}急救站`, x.toFixed(6), y.toFixed(6), i % 3 ? '急救站' : '卫生院', i % 2 ? '现有' : '规划'];
  });
  const facilityHeader = ['编号', '名称', '经度', '纬度', '类型', '状态'];
  const facilities: Reader = async (bytes, file) => {
    const p = await previewFacilities(bytes, { file, crs: 'GCJ02' });
    const rejected = new Set(p.problems.filter(isError).map((x) => x.row));
    for (const r of p.rows) if (r.stationId === null && !rejected.has(r.row)) throw new Error(`row ${r.row} dropped silently`);
    for (const s of p.good) if (!(Number.isFinite(s.lng) && Number.isFinite(s.lat))) throw new Error(`station ${s.id} at ${s.lng}, ${s.lat}`);
  };
  const h3Rows = polygonToCells(square(118.2, 25.3, 118.23, 25.32).coordinates, 8, true).map((h, i) => [h, (i * 13) % 200]);
  const pop = syntheticPopulation(40, 30, 'float32', -99999, 5);
  const tiffSpec = { width: 40, height: 30, data: pop.data, west: 118.2, north: 25.4, pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG] as [number, number], nodata: -99999, rowsPerStrip: 8 };
  const raster: Reader = async (bytes, file) => checkPopulation(await readPopulationRaster(bytes, { file, resolution: 9, maxCells: 200_000, maxPixels: 5_000_000 }));
  const polygons = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'a', population: 1200 }, geometry: square(118.2, 25.3, 118.22, 25.32) },
      { type: 'Feature', properties: { name: 'b', population: 30 }, geometry: square(118.25, 25.3, 118.2505, 25.3005) },
    ],
  };
  const zones = {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, properties: { name: '桃城镇', code: '350525100000', ur_code: '121' }, geometry: square(118.2, 25.25, 118.3, 25.35) },
      { type: 'Feature' as const, properties: { name: '桂洋镇', code: '350525115000', ur_code: '220' }, geometry: square(118.3, 25.25, 118.4, 25.35) },
    ],
  };
  const zoneReader: Reader = async (bytes, file) => {
    const z = readZones(bytes, { file });
    if (z.zones.length !== z.features.length) throw new Error('zones and features differ');
  };
  return [
    { name: 'facilities.csv', bytes: utf8(csv(facilityHeader, facilityRows)), text: true, read: facilities },
    { name: 'facilities-gbk.csv', bytes: gbk(csv(facilityHeader, facilityRows)), text: false, read: facilities },
    { name: 'facilities.xlsx', bytes: await xlsx([facilityHeader, ...facilityRows]), text: false, read: facilities },
    {
      name: 'facilities.geojson',
      bytes: utf8(JSON.stringify({ type: 'FeatureCollection', features: seats.slice(0, 6).map((s) => ({ type: 'Feature', properties: { name: s.name, type: '急救站' }, geometry: { type: 'Point', coordinates: [s.lng, s.lat] } })) })),
      text: true,
      read: facilities,
    },
    { name: 'population.tif', bytes: writeGeoTiff(tiffSpec), text: false, read: raster },
    { name: 'population-tiled.tif', bytes: writeGeoTiff({ ...tiffSpec, tile: [16, 16], compression: 'deflate' }), text: false, read: raster },
    { name: 'kontur.csv', bytes: utf8(csv(['h3', 'population'], h3Rows)), text: true, read: async (b, file) => checkPopulation(await readH3PopulationTable(b, { file, resolution: 9 })) },
    {
      name: 'points.csv',
      bytes: utf8(csv(['lng', 'lat', 'population'], seats.map((s, i) => [s.lng, s.lat, 100 + i]))),
      text: true,
      read: async (b, file) => checkPopulation(await readPopulationPoints(b, { file, resolution: 9 })),
    },
    { name: 'census.geojson', bytes: utf8(JSON.stringify(polygons)), text: true, read: async (b, file) => checkPopulation(readPopulationPolygons(b, { file, resolution: 9 })) },
    { name: 'zones.geojson', bytes: utf8(JSON.stringify(zones)), text: true, read: zoneReader },
    { name: 'zones.zip', bytes: await shapefileZip(zones), text: false, read: zoneReader },
  ];
}

type Mutation = (b: Uint8Array, rand: () => number, sample: Sample) => Uint8Array;
const int = (rand: () => number, n: number) => Math.floor(rand() * n);
const WEIRD_VALUES = ['1e308', '-1e400', '99999999999999999999999', 'NaN', 'Infinity', '', 'abc', 'true', '{}', '"', '-0', '0x1F', '１１８．２', '\u0000', '经度'];

const mutations: Record<string, Mutation> = {
  truncate: (b, rand) => b.slice(0, int(rand, b.length)),
  'byte flips': (b, rand) => {
    const out = b.slice();
    for (let k = 1 + int(rand, 20); k > 0; k--) out[int(rand, out.length)] = int(rand, 256);
    return out;
  },
  'header flips': (b, rand) => {
    const out = b.slice();
    for (let k = 1 + int(rand, 6); k > 0; k--) out[int(rand, Math.min(out.length, 400))] = int(rand, 256);
    return out;
  },
  'binary junk': (b, rand) => {
    const out = new Uint8Array(int(rand, 4096));
    for (let i = 0; i < out.length; i++) out[i] = int(rand, 256);
    // keep the magic bytes sometimes, so the junk gets past the first check
    if (rand() < 0.5) out.set(b.subarray(0, Math.min(8, out.length)));
    return out;
  },
  empty: () => new Uint8Array(0),
  'weird values': (b, rand, s) => {
    if (!s.text) return mutations['byte flips'](b, rand, s);
    const text = new TextDecoder().decode(b);
    let n = 0;
    return utf8(text.replace(/-?\d+(\.\d+)?/g, (m) => (rand() < 0.15 && n++ < 12 ? WEIRD_VALUES[int(rand, WEIRD_VALUES.length)] : m)));
  },
  'swapped columns': (b, rand, s) => {
    if (!s.text || s.name.endsWith('json')) return mutations['weird values'](b, rand, s);
    const lines = new TextDecoder().decode(b).split(/\r?\n/);
    const [i, j] = [int(rand, 4), int(rand, 4)];
    return utf8(
      lines
        .map((line, k) => {
          const cells = line.split(',');
          if (k === 0 && rand() < 0.5) return line;
          [cells[i], cells[j]] = [cells[j], cells[i]];
          return cells.join(',');
        })
        .join('\n'),
    );
  },
  '10,000 columns': (b, rand, s) => {
    if (!s.text || s.name.endsWith('json')) return mutations['binary junk'](b, rand, s);
    const lines = new TextDecoder().decode(b).split(/\r?\n/);
    const extra = Array.from({ length: 10_000 }, (_, k) => `c${k}`).join(',');
    return utf8(lines.map((line, k) => (line === '' ? line : `${line},${k === 0 ? extra : extra.replace(/c/g, '')}`)).join('\n'));
  },
  'json values': (b, rand, s) => {
    if (!s.name.endsWith('json')) return mutations['byte flips'](b, rand, s);
    const doc = JSON.parse(new TextDecoder().decode(b));
    const replacements: unknown[] = [null, 'x', 1e308, -1, [], {}, [[[]]], [Number.MAX_VALUE, -Number.MAX_VALUE], 'NaN', true, [[118.2, 25.3]], { type: 'Polygon' }];
    for (let k = 1 + int(rand, 4); k > 0; k--) {
      let node: Record<string, unknown> | unknown[] = doc;
      for (let depth = 0; depth < 8; depth++) {
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[int(rand, keys.length)];
        const child = (node as Record<string, unknown>)[key];
        if (child === null || typeof child !== 'object' || rand() < 0.2) {
          (node as Record<string, unknown>)[key] = replacements[int(rand, replacements.length)];
          break;
        }
        node = child as Record<string, unknown>;
      }
    }
    return utf8(JSON.stringify(doc));
  },
};

describe('fuzzing every reader with mutated files', () => {
  it(`ends every one of ${ITERATIONS} calls in a clean result or a DataFileError, each within ${CALL_LIMIT_MS} ms (seed ${SEED})`, async () => {
    const started = performance.now();
    const rand = mulberry32(SEED);
    const files = await samples();
    const names = Object.keys(mutations);
    const outcomes = { clean: 0, dataFileError: 0 };
    const failures: string[] = [];
    let slowest = { ms: 0, what: '' };
    for (let i = 0; i < ITERATIONS; i++) {
      const sample = files[i % files.length];
      const mutation = names[int(rand, names.length)];
      const bytes = mutations[mutation](sample.bytes, rand, sample);
      const what = `iteration ${i}: ${mutation} of ${sample.name} (${bytes.length} bytes)`;
      const t0 = performance.now();
      try {
        await sample.read(bytes, sample.name);
        outcomes.clean++;
      } catch (e) {
        if (e instanceof DataFileError && e.problems.length > 0 && e.problems.every((p) => p.file === sample.name && p.reason)) {
          outcomes.dataFileError++;
          if (process.env.IO_FUZZ_LOG) console.log(`${mutation} | ${sample.name} | ${e.problems[0].code} | ${e.problems[0].reason.slice(0, 90)}`);
        }
        else failures.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`.slice(0, 400));
      }
      const ms = performance.now() - t0;
      if (ms > slowest.ms) slowest = { ms, what };
      if (ms > CALL_LIMIT_MS) failures.push(`${what}: took ${ms.toFixed(0)} ms`);
    }
    const totalMs = performance.now() - started;
    console.log(`io fuzz (seed ${SEED}): ${ITERATIONS} calls, ${outcomes.clean} clean, ${outcomes.dataFileError} DataFileError, ${failures.length} failures; slowest ${slowest.ms.toFixed(0)} ms (${slowest.what}); total ${(totalMs / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(outcomes.clean + outcomes.dataFileError).toBe(ITERATIONS);
    // both kinds of outcome occur: the mutations are neither all harmless nor all fatal
    expect(outcomes.clean).toBeGreaterThan(ITERATIONS / 20);
    expect(outcomes.dataFileError).toBeGreaterThan(ITERATIONS / 20);
    expect(totalMs).toBeLessThan(60_000);
  }, 90_000);

  it('the unmutated samples all read cleanly', async () => {
    for (const s of await samples()) await expect(s.read(s.bytes, s.name)).resolves.toBeUndefined();
    expect(latLngToCell(25.3, 118.2, 9)).toMatch(/^89/);
  });
});
