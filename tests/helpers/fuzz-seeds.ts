/**
 * The small valid files the fuzz tests mutate, one per reader, each with the
 * reader call that checks its result: cells finite and positive with totals
 * that agree, stations at finite positions, no row dropped silently.
 */
import { polygonToCells } from 'h3-js';
import { fromWgs84 } from '../../src/io/crs.ts';
import { isError, type RowProblem } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { readH3PopulationTable } from '../../src/io/population-h3.ts';
import { readPopulationPoints } from '../../src/io/population-points.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { readPopulationRaster } from '../../src/io/population-raster.ts';
import type { PopulationImport } from '../../src/io/population.ts';
import { readZones } from '../../src/io/zones.ts';
import { csv, gbk, shapefileZip, square, utf8, xlsx, yongchunSeats } from './fixtures-files.ts';
import { syntheticPopulation, WORLDPOP_100M_DEG, writeGeoTiff } from './fixtures-geotiff.ts';
import type { FuzzTarget } from './fuzz.ts';

/** A clean population result's problems; throws (a fuzz failure) when cells or totals are wrong. */
function checkPopulation(r: PopulationImport): readonly RowProblem[] {
  for (const c of r.cells) if (!(Number.isFinite(c.population) && c.population > 0)) throw new Error(`cell ${c.h3} has population ${c.population}`);
  const { inputTotal, outputTotal } = r.summary;
  if (!(Math.abs(inputTotal - outputTotal) <= Math.max(1e-6, Math.abs(inputTotal) * 1e-3))) throw new Error(`input total ${inputTotal} but output total ${outputTotal}`);
  return r.summary.problems;
}

const facilityHeader = ['编号', '名称', '经度', '纬度', '类型', '状态'];
function facilityRows() {
  return yongchunSeats().map((s, i) => {
    const [x, y] = fromWgs84(s.lng, s.lat, 'GCJ02');
    return [`F${i}`, `${s.name}急救站`, x.toFixed(6), y.toFixed(6), i % 3 ? '急救站' : '卫生院', i % 2 ? '现有' : '规划'];
  });
}

async function readFacilities(bytes: Uint8Array, file: string): Promise<readonly RowProblem[]> {
  const p = await previewFacilities(bytes, { file, crs: 'GCJ02' });
  const rejected = new Set(p.problems.filter(isError).map((x) => x.row));
  for (const r of p.rows) if (r.stationId === null && !rejected.has(r.row)) throw new Error(`row ${r.row} dropped silently`);
  for (const s of p.good) if (!(Number.isFinite(s.lng) && Number.isFinite(s.lat))) throw new Error(`station ${s.id} at ${s.lng}, ${s.lat}`);
  return p.problems;
}

const zoneCollection = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, properties: { name: '桃城镇', code: '350525100000', ur_code: '121' }, geometry: square(118.2, 25.25, 118.3, 25.35) },
    { type: 'Feature' as const, properties: { name: '桂洋镇', code: '350525115000', ur_code: '220' }, geometry: square(118.3, 25.25, 118.4, 25.35) },
  ],
};

async function readZoneFile(bytes: Uint8Array, file: string): Promise<readonly RowProblem[]> {
  const z = readZones(bytes, { file });
  if (z.zones.length !== z.features.length) throw new Error('zones and features differ');
  return z.problems;
}

export const zonesGeoJson = async (): Promise<FuzzTarget> => ({ file: 'zones.geojson', kind: 'json', seed: utf8(JSON.stringify(zoneCollection)), read: readZoneFile });

export const zonesShapefile = async (): Promise<FuzzTarget> => ({ file: 'zones.zip', kind: 'zip', seed: await shapefileZip(zoneCollection, { encoding: 'gbk' }), read: readZoneFile });

/** GBK text (as Excel saves "CSV" on a Chinese Windows); the mutations bring UTF-8, UTF-16 and mojibake in. */
export const facilitiesCsv = async (): Promise<FuzzTarget> => ({ file: 'stations.csv', kind: 'csv', seed: gbk(csv(facilityHeader, facilityRows())), read: readFacilities });

export const facilitiesXlsx = async (): Promise<FuzzTarget> => ({ file: 'stations.xlsx', kind: 'xlsx', seed: await xlsx([facilityHeader, ...facilityRows()]), read: readFacilities });

export const facilitiesGeoJson = async (): Promise<FuzzTarget> => ({
  file: 'stations.geojson',
  kind: 'json',
  seed: utf8(JSON.stringify({ type: 'FeatureCollection', features: yongchunSeats().slice(0, 6).map((s) => ({ type: 'Feature', properties: { name: s.name, type: '急救站' }, geometry: { type: 'Point', coordinates: [s.lng, s.lat] } })) })),
  read: readFacilities,
});

export const populationGeoTiff = async (): Promise<FuzzTarget> => {
  const pop = syntheticPopulation(40, 30, 'float32', -99999, 5);
  return {
    file: 'worldpop.tif',
    kind: 'tiff',
    seed: writeGeoTiff({ width: 40, height: 30, data: pop.data, west: 118.2, north: 25.4, pixelDeg: [WORLDPOP_100M_DEG, WORLDPOP_100M_DEG], nodata: -99999, tile: [16, 16], compression: 'deflate' }),
    read: async (bytes, file) => checkPopulation(await readPopulationRaster(bytes, { file, resolution: 9, maxCells: 200_000, maxPixels: 5_000_000 })),
  };
};

export const h3Table = async (): Promise<FuzzTarget> => {
  const rows = polygonToCells(square(118.2, 25.3, 118.23, 25.32).coordinates, 8, true).map((h, i) => [h, (i * 13) % 200]);
  return { file: 'kontur.csv', kind: 'csv', seed: utf8(csv(['h3', 'population'], rows)), read: async (bytes, file) => checkPopulation(await readH3PopulationTable(bytes, { file, resolution: 9 })) };
};

export const pointTable = async (): Promise<FuzzTarget> => ({
  file: 'villages.csv',
  kind: 'csv',
  seed: utf8(csv(['lng', 'lat', 'population'], yongchunSeats().map((s, i) => [s.lng, s.lat, 100 + i]))),
  read: async (bytes, file) => checkPopulation(await readPopulationPoints(bytes, { file, resolution: 9 })),
});

export const polygonGeoJson = async (): Promise<FuzzTarget> => ({
  file: 'census.geojson',
  kind: 'json',
  seed: utf8(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a', population: 1200 }, geometry: square(118.2, 25.3, 118.22, 25.32) },
        { type: 'Feature', properties: { name: 'b', population: 30 }, geometry: square(118.25, 25.3, 118.2505, 25.3005) },
      ],
    }),
  ),
  read: async (bytes, file) => checkPopulation(readPopulationPolygons(bytes, { file, resolution: 9 })),
});
