/**
 * The Andorra sample region (data/samples/andorra/), from the real
 * OpenStreetMap extract ../shared/data/raw/osm/andorra-latest.osm.pbf
 * (ODbL, © OpenStreetMap contributors): a region a user can build with the
 * new-region flow and then give roads to (导入路网), since no road network of
 * Fujian exists here.
 *   outline.geojson            Andorra's national boundary (relation admin_level=2, ISO3166-1=AD), its outer ways joined into rings
 *   parishes.geojson           the seven parishes (admin_level=7 relations inside Andorra), as township-like zones
 *   population-synthetic.csv   a SYNTHETIC population: SAMPLE_RESIDENTS spread over residential building footprints (rule below)
 *   stations.csv               its hospitals and clinics (amenity or healthcare = hospital | clinic)
 *   andorra-latest.osm.pbf     the extract itself (2.5 MB), the road file to import
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, point, rewind } from '@turf/turf';
import { cellToLatLng, latLngToCell } from 'h3-js';
import type { Feature, MultiPolygon } from 'geojson';
import { largestRemainder } from './apportion.ts';
import { haversineKm, round6 } from './geo.ts';
import { readOsmPbfAll, type OsmData, type OsmRelation, type OsmWay, type Tags } from './osm-pbf-all.ts';
import { writeCsv, writeFeatureCollection, writeText, type WrittenFile } from './output.ts';
import { assembleRings } from './rings.ts';

export const SAMPLE_DIR = 'samples/andorra';
const PBF = 'andorra-latest.osm.pbf';
/** Residents the synthetic population sums to: a round figure of Andorra's order (~80,000 residents), not a count. */
export const SAMPLE_RESIDENTS = 80_000;
/** H3 resolution the synthetic population is summed to (the app's default, ≈0.1 km² cells). */
const RESOLUTION = 9;
/** An unnamed (or same-named) facility this close to one already taken (e.g. a hospital's point inside its own outline) is the same facility. */
const SAME_FACILITY_KM = 0.15;
/** building=* values nobody lives in; every other building (mostly building=yes) may house residents. */
const NOT_RESIDENTIAL = new Set([
  'shed', 'industrial', 'school', 'retail', 'chapel', 'church', 'roof', 'public', 'commercial', 'garage', 'garages', 'office', 'college',
  'hospital', 'farm_auxiliary', 'service', 'parking', 'ruins', 'hotel', 'warehouse', 'kindergarten', 'university', 'civic', 'government',
  'transportation', 'train_station', 'cabin', 'hut', 'barn', 'stable', 'greenhouse', 'religious', 'sports_centre', 'stadium', 'supermarket',
  'construction', 'bunker', 'toilets', 'transformer_tower', 'water_tower', 'storage_tank', 'silo', 'carport', 'kiosk', 'castle', 'monastery',
]);

type Ring = [number, number][];

/** Polygons of a boundary relation: its outer ways joined into rings (inner rings, if any, are ignored: Andorra's boundaries have none). */
function relationOutline(data: OsmData, waysById: Map<number, OsmWay>, rel: OsmRelation): MultiPolygon {
  const what = `OSM relation ${rel.id} (${rel.tags.name ?? 'unnamed'})`;
  const outer = rel.members.filter((m) => m.type === 'way' && m.role === 'outer').map((m) => {
    const way = waysById.get(m.ref);
    if (!way) throw new Error(`${PBF}: ${what} lacks its way ${m.ref}`);
    return way.refs;
  });
  const rings = assembleRings(outer, `${PBF}: ${what}`).map((ids): Ring =>
    ids.map((id) => {
      const n = data.nodes.get(id);
      if (!n) throw new Error(`${PBF}: ${what} lacks its node ${id}`);
      return [round6(n.lng), round6(n.lat)];
    }),
  );
  return rewind({ type: 'MultiPolygon', coordinates: rings.map((r) => [r]) }) as MultiPolygon;
}

/** Mean of a way's distinct nodes (the closing node once). */
function wayCentre(data: OsmData, way: OsmWay): [number, number] | null {
  const refs = way.refs[0] === way.refs[way.refs.length - 1] ? way.refs.slice(1) : way.refs;
  let lng = 0;
  let lat = 0;
  for (const id of refs) {
    const n = data.nodes.get(id);
    if (!n) return null;
    lng += n.lng;
    lat += n.lat;
  }
  return refs.length ? [lng / refs.length, lat / refs.length] : null;
}

