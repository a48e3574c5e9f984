/**
 * The whole data build: raw public data (../shared/data/raw) → data/.
 * Pure function of its inputs, so two runs write byte-identical files.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, feature, point } from '@turf/turf';
import { cellToLatLng } from 'h3-js';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readAdminCounty, type AdminCounty } from './admin.ts';
import { readOutline } from './boundaries.ts';
import { assignCountyCells } from './cells.ts';
import { readCensus } from './census.ts';
import { jinjiangSpecs, placeFacilities, yongchunSpecs } from './facilities.ts';
import { writeCsv, writeFeatureCollection, writeJson, writeJsonLines, type WrittenFile } from './output.ts';
import { modelCountyPopulation } from './population.ts';
import { ALL_COUNTIES, CITIES, H3_RESOLUTION, QUANZHOU_COUNTIES, cityOf } from './regions.ts';
import { buildTownships, type Township, type VillageUnit } from './townships.ts';
import { buildCountyZones, type ZoneProperties } from './zones.ts';
import { writeDemoPacks } from './packs.ts';

export interface BuildOptions {
  rawDir: string;
  outDir: string;
}

export interface BuildReport {
  /** One line per written file: path, size and what it holds. */
  lines: string[];
  /** Oddities of the raw data worth a human look (seats outside outlines, overlaps, fallbacks). */
  notes: string[];
}

interface BoundaryProperties {
  adcode: string;
  name: string;
  city: string;
  population2020: number | null;
  sourceCrs: 'GCJ-02';
}

export interface CountyMeta {
  adcode: string;
  name: string;
  population2020: number;
  /** H3 cells whose centre lies in the county outline (after overlaps went to the earlier county). */
  cells: number;
  /** Cells with modelled population ≥ 1 (the rows of population/<adcode>.csv). */
  populatedCells: number;
  townships: number;
  townshipsWithoutSeat: string[];
  /** Cells inside this outline that an earlier county (by adcode) already holds. */
  cellsClaimedByEarlierCounty: number;
  /** Units with own coordinates whose 1 km kernel reached no township cell (spread around the seat instead). */
  unitsFallenBackToSeat: number;
}

export const SOURCES = [
  {
    id: 'adcode',
    what: 'county and city outlines (AMap district fences, 2016 snapshot); townships, villages/communities, NBS urban–rural codes, AMap township seat points',
    source: 'Vonng/adcode (GitHub), data/fences/ and data/adcode/, commit b755d6e',
    licence: 'CC BY 4.0',
    crs: 'GCJ-02',
  },
  {
    id: 'census2020',
    what: 'county resident population at the 7th national census (2020-11-01), column POPU',
    source: 'thebamboogrove/tudigong (GitHub), input/population.csv',
    licence: 'figures (facts)',
    crs: null,
  },
  {
    id: 'seeds',
    what: 'facility names, kinds and townships',
    source: 'government planning documents in shared/seeds: 001 (永政办〔2024〕44号, Yongchun) and 003 (晋江市“十四五”卫生健康事业发展专项规划, Jinjiang)',
    licence: 'public government documents',
    crs: null,
  },
];

const mb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

