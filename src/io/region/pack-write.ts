/**
 * Writes a region as a pack (see ./pack-format.ts): the same bytes for the
 * same region (no timestamps), so `npm run build:data` is deterministic.
 */
import { zipSync, type Zippable } from 'fflate';
import { geojsonToWkb, parquetWriteBuffer } from 'hyparquet-writer';
import { cellToLatLng } from 'h3-js';
import type { Geometry } from 'geojson';
import type { Region } from './types.ts';
import { h3ToInt64 } from './h3-int.ts';
import { MEMBERS, PACK_FORMAT, PACK_VERSION, type Manifest } from './pack-format.ts';
import { roadColumns, roadsManifest } from './pack-roads.ts';
import { STATION_COLUMNS } from './station-columns.ts';

/** Zip entries' time: fixed, so two writes of one region give the same bytes. */
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');
const CREATED_BY = 'ems-coverage-planner (急救站点覆盖规划)';

type Column = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number];

/** GeoParquet 1.1 metadata for one WKB geometry column in OGC:CRS84 (WGS84 lng/lat), the default CRS. */
function geoMetadata(types: string[]): { key: string; value: string } {
  return { key: 'geo', value: JSON.stringify({ version: '1.1.0', primary_column: 'geometry', columns: { geometry: { encoding: 'WKB', geometry_types: types } } }) };
}

/**
 * One Parquet member in the one layout the reader accepts (./parquet-layout.ts):
 * every column REQUIRED and PLAIN, pages uncompressed (the zip deflates the
 * member instead). Missing values are written as '' (text) and NaN (numbers).
 */
function parquet(columns: Column[], geometryTypes?: string[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ ...c, nullable: false, encoding: 'PLAIN' })),
    codec: 'UNCOMPRESSED',
    statistics: false,
    // one row group: the reader takes whole columns
    rowGroupSize: Math.max(1, columns[0]?.data.length ?? 1),
    createdBy: CREATED_BY,
    ...(geometryTypes ? { kvMetadata: [geoMetadata(geometryTypes)] } : {}),
  });
  return new Uint8Array(buffer);
}

const wkb = (g: Geometry) => geojsonToWkb(g as never);
const str = (name: string, data: (string | null)[]): Column => ({ name, data: data.map((v) => v ?? ''), type: 'STRING' });
const dbl = (name: string, data: Float64Array | (number | null)[]): Column => ({ name, data: data instanceof Float64Array ? data : Float64Array.from(data, (v) => v ?? NaN), type: 'DOUBLE' });
/** Zip entry options: deflated (the Parquet pages are not compressed), no timestamp. */
const DEFLATED = { level: 6, mtime: FIXED_MTIME } as const;

/** Each cell's centre as h3-js gives it. */
function cellCentres(h3: readonly string[]): { lat: Float64Array; lng: Float64Array } {
  const lat = new Float64Array(h3.length);
  const lng = new Float64Array(h3.length);
  for (let i = 0; i < h3.length; i++) [lat[i], lng[i]] = cellToLatLng(h3[i]);
  return { lat, lng };
}

/** The pack's bytes. */
export function writeRegionPack(region: Region): Uint8Array {
  const { cells, zones, stations, parts } = region;
  const centres = cellCentres(cells.h3);
  const population = cells.population.reduce((s, v) => s + v, 0);
  const manifest: Manifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: region.id,
    name: region.name,
    ...(region.city ? { city: region.city } : {}),
    resolution: region.resolution,
    parts,
    sources: region.sources,
    attribution: region.attribution,
    notes: region.notes,
    modelled: region.modelled,
    counts: { cells: cells.h3.length, zones: zones.length, parts: parts.length, stations: stations.length, population },
    createdBy: CREATED_BY,
    ...(region.roads ? { roads: roadsManifest(region.roads) } : {}),
  };
  const outlineOf = new Map(region.zoneOutlines.map((f) => [f.properties.code, f.geometry]));
  const partOutlineOf = new Map(region.partOutlines.map((f) => [f.properties.code, f.geometry]));
  const emptyMulti: Geometry = { type: 'MultiPolygon', coordinates: [] };
  const files: Zippable = {
    [MEMBERS.manifest]: [new TextEncoder().encode(JSON.stringify(manifest, null, 1)), { level: 6, mtime: FIXED_MTIME }],
    [MEMBERS.cells]: [
      parquet([
        // sorted H3 integers delta-encode to a few bytes a cell
        { name: 'h3', data: h3ToInt64(cells.h3), type: 'INT64' },
        dbl('population', cells.population),
        { name: 'zone', data: cells.zone, type: 'INT32' },
        // the centres, so opening a pack computes none (and GIS tools can draw the cells as points)
        dbl('lng', centres.lng),
        dbl('lat', centres.lat),
      ]),
      DEFLATED,
    ],
    [MEMBERS.zones]: [
      parquet(
        [
          str('code', zones.map((z) => z.code)),
          str('name', zones.map((z) => z.name)),
          str('county', zones.map((z) => z.county)),
          str('county_name', zones.map((z) => z.countyName)),
          str('area_type', zones.map((z) => z.areaType)),
          str('area_type_source', zones.map((z) => z.areaTypeSource ?? null)),
          dbl('seat_lng', zones.map((z) => z.seat?.[0] ?? null)),
          dbl('seat_lat', zones.map((z) => z.seat?.[1] ?? null)),
          { name: 'geometry', data: zones.map((z) => wkb(outlineOf.get(z.code) ?? emptyMulti)), type: 'BYTE_ARRAY' },
        ],
        ['MultiPolygon'],
      ),
      DEFLATED,
    ],
    [MEMBERS.parts]: [
      parquet(
        [
          str('code', parts.map((p) => p.code)),
          str('name', parts.map((p) => p.name)),
          dbl('census_population', parts.map((p) => p.censusPopulation)),
          { name: 'geometry', data: parts.map((p) => wkb(partOutlineOf.get(p.code) ?? emptyMulti)), type: 'BYTE_ARRAY' },
        ],
        ['MultiPolygon'],
      ),
      DEFLATED,
    ],
    [MEMBERS.stations]: [
      parquet(
        [
          ...STATION_COLUMNS.map((c): Column => {
            const values = stations.map((s) => c.get(s));
            if (c.type === 'STRING') return str(c.name, values as (string | null)[]);
            if (c.type === 'DOUBLE') return dbl(c.name, values as (number | null)[]);
            return { name: c.name, data: values as boolean[], type: 'BOOLEAN' };
          }),
          { name: 'geometry', data: stations.map((s) => wkb({ type: 'Point', coordinates: [s.lng, s.lat] })), type: 'BYTE_ARRAY' },
        ],
        ['Point'],
      ),
      DEFLATED,
    ],
  };
  const context = region.contextOutlines ?? [];
  if (context.length > 0) {
    files[MEMBERS.context] = [
      parquet(
        [
          str('code', context.map((p) => p.properties.code)),
          str('name', context.map((p) => p.properties.name)),
          { name: 'geometry', data: context.map((p) => wkb(p.geometry)), type: 'BYTE_ARRAY' },
        ],
        ['MultiPolygon'],
      ),
      DEFLATED,
    ];
  }
  if (region.roads) files[MEMBERS.roads] = [parquet(roadColumns(region.roads.ways), ['LineString']), DEFLATED];
  return zipSync(files);
}
