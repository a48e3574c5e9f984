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
import { readCensus, requirePopulation } from './census.ts';
import { jinjiangSpecs, placeFacilities, yongchunSpecs } from './facilities.ts';
import { facilitiesNotPlaced, FACILITY_RULES } from './facility-outcomes.ts';
import { gcjToWgs } from './geo.ts';
import { readRoster } from './roster.ts';
import { rosterFacilities } from './roster-facilities.ts';
import { facilityTable, shareTable, type CountyShares } from './tables.ts';
import { readWorldPop } from './worldpop.ts';
import { worldPopLayer } from './worldpop-layer.ts';
import { writeCsv, writeFeatureCollection, writeJson, writeJsonLines, writeText, type WrittenFile } from './output.ts';
import { countyIntegers, kernelLayer } from './population.ts';
import { ALL_COUNTIES, CITIES, H3_RESOLUTION, cityOf } from './regions.ts';
import { buildTownships, type Township, type VillageUnit } from './townships.ts';
import { buildCountyZones, type ZoneProperties } from './zones.ts';

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
  /** City adcode. */
  city: string;
  population2020: number;
  /** WorldPop 2020 people on the county's cells (its WorldPop cells shared by cell count), rounded: the structure, not the total. */
  worldPop2020: number;
  /** Of those, the people from WorldPop cells on the region's outer land border (shared with the land outside by area). */
  worldPop2020FromBorderCells: number;
  /** H3 cells whose centre lies in the county outline (after overlaps went to the earlier county). */
  cells: number;
  /** Cells with modelled population ≥ 1 (the rows of population/<adcode>.csv). */
  populatedCells: number;
  townships: number;
  townshipsWithoutSeat: string[];
  /** Code of the county-seat township: the zone holding the county's AMap centre point (where county hospitals stand). */
  seatTownship: string;
  /** Cells inside this outline that an earlier county (by adcode) already holds. */
  cellsClaimedByEarlierCounty: number;
  /** Units with own coordinates whose 1 km kernel reached no township cell (spread around the seat instead). */
  unitsFallenBackToSeat: number;
  /** Cells in no WorldPop cell (WorldPop has no people there), so with no people. */
  cellsWithoutWorldPop: number;
  /** Cells of WorldPop pieces no kernel reaches, which share the piece's people evenly. */
  cellsSpreadEvenly: number;
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
    id: 'worldpop',
    what: 'population structure inside each county: WorldPop 2020 (ppp, unconstrained) summed to a 1/12° (~9 km) grid',
    source: 'WorldPop global mosaic ppp_2020_1km_Aggregated, re-aggregated by jgaffuri/worldpop_gridviz (GitHub) pub/v1/10km, commit 8609a79',
    licence: 'CC BY 4.0, "WorldPop (www.worldpop.org)"',
    crs: 'WGS84',
  },
  {
    id: 'roster',
    what: 'names of the public hospitals, township health centres and community health centres of 泉州市 (224 rows) and the hospitals of 厦门市 (19 rows), February 2020; no addresses',
    source: 'hhui64/wuhan2020map (GitHub) src/assets/json/hospital.js, commit fd2a277, compiled from 国家人口健康科学数据中心 and Fujian health commission notices',
    licence: 'repository MIT; the facts are public government notices',
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

const TABLES_HEADER =
  '# Tables of the data build\n\nGenerated by `npm run build:data` (scripts/data/tables.ts); do not edit. data/README.md holds a copy of each table (a unit test keeps them equal).';

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
  const cityName = (city: string): string => admin.get(ALL_COUNTIES.find((c) => cityOf(c) === city)!)!.cityName;

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
      const name = cityName(city);
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

  // 2. townships, zones and modelled population cells of every county
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
    ALL_COUNTIES.map((adcode) => ({ adcode, outline: outlines.get(adcode)! })),
    H3_RESOLUTION,
  );
  const zoneFeatures: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  const countySeats = new Map<string, string>();
  // zones and the village-unit kernel model of every county first: the WorldPop layer spans county borders
  const kernels = countyCells.map(({ adcode, cells }) => {
    const a = admin.get(adcode)!;
    const townships = townshipsByCounty.get(adcode)!;
    const zones = buildCountyZones(townships, outlines.get(adcode)!);
    if (!a.pointGcj) throw new Error(`admin/${adcode}.csv: the county row has no centre point, so its seat township is unknown`);
    countySeats.set(adcode, zones.nearest(...gcjToWgs(a.pointGcj)));
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
    const layer = kernelLayer({ total: requirePopulation(census, adcode), urbanShare: census.get(adcode)!.urbanShare, townships, villages: villagesByCounty.get(adcode)!, cells, cellZones, resolution: H3_RESOLUTION });
    return { adcode, cells, values: layer.values, layer };
  });
  const worldPop = worldPopLayer(readWorldPop(rawDir), kernels);

  const countyMeta: CountyMeta[] = [];
  const popFiles: { w: WrittenFile; summary: string }[] = [];
  const shares: CountyShares[] = [];
  rmSync(path.join(outDir, 'population'), { recursive: true, force: true });
  countyCells.forEach(({ adcode, cells, claimedEarlier }, k) => {
    const a = admin.get(adcode)!;
    const townships = townshipsByCounty.get(adcode)!;
    const total = requirePopulation(census, adcode);
    const { layer } = kernels[k];
    const wp = worldPop.get(adcode)!;
    const result = countyIntegers(total, cells, layer, wp.values);
    const sum = result.rows.reduce((s, r) => s + r.population, 0);
    if (sum !== total) throw new Error(`County ${adcode}: modelled cells sum to ${sum}, census says ${total}`);
    for (const t of townships) {
      if (t.hasZone && !(result.townshipTotals.get(t.code)! > 0)) notes.push(`${t.code} ${t.name} has a zone but no population`);
    }
    if (claimedEarlier > 0) notes.push(`${adcode} ${a.name}: ${claimedEarlier} cells also inside an earlier county's outline, kept there`);
    if (layer.unitFallbacks > 0) notes.push(`${adcode} ${a.name}: ${layer.unitFallbacks} units with coordinates reach no cell of their township within 3 km; spread around the seat`);
    for (const code of layer.seatFallbacks) notes.push(`${code}: seat kernel reaches no cell; all on the cell nearest the seat`);
    const file = `population/${adcode}.csv`;
    const w = writeCsv(outDir, file, ['h3', 'population', 'zone'], result.rows.map((r) => [r.h3, r.population, r.zone]));
    popFiles.push({
      w,
      summary: `${a.name} ${total} people on ${result.rows.length} of ${cells.length} res-${H3_RESOLUTION} cells, ${result.townshipTotals.size} townships (MODELLED: census totals, WorldPop 2020)`,
    });
    countyMeta.push({
      adcode,
      name: a.name,
      city: cityOf(adcode),
      population2020: total,
      worldPop2020: Math.round(wp.people),
      worldPop2020FromBorderCells: Math.round(wp.fromBorderCells),
      cells: cells.length,
      populatedCells: result.rows.length,
      townships: townships.length,
      townshipsWithoutSeat: townships.filter((t) => !t.seat).map((t) => t.name),
      seatTownship: countySeats.get(adcode)!,
      cellsClaimedByEarlierCounty: claimedEarlier,
      unitsFallenBackToSeat: layer.unitFallbacks,
      cellsWithoutWorldPop: wp.cellsWithoutWorldPop,
      cellsSpreadEvenly: wp.cellsSpreadEvenly,
    });
    shares.push({
      adcode,
      name: a.name,
      total,
      townships: townships
        .filter((t) => result.townshipTotals.has(t.code))
        .map((t) => ({ code: t.code, name: t.name, before: layer.unitTownshipTotals.get(t.code)!, after: result.townshipTotals.get(t.code)! })),
    });
    for (const t of layer.redistributed) {
      notes.push(`${t.code} ${t.name} (${t.villageUnits} units) has no zone; its share went to the other townships of ${a.name}`);
    }
  });

  const townships = ALL_COUNTIES.flatMap((c) => townshipsByCounty.get(c)!).sort((x, y) => (x.code < y.code ? -1 : 1));
  const urban = townships.filter((t) => t.areaType === 'urban').length;
  say(
    writeJsonLines(outDir, 'townships.json', townships),
    `${townships.length} townships (${urban} urban, ${townships.length - urban} rural; ${townships.filter((t) => !t.seat).length} without seat, ${townships.filter((t) => t.hasZone).length} with zone)`,
  );
  zoneFeatures.sort((x, y) => (x.properties.code < y.properties.code ? -1 : 1));
  say(writeFeatureCollection(outDir, 'zones.geojson', zoneFeatures), `${zoneFeatures.length} APPROXIMATE township zones (seat Voronoi clipped to county)`);
  for (const { w, summary } of popFiles) say(w, summary);

  // 3. facilities: the documented ones, then every roster row
  const townshipMap = new Map(townships.map((t) => [t.code, t]));
  const documented = [...yongchunSpecs(townships), ...jinjiangSpecs()];
  const roster = rosterFacilities({
    rows: readRoster(rawDir),
    townships,
    counties: ALL_COUNTIES.map((adcode) => ({ adcode, name: admin.get(adcode)!.name })),
    countySeats,
    documented,
  });
  const { facilities, unplaced } = placeFacilities([...documented, ...roster.specs], townshipMap);
  const notPlaced = facilitiesNotPlaced(unplaced, roster.outcomes, townshipMap);
  for (const n of notPlaced) notes.push(`facility not placed: ${n.name}${n.rosterRows.length ? ` (roster row ${n.rosterRows.join(', ')})` : ''}: ${n.reason}`);
  for (const o of roster.outcomes) if (o.merged) notes.push(`roster row ${o.row} ${o.name} merged into ${o.facility}`);
  const byStatus = (st: string): number => facilities.filter((f) => f.status === st).length;
  say(
    writeJsonLines(outDir, 'facilities.json', facilities),
    `${facilities.length} facilities at township seats (${byStatus('existing')} existing, ${byStatus('proposed')} proposed, ${byStatus('disabled')} disabled; ${notPlaced.length} not placed)`,
  );

  // 4. meta and the README tables
  const meta = {
    generatedBy: 'scripts/build-data.ts',
    h3Resolution: H3_RESOLUTION,
    cities: CITIES.slice()
      .sort()
      .map((city) => ({ adcode: city, name: cityName(city), counties: ALL_COUNTIES.filter((c) => cityOf(c) === city) })),
    counties: countyMeta,
    facilityRules: FACILITY_RULES,
    facilitiesNotPlaced: notPlaced,
    roster: roster.outcomes,
    sources: SOURCES,
    crs: 'WGS84 (EPSG:4326); sources GCJ-02 converted with gcoord',
    modelled:
      'population is modelled from census totals and WorldPop 2020 (10 km), not a census grid; township zones approximate; facility positions at township seats',
  };
  say(writeJson(outDir, 'meta.json', meta), `${countyMeta.length} counties, ${countyMeta.reduce((s, c) => s + c.populatedCells, 0)} populated cells, ${roster.outcomes.length} roster rows`);
  const labels = ALL_COUNTIES.map((adcode) => ({ adcode, name: admin.get(adcode)!.name, city: cityOf(adcode), cityName: cityName(cityOf(adcode)) }));
  say(
    writeText(outDir, 'tables.md', `${TABLES_HEADER}

## Facilities per county

${facilityTable(labels, roster.outcomes, facilities)}

## Township shares: village-unit model → with WorldPop

${shareTable(shares)}
`),
    'facility counts per county and township share changes (pasted into data/README.md)',
  );
  return { lines, notes };
}