/** Runs the build; see data/README.md for what each file holds. */
export function buildData({ rawDir, outDir }: BuildOptions): BuildReport {
  const lines: string[] = [];
  const notes: string[] = [];
  const say = (w: WrittenFile, summary: string): void => {
    lines.push(`${w.file.padEnd(28)} ${mb(w.bytes).padStart(9)}  ${summary}`);
  };

  const census = readCensus(rawDir);
  const admin = new Map<string, AdminCounty>();
  const outlines = new Map<string, Polygon | MultiPolygon>();
  for (const code of ALL_COUNTIES) {
    admin.set(code, readAdminCounty(rawDir, code));
    outlines.set(code, readOutline(rawDir, code));
  }

  // 1. boundaries
  const countyFeatures = ALL_COUNTIES.map((code): Feature<Polygon | MultiPolygon, BoundaryProperties> => {
    const a = admin.get(code)!;
    return feature(outlines.get(code)!, {
      adcode: code,
      name: a.name,
      city: a.cityName,
      population2020: census.get(code)?.population ?? null,
      sourceCrs: 'GCJ-02',
    });
  });
  say(writeFeatureCollection(outDir, 'boundaries/counties.geojson', countyFeatures), `${countyFeatures.length} county outlines (WGS84, not simplified), census population`);
  const cityFeatures = CITIES.slice()
    .sort()
    .map((city): Feature<Polygon | MultiPolygon, BoundaryProperties> => {
      const members = ALL_COUNTIES.filter((c) => cityOf(c) === city);
      const pops = members.map((c) => census.get(c)?.population ?? null);
      const name = admin.get(members[0])!.cityName;
      return feature(readOutline(rawDir, city), {
        adcode: city,
        name,
        city: name,
        population2020: pops.every((p) => p !== null) ? pops.reduce((s, p) => s! + p!, 0) : null,
        sourceCrs: 'GCJ-02',
      });
    });
  say(
    writeFeatureCollection(outDir, 'boundaries/cities.geojson', cityFeatures),
    `${cityFeatures.length} city outlines: ${cityFeatures.map((f) => `${f.properties.name} ${f.properties.population2020}`).join(', ')}`,
  );

  // 2. townships (all counties); population, zones and cells only for Quanzhou
  const townshipsByCounty = new Map<string, Township[]>();
  const villagesByCounty = new Map<string, VillageUnit[]>();
  for (const code of ALL_COUNTIES) {
    const { townships, villages } = buildTownships(admin.get(code)!);
    townshipsByCounty.set(code, townships);
    villagesByCounty.set(code, villages);
    const outline = feature(outlines.get(code)!);
    for (const t of townships) {
      if (t.seat && !booleanPointInPolygon(point(t.seat), outline)) notes.push(`seat of ${t.code} ${t.name} lies outside the ${t.countyName} outline`);
    }
  }

  const countyCells = assignCountyCells(
    QUANZHOU_COUNTIES.map((adcode) => ({ adcode, outline: outlines.get(adcode)! })),
    H3_RESOLUTION,
  );
  const zoneFeatures: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  const countyMeta: CountyMeta[] = [];
  const popFiles: { w: WrittenFile; summary: string }[] = [];
  rmSync(path.join(outDir, 'population'), { recursive: true, force: true });
  for (const { adcode, cells, claimedEarlier } of countyCells) {
    const a = admin.get(adcode)!;
    const townships = townshipsByCounty.get(adcode)!;
    const total = census.get(adcode)?.population;
    if (!total) throw new Error(`census/county_population_2020.csv: no POPU for Quanzhou county ${adcode}`);
    const zones = buildCountyZones(townships, outlines.get(adcode)!);
    const cellZones = cells.map((h) => {
      const [lat, lng] = cellToLatLng(h);
      return zones.nearest(lng, lat);
    });
    const zoneCells = new Set(cellZones);
    const withZone = new Set(zones.zones.filter((z) => zoneCells.has(z.properties.code)).map((z) => z.properties.code));
    for (const z of zones.zones) {
      if (!withZone.has(z.properties.code)) notes.push(`${z.properties.code} ${z.properties.name}: zone polygon holds no H3 cell centre; zone dropped`);
    }
    for (const t of townships) t.hasZone = withZone.has(t.code);
    zoneFeatures.push(...zones.zones.filter((z) => withZone.has(z.properties.code)));

    const result = modelCountyPopulation({
      total,
      townships,
      villages: villagesByCounty.get(adcode)!,
      cells,
      cellZones,
      resolution: H3_RESOLUTION,
    });
    const sum = result.rows.reduce((s, r) => s + r.population, 0);
    if (sum !== total) throw new Error(`County ${adcode}: modelled cells sum to ${sum}, census says ${total}`);
    for (const t of townships) {
      if (t.hasZone && !(result.townshipTotals.get(t.code)! > 0)) notes.push(`${t.code} ${t.name} has a zone but no population`);
    }
    if (claimedEarlier > 0) notes.push(`${adcode} ${a.name}: ${claimedEarlier} cells also inside an earlier county's outline, kept there`);
    if (result.unitFallbacks > 0) notes.push(`${adcode} ${a.name}: ${result.unitFallbacks} units with coordinates reach no cell of their township within 3 km; spread around the seat`);
    for (const code of result.seatFallbacks) notes.push(`${code}: seat kernel reaches no cell; all on the cell nearest the seat`);
    const file = `population/${adcode}.csv`;
    const w = writeCsv(outDir, file, ['h3', 'population', 'zone'], result.rows.map((r) => [r.h3, r.population, r.zone]));
    popFiles.push({
      w,
      summary: `${a.name} ${total} people on ${result.rows.length} of ${cells.length} res-${H3_RESOLUTION} cells, ${result.townshipTotals.size} townships (MODELLED)`,
    });
    countyMeta.push({
      adcode,
      name: a.name,
      population2020: total,
      cells: cells.length,
      populatedCells: result.rows.length,
      townships: townships.length,
      townshipsWithoutSeat: townships.filter((t) => !t.seat).map((t) => t.name),
      cellsClaimedByEarlierCounty: claimedEarlier,
      unitsFallenBackToSeat: result.unitFallbacks,
    });
    for (const t of result.redistributed) {
      notes.push(`${t.code} ${t.name} (${t.villageUnits} units) has no zone; its share went to the other townships of ${a.name}`);
    }
  }

  const townships = ALL_COUNTIES.flatMap((c) => townshipsByCounty.get(c)!).sort((x, y) => (x.code < y.code ? -1 : 1));
  const urban = townships.filter((t) => t.areaType === 'urban').length;
  say(
    writeJsonLines(outDir, 'townships.json', townships),
    `${townships.length} townships (${urban} urban, ${townships.length - urban} rural; ${townships.filter((t) => !t.seat).length} without seat, ${townships.filter((t) => t.hasZone).length} with zone)`,
  );
  zoneFeatures.sort((x, y) => (x.properties.code < y.properties.code ? -1 : 1));
  say(writeFeatureCollection(outDir, 'zones.geojson', zoneFeatures), `${zoneFeatures.length} APPROXIMATE township zones (seat Voronoi clipped to county)`);
  for (const { w, summary } of popFiles) say(w, summary);

  // 3. facilities
  const townshipMap = new Map(townships.map((t) => [t.code, t]));
  const { facilities, unplaced } = placeFacilities([...yongchunSpecs(townships), ...jinjiangSpecs()], townshipMap);
  for (const s of unplaced) notes.push(`facility ${s.id} ${s.name} not placed: township ${s.township} has no seat in the source`);
  const byStatus = (st: string): number => facilities.filter((f) => f.status === st).length;
  say(
    writeJsonLines(outDir, 'facilities.json', facilities),
    `${facilities.length} facilities at township seats (${byStatus('existing')} existing, ${byStatus('proposed')} proposed, ${byStatus('disabled')} disabled; ${unplaced.length} not placed)`,
  );

  // 4. meta
  const meta = {
    generatedBy: 'scripts/build-data.ts',
    h3Resolution: H3_RESOLUTION,
    counties: countyMeta,
    facilitiesNotPlaced: unplaced.map((s) => ({ id: s.id, name: s.name, township: s.township, reason: 'no seat in source' })),
    sources: SOURCES,
    crs: 'WGS84 (EPSG:4326); sources GCJ-02 converted with gcoord',
    modelled: 'population is modelled, not a census grid; township zones approximate; facility positions at township seats',
  };
  say(writeJson(outDir, 'meta.json', meta), `${countyMeta.length} counties, ${countyMeta.reduce((s, c) => s + c.populatedCells, 0)} populated cells`);

  // 5. the demo regions as region packs, from the files just written
  const packs = writeDemoPacks(outDir, SOURCES.map((s) => ({ what: s.what, source: s.source, licence: s.licence, crs: s.crs })));
  for (const w of packs.files) {
    const entry = packs.index.find((e) => `packs/${e.file}` === w.file);
    say(w, entry ? `region pack ${entry.name}: ${entry.cells} cells, ${entry.stations} stations` : `${packs.index.length} region packs listed`);
  }
  return { lines, notes };
}
