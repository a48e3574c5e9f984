/**
 * Road reach through the worker's service and the CLI, on the real Andorra
 * extract (© OpenStreetMap contributors, ODbL) and a small synthetic region
 * made here: res-9 cells within ~3 km of Andorra la Vella, two zones split at
 * 1.52° E, a synthetic population, one existing and one proposed station.
 * The same files must give the same minutes in the app's worker and the CLI.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/core/geo.ts';
import { defaultReachSettings } from '../../src/core/reach-settings.ts';
import { makeRules } from '../../src/core/rules.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import type { Region } from '../../src/io/region/types.ts';
import type { CoverageReport } from '../../src/export/report.ts';
import { CoverageService } from '../../src/worker/coverage-service.ts';
import { ImportService } from '../../src/worker/import-service.ts';
import { runScript } from '../helpers/cli.ts';

const ANDORRA = ['../shared/data/raw/osm/andorra-latest.osm.pbf', '/work/shared/data/raw/osm/andorra-latest.osm.pbf'].find((p) => existsSync(p));

function andorraRegion(): Region {
  const h3 = gridDisk(latLngToCell(42.507, 1.521, 9), 9).sort();
  const population = Float64Array.from(h3, (_, i) => 20 + (i % 11) * 5);
  const zone = Int32Array.from(h3, (c) => (cellToLatLng(c)[1] < 1.52 ? 0 : 1));
  const square = (w: number, e: number) => ({ type: 'MultiPolygon' as const, coordinates: [[[[w, 42.47], [e, 42.47], [e, 42.54], [w, 42.54], [w, 42.47]]]] });
  return {
    id: 'user-andorra',
    name: 'Andorra sample',
    parts: [{ code: 'AD', name: 'Andorra', censusPopulation: null }],
    partOutlines: [{ type: 'Feature', properties: { code: 'AD', name: 'Andorra' }, geometry: square(1.48, 1.56) }],
    zones: [
      { code: 'Z-w', name: 'West', county: 'AD', countyName: 'Andorra', areaType: 'urban', seat: null },
      { code: 'Z-e', name: 'East', county: 'AD', countyName: 'Andorra', areaType: 'rural', seat: null },
    ],
    zoneOutlines: [
      { type: 'Feature', properties: { code: 'Z-w' }, geometry: square(1.48, 1.52) },
      { type: 'Feature', properties: { code: 'Z-e' }, geometry: square(1.52, 1.56) },
    ],
    resolution: 9,
    cells: { h3, population, zone },
    stations: [
      { id: 'h-vella', name: 'Vella', kind: 'hospital', status: 'existing', lng: 1.5218, lat: 42.5063 },
      { id: 'p-east', name: 'East', kind: 'station', status: 'proposed', lng: 1.535, lat: 42.512 },
    ],
    sources: [{ what: 'population', source: 'synthetic, made in the test', licence: 'none', crs: null }],
    attribution: 'synthetic; roads © OpenStreetMap contributors',
    notes: { population: 'synthetic population', zones: 'two boxes', facilities: 'two points', extra: [] },
    modelled: { population: true, zones: true, facilities: true },
  };
}

const rules = makeRules({ reach: defaultReachSettings() });
const noProgress = () => {};

async function serviceWithRoads(region: Region, bytes: Uint8Array<ArrayBuffer>) {
  const service = new CoverageService(async () => new Uint8Array(0));
  const imports = new ImportService(service);
  service.openRegion(region);
  service.evaluate(region.stations, rules, { seq: 1 });
  const imported = await imports.importRoads('r1', new Blob([bytes]), 'andorra-latest.osm.pbf', noProgress);
  return { service, imports, imported };
}

describe.skipIf(!ANDORRA)('roads through the worker and the CLI (Andorra extract)', () => {
  const bytes: Uint8Array<ArrayBuffer> = ANDORRA ? new Uint8Array(readFileSync(ANDORRA)) : new Uint8Array(0);
  const region = andorraRegion();

  it('the worker and the CLI give the same minutes, curve and percentiles from the same files', async () => {
    const { service, imported } = await serviceWithRoads(region, bytes);
    expect(imported.roads.counts.waysKept).toBeGreaterThan(100);
    expect(imported.dataset.region.roads?.source.licence).toMatch(/OpenStreetMap/);
    const update = service.evaluate(region.stations, rules, { seq: 2 });
    expect(update.reach).toEqual({ model: 'roads', serviceAlongRoads: false });
    const minutes = update.minutes!;
    const reached = [...minutes].filter((m) => !Number.isNaN(m)).length;
    expect(reached).toBeGreaterThan(100);

    const dir = mkdtempSync(path.join(tmpdir(), 'roads-cli-'));
    const pack = path.join(dir, 'andorra.region.zip');
    writeFileSync(pack, writeRegionPack(region));
    const cli = runScript('scripts/report.ts', ['--pack', pack, '--roads', ANDORRA!, '--format', 'json', '--cells']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const report = JSON.parse(cli.stdout) as CoverageReport;
    expect(report.rules.reach.model).toBe('roads');
    expect(report.rules.reach.speedModel!.classKmh.primary).toEqual({ value: 65, source: expect.stringMatching(/OSRM/) });
    const byH3 = new Map(report.cells.map((c) => [c.h3, c.minutes]));
    const dataset = service.region();
    let compared = 0;
    dataset.cells.h3.forEach((h3, i) => {
      const cliMinutes = byH3.get(h3);
      if (Number.isNaN(minutes[i])) expect(cliMinutes, h3).toBeNull();
      else {
        expect(cliMinutes, h3).toBeCloseTo(minutes[i], 3); // Float32 in the worker's transfer
        compared++;
      }
    });
    expect(compared).toBe(reached);
    const r = update.response!;
    expect(report.responseTimes!.medianMinutes).toBe(r.medianMinutes);
    expect(report.responseTimes!.p90Minutes).toBe(r.p90Minutes);
    expect(report.responseTimes!.curve).toEqual(r.curve);
    expect(report.responseTimes!.before!.curve).toEqual(r.before!.curve);
    expect(report.totals.withinCircle).toBe(update.totals.withinCircle);
    // no cell is reached faster than the turnout plus its straight line to the nearest station at the fastest speed (90 km/h)
    const lower = (i: number) => Math.min(...region.stations.map((s) => 3 + (haversineKm(s.lng, s.lat, cellToLatLng(dataset.cells.h3[i])[1], cellToLatLng(dataset.cells.h3[i])[0]) / 90) * 60));
    dataset.cells.h3.forEach((_, i) => {
      if (!Number.isNaN(minutes[i])) expect(minutes[i]).toBeGreaterThanOrEqual(lower(i) - 1e-4);
    });
  });

  it('speed changes recompute: peak after off-peak (re-weighted graph) equals peak from a fresh import', async () => {
    const peakRules = makeRules({ reach: { ...defaultReachSettings(), speeds: { ...defaultReachSettings().speeds, traffic: 'peak' } } });
    const a = await serviceWithRoads(region, bytes);
    const offPeak = a.service.evaluate(region.stations, rules, { seq: 2 }).minutes!;
    const peak = a.service.evaluate(region.stations, peakRules, { seq: 3 }).minutes!;
    const b = await serviceWithRoads(region, bytes);
    const fresh = b.service.evaluate(region.stations, peakRules, { seq: 2 }).minutes!;
    expect([...peak]).toEqual([...fresh]);
    let slower = 0;
    offPeak.forEach((m, i) => {
      if (!Number.isNaN(m) && m > 3.5 && peak[i] > m) slower++;
    });
    expect(slower).toBeGreaterThan(100);
  });

  it('isochrones grow with the minutes; removing the roads returns to straight line', async () => {
    const { service } = await serviceWithRoads(region, bytes);
    service.evaluate(region.stations, rules, { seq: 2 });
    const iso = service.isochrones('h-vella', [5, 10, 15]);
    expect(iso.features.map((f) => f.properties.minutes)).toEqual([5, 10, 15]);
    const counts = iso.features.map((f) => f.properties.cells);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[0]).toBeLessThan(counts[1]);
    expect(counts[1]).toBeLessThan(counts[2]);
    // the station alone: its 15-minute isochrone holds exactly the cells it reaches within 15 minutes
    const alone = service.evaluate([region.stations[0]], rules, { seq: 3 }).minutes!;
    expect(service.isochrones('h-vella', [15]).features[0].properties.cells).toBe([...alone].filter((m) => m <= 15).length);
    expect(iso.features[0].geometry.coordinates.length).toBeGreaterThan(0);
    service.setRoads(null);
    const plain = service.evaluate(region.stations, rules, { seq: 4 });
    expect(plain.reach.model).toBe('straight-line');
    expect(plain.minutes).toBeNull();
    expect(() => service.isochrones('h-vella', [5])).toThrow(/Isochrones need roads/);
  });

  it('a road file with no road in the region is refused naming the file, and a cancelled import changes nothing', async () => {
    const service = new CoverageService(async () => new Uint8Array(0));
    const imports = new ImportService(service);
    service.openRegion(region);
    const before = service.evaluate(region.stations, rules, { seq: 1 });
    const far = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { highway: 'primary' }, geometry: { type: 'LineString', coordinates: [[118.1, 25.3], [118.2, 25.3]] } }] });
    await expect(imports.importRoads('r1', new Blob([far]), 'elsewhere.geojson', noProgress)).rejects.toThrow(/^elsewhere\.geojson: .*has no drivable road within the region or 10 km of it/);
    expect(service.region().roads).toBeUndefined();
    const controller = imports.importRoads('r2', new Blob([bytes]), 'andorra-latest.osm.pbf', noProgress);
    imports.cancelImport('r2');
    await expect(controller).rejects.toThrow(/cancel/i);
    expect(service.region().roads).toBeUndefined();
    const after = service.evaluate(region.stations, rules, { seq: 2 });
    expect(after.reach.model).toBe('straight-line');
    expect([...after.status]).toEqual([...before.status]);
  });
});
