/**
 * The Andorra sample (data/samples/andorra/, made by npm run build:data from
 * the OpenStreetMap extract, © OpenStreetMap contributors, ODbL) opens as a
 * region through the new-region path, takes its roads, keeps them in a pack,
 * and the CLI reports on it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../src/core/roads/graph.ts';
import { DEFAULT_SPEED_MODEL } from '../../src/core/roads/speeds.ts';
import { wayCount } from '../../src/core/roads/ways.ts';
import type { CoverageReport } from '../../src/export/report.ts';
import { regionFromFiles } from '../../src/io/region/from-files.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import { readRoads, roadBox } from '../../src/io/roads/index.ts';
import { ROOT, runScript } from '../helpers/cli.ts';

const DIR = path.join(ROOT, 'data/samples/andorra');
const file = (name: string) => ({ name, blob: new Blob([new Uint8Array(readFileSync(path.join(DIR, name)))]) });
const csvRows = (name: string) => readFileSync(path.join(DIR, name), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','));
const outline = JSON.parse(readFileSync(path.join(DIR, 'outline.geojson'), 'utf8')) as FeatureCollection<MultiPolygon>;

describe('the Andorra sample files', () => {
  it("the outline is Andorra: 468 km² (the official area) within 1 %, and the seven parishes tile it", () => {
    expect(outline.features).toHaveLength(1);
    const km2 = area(outline.features[0]) / 1e6;
    expect(Math.abs(km2 - 468) / 468).toBeLessThan(0.01);
    const parishes = JSON.parse(readFileSync(path.join(DIR, 'parishes.geojson'), 'utf8')) as FeatureCollection<MultiPolygon>;
    expect(parishes.features.map((f) => f.properties!.name).sort()).toEqual(['Andorra la Vella', 'Canillo', 'Encamp', 'Escaldes-Engordany', 'La Massana', 'Ordino', 'Sant Julià de Lòria']);
    const parishKm2 = parishes.features.reduce((s, f) => s + area(f), 0) / 1e6;
    expect(Math.abs(parishKm2 - km2) / km2).toBeLessThan(0.001);
  });

  it('the synthetic population sums to 80,000 and every station stands inside Andorra', () => {
    expect(csvRows('population-synthetic.csv').reduce((s, r) => s + Number(r[2]), 0)).toBe(80_000);
    const stations = csvRows('stations.csv');
    expect(stations.length).toBeGreaterThanOrEqual(3);
    for (const s of stations) expect(booleanPointInPolygon(point([Number(s[4]), Number(s[5])]), outline.features[0]), s[1]).toBe(true);
    expect(stations.map((s) => s[1])).toContain('Hospital de Nostra Senyora de Meritxell');
  });
});

describe('the sample opens as a region from files, and takes its roads', async () => {
  const build = await regionFromFiles({ zones: file('outline.geojson'), population: file('population-synthetic.csv'), facilities: file('stations.csv') }, { name: 'Andorra' });
  const { region } = build;

  it('every resident and every station is kept, with no row refused', () => {
    expect(build.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(region.cells.population.reduce((s, v) => s + v, 0)).toBe(80_000);
    expect(build.outside.population).toBe(0);
    expect(region.stations.length).toBe(csvRows('stations.csv').length);
    expect(new Set(region.stations.map((s) => s.kind))).toEqual(new Set(csvRows('stations.csv').map((s) => (s[2] === 'hospital' ? 'hospital' : 'health-centre'))));
  });

  it("the sample's road file, read over the region's box, is one network (≥ 99 % of nodes in the largest part) and travels in the region's pack", async () => {
    const lngs = outline.features[0].geometry.coordinates.flat(2).map((p) => p[0]);
    const lats = outline.features[0].geometry.coordinates.flat(2).map((p) => p[1]);
    const box = roadBox([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]);
    const roads = await readRoads(readFileSync(path.join(DIR, 'andorra-latest.osm.pbf')), { file: 'andorra-latest.osm.pbf', box });
    const graph = buildRoadGraph(roads.ways, DEFAULT_SPEED_MODEL);
    expect(graph.componentSize[0] / graph.nodeCount).toBeGreaterThanOrEqual(0.99);
    const withRoads = { ...region, roads: { ways: roads.ways, counts: roads.counts, source: { what: 'roads', source: 'OpenStreetMap, Geofabrik Andorra extract', licence: 'ODbL 1.0', crs: 'WGS84' }, attribution: '© OpenStreetMap contributors' } };
    const back = await readRegionPack(writeRegionPack(withRoads), 'andorra.region.zip');
    expect(wayCount(back.roads!.ways)).toBe(wayCount(roads.ways));
    expect(buildRoadGraph(back.roads!.ways, DEFAULT_SPEED_MODEL).nodeCount).toBe(graph.nodeCount);
    expect(back.roads!.attribution).toBe('© OpenStreetMap contributors');
  });
});

describe('the CLI reports on the sample (without roads)', () => {
  it('npm run report -- --zones outline.geojson --population population-synthetic.csv --facilities stations.csv: 80,000 residents, every station active', () => {
    const r = runScript('scripts/report.ts', ['--zones', 'data/samples/andorra/outline.geojson', '--population', 'data/samples/andorra/population-synthetic.csv', '--facilities', 'data/samples/andorra/stations.csv', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as CoverageReport;
    expect(report.totals.population).toBe(80_000);
    expect(report.totals.activeStations).toBe(csvRows('stations.csv').length);
    expect(report.totals.covered + report.totals.marginal + report.totals.gap).toBe(80_000);
  });
});