/** A way's footprint in m² (a closed way), or 0. */
function footprintM2(data: OsmData, way: OsmWay): number {
  if (way.refs.length < 4 || way.refs[0] !== way.refs[way.refs.length - 1]) return 0;
  const ring = way.refs.map((id) => data.nodes.get(id)).filter((n) => n !== undefined).map((n) => [n.lng, n.lat]);
  return ring.length === way.refs.length ? area({ type: 'Polygon', coordinates: [ring] }) : 0;
}

const facilityKind = (t: Tags): 'hospital' | 'health centre' | null =>
  t.amenity === 'hospital' || t.healthcare === 'hospital' ? 'hospital' : t.amenity === 'clinic' || t.healthcare === 'clinic' ? 'health centre' : null;

/** Builds the sample into outDir/samples/andorra and returns the written files with one line each. */
export function buildAndorraSample(rawDir: string, outDir: string): { file: WrittenFile; summary: string }[] {
  const pbfPath = path.join(rawDir, 'osm', PBF);
  const data = readOsmPbfAll(new Uint8Array(readFileSync(pbfPath)), PBF);
  const waysById = new Map(data.ways.map((w) => [w.id, w]));
  const out: { file: WrittenFile; summary: string }[] = [];

  // 1. outline: the national boundary; zones: the parishes inside it
  const country = data.relations.find((r) => r.tags.boundary === 'administrative' && r.tags.admin_level === '2' && r.tags['ISO3166-1'] === 'AD');
  if (!country) throw new Error(`${PBF}: no boundary relation with admin_level=2 and ISO3166-1=AD`);
  const outline = relationOutline(data, waysById, country);
  const inCountry = (lng: number, lat: number) => booleanPointInPolygon(point([lng, lat]), outline);
  out.push({
    file: writeFeatureCollection(outDir, `${SAMPLE_DIR}/outline.geojson`, [{ type: 'Feature', properties: { code: 'AD', name: 'Andorra' }, geometry: outline }]),
    summary: `Andorra's boundary (OSM relation ${country.id}, ${outline.coordinates.length} ring), ${(area(outline) / 1e6).toFixed(0)} km²`,
  });
  const parishes: Feature<MultiPolygon, { code: string; name: string }>[] = data.relations
    .filter((r) => r.tags.boundary === 'administrative' && r.tags.admin_level === '7' && country.members.some((m) => m.type === 'relation' && m.ref === r.id && m.role === 'subarea'))
    .map((r) => ({ type: 'Feature' as const, properties: { code: r.tags['ISO3166-2'] ?? `osm-${r.id}`, name: r.tags.name ?? `relation ${r.id}` }, geometry: relationOutline(data, waysById, r) }))
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  out.push({ file: writeFeatureCollection(outDir, `${SAMPLE_DIR}/parishes.geojson`, parishes), summary: `${parishes.length} parishes (admin_level=7), as zones` });

  // 2. synthetic population: residents in proportion to residential footprint area, summed per H3 cell
  const weightOf = new Map<string, number>();
  let buildings = 0;
  for (const w of data.ways) {
    const b = w.tags.building;
    if (!b || b === 'no' || NOT_RESIDENTIAL.has(b)) continue;
    const m2 = footprintM2(data, w);
    const c = wayCentre(data, w);
    if (m2 <= 0 || !c || !inCountry(c[0], c[1])) continue;
    buildings++;
    const cell = latLngToCell(c[1], c[0], RESOLUTION);
    // a region keeps the cells whose centre is inside it: a cell centred outside would lose its residents
    const [cellLat, cellLng] = cellToLatLng(cell);
    if (!inCountry(cellLng, cellLat)) continue;
    weightOf.set(cell, (weightOf.get(cell) ?? 0) + m2);
  }
  const cells = [...weightOf.keys()].sort();
  const people = largestRemainder(SAMPLE_RESIDENTS, cells.map((c) => weightOf.get(c)!), cells);
  const rows = cells
    .map((c, i) => {
      const [lat, lng] = cellToLatLng(c);
      return [round6(lng), round6(lat), people[i]] as const;
    })
    .filter((r) => r[2] > 0);
  out.push({ file: writeCsv(outDir, `${SAMPLE_DIR}/population-synthetic.csv`, ['lng', 'lat', 'population'], rows), summary: `SYNTHETIC: ${SAMPLE_RESIDENTS.toLocaleString('en-US')} residents over ${rows.length} cells from ${buildings} building footprints` });

  // 3. stations: hospitals and clinics, outlines (ways) first so their own points are dropped as repeats
  const taken: { id: string; name: string; osmName: string | undefined; kind: string; lng: number; lat: number; note: string }[] = [];
  const candidates = [
    ...data.ways.map((w) => ({ id: `osm-way-${w.id}`, tags: w.tags, at: wayCentre(data, w) })),
    ...[...data.nodes.values()].map((n) => ({ id: `osm-node-${n.id}`, tags: n.tags, at: [n.lng, n.lat] as [number, number] })),
  ];
  for (const { id, tags, at } of candidates) {
    const kind = facilityKind(tags);
    if (!kind || !at || !inCountry(at[0], at[1])) continue;
    if (taken.some((t) => haversineKm(t.lng, t.lat, at[0], at[1]) < SAME_FACILITY_KM && (!tags.name || tags.name === t.osmName))) continue;
    const tag = tags.amenity ? `amenity=${tags.amenity}` : `healthcare=${tags.healthcare}`;
    taken.push({ id, osmName: tags.name, name: (tags.name ?? `${kind} (${id})`).replace(/[",]/g, ' ').trim(), kind, lng: round6(at[0]), lat: round6(at[1]), note: `OpenStreetMap ${id.replace(/^osm-/, '').replace('-', ' ')} ${tag}` });
  }
  taken.sort((a, b) => a.id.localeCompare(b.id));
  out.push({
    file: writeCsv(outDir, `${SAMPLE_DIR}/stations.csv`, ['id', 'name', 'kind', 'status', 'lng_wgs84', 'lat_wgs84', 'note'], taken.map((t) => [t.id, t.name, t.kind, 'existing', t.lng, t.lat, t.note])),
    summary: `${taken.length} hospitals and clinics from OpenStreetMap`,
  });

  // 4. the road file, copied as it is
  mkdirSync(path.join(outDir, SAMPLE_DIR), { recursive: true });
  copyFileSync(pbfPath, path.join(outDir, SAMPLE_DIR, PBF));
  out.push({ file: { file: `${SAMPLE_DIR}/${PBF}`, bytes: statSync(pbfPath).size }, summary: 'the OpenStreetMap extract (roads to import), unchanged' });

  out.push({ file: writeText(outDir, `${SAMPLE_DIR}/README.md`, sampleReadme(country.id, buildings, rows.length, taken.length)), summary: 'what the sample files are, and what is synthetic' });
  return out;
}

function sampleReadme(countryRelation: number, buildings: number, cells: number, stations: number): string {
  return `# Andorra sample region

Generated by \`npm run build:data\` (scripts/data/andorra-sample.ts) from the
OpenStreetMap extract \`andorra-latest.osm.pbf\` (Geofabrik, 2023-05-02).
Do not edit by hand. Data © OpenStreetMap contributors, ODbL 1.0
(https://www.openstreetmap.org/copyright); keep this attribution wherever these
files, or maps and figures made from them, are shown. WGS84 (EPSG:4326).

> **\`population-synthetic.csv\` is SYNTHETIC.** It is not a census, a survey or
> a raster count: ${SAMPLE_RESIDENTS.toLocaleString('en-US')} residents (a round figure of Andorra's order) are
> shared out in proportion to the footprint area of the ${buildings.toLocaleString('en-US')} OpenStreetMap buildings
> that may be homes (every \`building=*\` except clearly non-residential types such
> as church, school, shed, hotel, industrial; see \`NOT_RESIDENTIAL\` in the
> script), in the H3 cells (resolution ${RESOLUTION}) whose centre is inside Andorra's boundary, summed per cell and
> rounded by largest remainder. ${cells.toLocaleString('en-US')} rows: \`lng,lat\` is the cell centre. Use it to try the
> tool, never to plan.

| file | what |
|---|---|
| \`outline.geojson\` | Andorra's national boundary: OSM relation ${countryRelation} (admin_level=2, ISO3166-1=AD), its outer ways joined into rings |
| \`parishes.geojson\` | the seven parishes (admin_level=7 subareas of that relation), codes ISO 3166-2 (AD-02 …), as zones |
| \`population-synthetic.csv\` | the synthetic population above (points: \`lng,lat,population\`) |
| \`stations.csv\` | ${stations} hospitals and clinics: \`amenity\` or \`healthcare\` = \`hospital\` (kind hospital) or \`clinic\` (kind health centre), all status existing; a way's position is the mean of its nodes; an unnamed or same-named one within ${SAME_FACILITY_KM * 1000} m of one already taken is the same facility; unnamed ones are named by their OSM id |
| \`andorra-latest.osm.pbf\` | the extract itself, unchanged: the road network to import (导入路网) |

Try it: in the app, 新建区域 with \`outline.geojson\` (or \`parishes.geojson\`),
\`population-synthetic.csv\` and \`stations.csv\`, then 导入路网 with
\`andorra-latest.osm.pbf\`. On the command line:

    npm run report -- --zones data/samples/andorra/outline.geojson --population data/samples/andorra/population-synthetic.csv --facilities data/samples/andorra/stations.csv
`;
}
