/**
 * The demo regions as region packs (data/packs/<id>.region.zip), made from
 * the files the build has just written: one pack per county and per city,
 * and data/packs/index.json listing them. The app and the CLI open the demo
 * through these packs, the same path as a planner's own region.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simplify } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gridFromColumns } from '../../src/core/grid.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { DEFAULT_RULES } from '../../src/core/rules.ts';
import type { Zone } from '../../src/core/types.ts';
import { readFacilities, readTownships } from '../../src/io/demo-files.ts';
import { writeRegionPack } from '../../src/io/region/pack-write.ts';
import type { PackIndexEntry, PartOutline, Region, RegionSource, ZoneOutline } from '../../src/io/region/types.ts';
import { DEMO_NOTES, DEMO_ATTRIBUTION } from './demo-notes.ts';
import type { WrittenFile } from './output.ts';

interface MetaCounty {
  adcode: string;
  name: string;
  population2020: number;
}

interface MetaCity {
  adcode: string;
  name: string;
  counties: string[];
}

/** Context outlines within this many degrees of the region's box (~50 km) are drawn. */
const CONTEXT_MARGIN_DEG = 0.5;
/** Simplification of context outlines (~100 m): they are drawn faint, for orientation. */
const CONTEXT_TOLERANCE_DEG = 0.001;

