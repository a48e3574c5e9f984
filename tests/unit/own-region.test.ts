/**
 * A region made from a planner's own files alone (no demo data): GCJ-02
 * township polygons, a GeoTIFF and a GBK station table for three townships
 * near 漳州. The worker and the CLI read them through the one region loader
 * and must give the same cells and figures; both are checked against a brute
 * force from the raster pixels, the WGS84 truth and Turf distances.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { makeRules } from '../../src/core/rules.ts';
import { totals } from '../../src/core/tables.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';
import { ImportService } from '../../src/worker/import-service.ts';
import { loadReportData } from '../../scripts/lib/user-data.ts';
import { OWN_STATIONS, ownBruteForce, ownRaster, ownStationsCsv, ownZonesGeoJson } from '../helpers/own-region-files.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ems-own-region-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const raster = ownRaster();
const files = {
  zones: put('towns-gcj02.geojson', ownZonesGeoJson()),
  population: put('worldpop.tif', raster.bytes),
  facilities: put('stations-gbk.csv', ownStationsCsv()),
};
const rules = makeRules();

describe('a region from files alone: the worker and the CLI agree, and both equal a brute force', async () => {
  const cli = await loadReportData(undefined, { zones: files.zones, zonesCrs: 'gcj02', population: files.population, facilities: files.facilities, crs: 'gcj02', skipBadRows: true });
  const coverage = new CoverageService(async () => new Uint8Array());
  const imports = new ImportService(coverage);
  const blob = (f: string) => ({ file: new Blob([new Uint8Array(readFileSync(f))]), name: path.basename(f) });
  const opened = await imports.openRegion(
    'r1',
    { kind: 'files', files: { zones: blob(files.zones), population: blob(files.population), facilities: blob(files.facilities), options: { zones: { crs: 'GCJ02' }, facilities: { crs: 'GCJ02' } } } },
    () => {},
  );
  const inWorker = coverage.evaluate(opened.dataset.stations, rules, { seq: 1 });
  const inCli = totals(createEngine(cli.grid, { stations: cli.stations, rules }));
  const brute = ownBruteForce(raster);

  it('the same cells, populations, zones (with their area types) and stations', () => {
    expect(opened.dataset.h3).toEqual([...cli.grid.h3]);
    expect(Array.from(opened.dataset.population)).toEqual(Array.from(cli.grid.population));
    expect(Array.from(opened.dataset.zone)).toEqual(Array.from(cli.grid.zone));
    expect(opened.dataset.zones).toEqual([...cli.grid.zones]);
    expect(opened.dataset.stations).toEqual(cli.stations);
    expect(opened.dataset.region.id).toBe(cli.region.id);
    expect(opened.dataset.zones.map((z) => [z.name, z.areaType])).toEqual([
      ['芗城街道', 'urban'],
      ['天宝镇', 'rural'],
      ['浦南镇', 'rural'],
    ]);
  });

  it('the same figures', () => {
    expect(inWorker.totals).toEqual(inCli);
  });

  it('equal the brute force (the GCJ-02 round trip may move a boundary cell: 0.1 %)', () => {
    expect(inCli.population).toBeGreaterThan(100_000);
    for (const k of ['population', 'covered', 'marginal', 'gap'] as const) expect(Math.abs(inCli[k] - brute[k]), k).toBeLessThanOrEqual(0.001 * brute.population);
    expect(Math.abs(cli.grid.size - brute.cells)).toBeLessThanOrEqual(0.002 * brute.cells);
    expect(brute.covered).toBeGreaterThan(0);
    expect(brute.gap + brute.marginal).toBeGreaterThan(0);
  });

  it('reads the GBK GCJ-02 stations (the bad row reported, not imported), within a metre of the truth', () => {
    expect(opened.dataset.stations.map((s) => s.id)).toEqual(['ZZ-1', 'ZZ-2', 'ZZ-3']);
    expect(opened.dataset.stations.map((s) => s.status)).toEqual(['existing', 'existing', 'proposed']);
    opened.dataset.stations.forEach((s, i) => expect(distance([s.lng, s.lat], [OWN_STATIONS[i][4], OWN_STATIONS[i][5]], { units: 'kilometers' }) * 1000).toBeLessThan(1));
    expect(opened.problems.filter((p) => p.severity !== 'warning').map((p) => [p.file, p.row, p.column])).toEqual([['stations-gbk.csv', 4, '纬度']]);
  });

  it('names the region after the zone file and keeps its notes', () => {
    expect(opened.dataset.region.name).toBe('towns-gcj02');
    expect(opened.dataset.region.parts).toHaveLength(1);
    expect(cli.dataNotes.join('\n')).toMatch(/Zones: towns-gcj02\.geojson \(geojson, 3 zones, GCJ02 → WGS84; area type field "城乡"/);
    expect(cli.dataNotes.join('\n')).toMatch(/Population: worldpop\.tif \(geotiff/);
  });
});

describe('coordinate systems that cannot be', () => {
  it('GCJ-02 outside China is refused, naming the file', async () => {
    const zones = put('paris.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'P' }, geometry: { type: 'Polygon', coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.9], [2.3, 48.8]]] } }] }));
    await expect(loadReportData(undefined, { zones, zonesCrs: 'gcj02', population: files.population })).rejects.toThrow(/paris\.geojson.*GCJ02.*outside China/);
  });
});
