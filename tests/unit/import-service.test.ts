import { cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { makeRules } from '../../src/core/rules.ts';
import { ImportService } from '../../src/worker/import-service.ts';
import { demoService, openDemo } from '../helpers/demo-service.ts';
import { csv, gbk, square } from '../helpers/fixtures-files.ts';
import { syntheticPopulation, WORLDPOP_1KM_DEG, writeGeoTiff } from '../helpers/fixtures-geotiff.ts';

const BOX = [117.75, 25.18, 118.55, 25.6] as const;

async function services() {
  const { service: coverage } = demoService();
  const dataset = await openDemo(coverage, '350525');
  const first = coverage.evaluate(dataset.stations, makeRules(), { seq: 1 });
  return { coverage, imports: new ImportService(coverage), dataset, first };
}

function raster(): { blob: Blob; total: number } {
  const width = Math.round((BOX[2] - BOX[0]) / WORLDPOP_1KM_DEG);
  const height = Math.round((BOX[3] - BOX[1]) / WORLDPOP_1KM_DEG);
  const pop = syntheticPopulation(width, height, 'float32', -99999, 3);
  const tif = writeGeoTiff({ width, height, data: pop.data, west: BOX[0], north: BOX[3], pixelDeg: [WORLDPOP_1KM_DEG, WORLDPOP_1KM_DEG], nodata: -99999, rowsPerStrip: 8 });
  return { blob: new Blob([tif as Uint8Array<ArrayBuffer>]), total: pop.total };
}

describe('importing into the worker service', () => {
  it('a population raster replaces the cells, accounts for every person (in the region, or outside and counted), reports progress, and the engine works at once', async () => {
    const { coverage, imports, dataset } = await services();
    const { blob, total } = raster();
    const seen: number[] = [];
    const r = await imports.importPopulation('p1', blob, 'pop.tif', { format: 'auto' }, (f) => seen.push(f));
    expect(r.population!.source).toBe('geotiff');
    // the raster's box reaches beyond 永春县: what is read is every person of the window, and it splits into in and out
    const inRegion = r.dataset.population.reduce((s, p) => s + p, 0);
    expect(r.population!.unzonedPopulation).toBeGreaterThan(0);
    expect(Math.abs((inRegion + r.population!.unzonedPopulation) / r.population!.outputTotal - 1)).toBeLessThan(1e-9);
    expect(r.population!.outputTotal).toBeLessThanOrEqual(total * (1 + 1e-9));
    // every cell kept lies in a zone of the region
    expect(r.dataset.zone.every((z) => z >= 0)).toBe(true);
    expect(r.dataset.zones).toEqual(dataset.zones);
    expect(seen.at(-1)).toBe(1);
    // an edit arriving before the app's next evaluate still has an engine
    const update = coverage.upsertStation(dataset.stations[0], { seq: 2 });
    expect(Math.abs(update.totals.population / inRegion - 1)).toBeLessThan(1e-9);
    expect(update.status.length).toBe(r.dataset.h3.length);
  });

  it('a cancelled import rejects with an AbortError and leaves the dataset as it was', async () => {
    const { coverage, imports, dataset, first } = await services();
    const { blob } = raster();
    const pending = imports.importPopulation('p2', blob, 'pop.tif', { format: 'geotiff' }, () => {});
    imports.cancelImport('p2');
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(coverage.region().cells.h3.length).toBe(dataset.h3.length);
    expect(coverage.evaluate(dataset.stations, makeRules(), { seq: 3 }).totals).toEqual(first.totals);
  });

  it('a corrupt raster fails with a message naming the file and changes nothing', async () => {
    const { coverage, imports, dataset } = await services();
    const blob = new Blob([new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, ...new Array(100).fill(0xff)])]);
    await expect(imports.importPopulation('p3', blob, 'broken.tif', { format: 'auto' }, () => {})).rejects.toThrow(/broken\.tif/);
    expect(coverage.region().cells.h3.length).toBe(dataset.h3.length);
  });

  it('zones: the new zones are the region; cells outside them are left out and counted, none lost silently', async () => {
    const { imports, dataset } = await services();
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '西区', code: 'W', type: '乡村' }, geometry: square(117.7, 25.1, 118.2, 25.7) }] };
    const r = await imports.importZones('z1', new Blob([JSON.stringify(fc)]), 'zones.geojson', {}, () => {});
    expect(r.dataset.zones.map((z) => z.code)).toEqual(['W']);
    expect(r.dataset.zone.every((z) => z === 0)).toBe(true);
    expect(r.dataset.h3.length + r.zones!.outside).toBe(dataset.h3.length);
    // the cells kept are exactly those whose centre lies in the square
    const west = dataset.h3.filter((h) => cellToLatLng(h)[1] > 117.7 && cellToLatLng(h)[1] < 118.2 && cellToLatLng(h)[0] > 25.1 && cellToLatLng(h)[0] < 25.7);
    expect(r.dataset.h3).toEqual(west);
    expect(r.zones!.outsidePopulation).toBeCloseTo(dataset.population.reduce((s, p) => s + p, 0) - r.dataset.population.reduce((s, p) => s + p, 0), 6);
  });

  it('a facility preview is checked against the loaded region and lists bad rows', async () => {
    const { imports } = await services();
    const text = csv(['名称', '经度', '纬度'], [['甲站', 118.2, 25.35], ['乙站', 25.35, 118.2], ['丙站', 121.5, 31.2]]);
    const p = await imports.previewFacilities(new Blob([gbk(text) as Uint8Array<ArrayBuffer>]), 'f.csv', { crs: 'WGS84' });
    expect(p.good.map((s) => s.name)).toEqual(['甲站']);
    expect(p.problems.filter((x) => x.severity !== 'warning').map((x) => [x.row, x.code])).toEqual([
      [2, 'swapped-lnglat'],
      [3, 'outside-region'],
    ]);
  });
});