function bboxOf(geometries: readonly MultiPolygon[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) for (const polygon of g.coordinates) for (const [x, y] of polygon[0] ?? []) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

const boxesMeet = (a: readonly number[], b: readonly number[], margin: number) => a[0] <= b[2] + margin && a[2] >= b[0] - margin && a[1] <= b[3] + margin && a[3] >= b[1] - margin;

const multi = (g: Polygon | MultiPolygon): MultiPolygon => (g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g);

/** The cities of the demo: from meta.json's `cities` when the build wrote them, else Quanzhou from its county codes. */
function citiesOf(meta: { counties: MetaCounty[]; cities?: MetaCity[] }, cityNames: Map<string, string>): MetaCity[] {
  if (meta.cities) return meta.cities;
  const byCity = new Map<string, string[]>();
  for (const c of meta.counties) byCity.set(`${c.adcode.slice(0, 4)}00`, [...(byCity.get(`${c.adcode.slice(0, 4)}00`) ?? []), c.adcode]);
  return [...byCity].map(([adcode, counties]) => ({ adcode, name: cityNames.get(adcode) ?? adcode, counties }));
}

/** Writes every demo pack and the index; returns what was written. */
export function writeDemoPacks(outDir: string, sources: readonly RegionSource[]): { files: WrittenFile[]; index: PackIndexEntry[] } {
  const read = (rel: string) => readFileSync(path.join(outDir, rel), 'utf8');
  const meta = JSON.parse(read('meta.json')) as { counties: MetaCounty[]; cities?: MetaCity[] };
  const townships = readTownships(read('townships.json'));
  const facilities = readFacilities(read('facilities.json'));
  const zoneFeatures = (JSON.parse(read('zones.geojson')) as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
  const zoneOutline = new Map(zoneFeatures.map((f) => [f.properties.code, multi(f.geometry)]));
  const countyOutlines = (JSON.parse(read('boundaries/counties.geojson')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string; name: string; city: string }>).features;
  const cityOutlines = (JSON.parse(read('boundaries/cities.geojson')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string; name: string }>).features;
  const cityNames = new Map(cityOutlines.map((f) => [f.properties.adcode, f.properties.name]));
  const countyOf = new Map(meta.counties.map((c) => [c.adcode, c]));
  const cellsOf = new Map<string, { h3: string; population: number; zone: string }[]>();
  for (const c of meta.counties) {
    const lines = read(`population/${c.adcode}.csv`).trim().split('\n').slice(1);
    cellsOf.set(c.adcode, lines.map((l) => {
      const [h3, population, zone] = l.split(',');
      return { h3, population: Number(population), zone };
    }));
  }

  const regionOf = (id: string, name: string, city: string, counties: string[]): Region => {
    // zones with cells, in code order (cells index them)
    const zones: Zone[] = townships
      .filter((t) => counties.includes(t.county) && zoneOutline.has(t.code))
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((t) => ({ ...t, areaTypeSource: 'NBS urban–rural codes of the township’s village-level units (more than half urban-coded → urban)' }));
    const zoneIndex = new Map(zones.map((z, i) => [z.code, i]));
    const rows = counties.flatMap((c) => cellsOf.get(c) ?? []).sort((a, b) => (a.h3 < b.h3 ? -1 : 1));
    const cells = { h3: rows.map((r) => r.h3), population: Float64Array.from(rows, (r) => r.population), zone: Int32Array.from(rows, (r) => zoneIndex.get(r.zone) ?? -1) };
    // the region's own facilities, and any from outside whose reach (under the default rules) enters it
    const grid = gridFromColumns(cells, zones);
    const reach = createReachModel(grid);
    const limits = reach.limits(DEFAULT_RULES);
    const stations = facilities.filter((s) => (s.county !== undefined && counties.includes(s.county)) || reach.reach(s, limits).cells.length > 0);
    const parts = counties.map((c) => ({ code: c, name: countyOf.get(c)?.name ?? c, censusPopulation: countyOf.get(c)?.population2020 ?? null }));
    const partOutlines: PartOutline[] = countyOutlines
      .filter((f) => counties.includes(f.properties.adcode))
      .map((f) => ({ type: 'Feature', properties: { code: f.properties.adcode, name: f.properties.name }, geometry: multi(f.geometry) }));
    // the other counties and districts of the demo near the region, faint, simplified (orientation only)
    const near = bboxOf(partOutlines.map((f) => f.geometry));
    const contextOutlines: PartOutline[] = countyOutlines
      .filter((f) => !counties.includes(f.properties.adcode) && boxesMeet(bboxOf([multi(f.geometry)]), near, CONTEXT_MARGIN_DEG))
      .map((f) => ({ type: 'Feature', properties: { code: f.properties.adcode, name: f.properties.name }, geometry: multi(simplify(f.geometry, { tolerance: CONTEXT_TOLERANCE_DEG, highQuality: false })) }));
    const zoneOutlines: ZoneOutline[] = zones.map((z) => ({ type: 'Feature', properties: { code: z.code }, geometry: zoneOutline.get(z.code)! }));
    return {
      id,
      name,
      city,
      parts,
      partOutlines,
      contextOutlines,
      zones,
      zoneOutlines,
      resolution: 9,
      cells,
      stations,
      sources: [...sources],
      attribution: DEMO_ATTRIBUTION,
      notes: { ...DEMO_NOTES, extra: [] },
      modelled: { population: true, zones: true, facilities: true },
    };
  };

  const dir = path.join(outDir, 'packs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: WrittenFile[] = [];
  const index: PackIndexEntry[] = [];
  const write = (region: Region, kind: PackIndexEntry['kind']) => {
    const file = `${region.id}.region.zip`;
    const bytes = writeRegionPack(region);
    writeFileSync(path.join(dir, file), bytes);
    files.push({ file: `packs/${file}`, bytes: bytes.length });
    index.push({
      id: region.id,
      name: region.name,
      kind,
      city: region.city ?? '',
      parts: region.parts.map((p) => p.code),
      population: region.parts.reduce((s, p) => s + (p.censusPopulation ?? 0), 0),
      cells: region.cells.h3.length,
      stations: region.stations.length,
      file,
    });
  };
  const cities = citiesOf(meta, cityNames);
  for (const city of cities) {
    const counties = city.counties.filter((c) => cellsOf.has(c));
    if (counties.length === 0) continue;
    for (const c of counties) write(regionOf(c, countyOf.get(c)!.name, city.name, [c]), 'county');
    write(regionOf(city.adcode, city.name, city.name, counties), 'city');
  }
  index.sort((a, b) => (a.id < b.id ? -1 : 1));
  const indexText = `${JSON.stringify(index, null, 1)}\n`;
  writeFileSync(path.join(dir, 'index.json'), indexText);
  files.push({ file: 'packs/index.json', bytes: indexText.length });
  // nothing else belongs in the folder
  for (const f of readdirSync(dir)) if (f !== 'index.json' && !index.some((e) => e.file === f)) rmSync(path.join(dir, f));
  return { files, index };
}
