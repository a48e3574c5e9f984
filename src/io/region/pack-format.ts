/**
 * The region pack: one zip file holding a region as GeoParquet layers other
 * tools read (QGIS and GDAL open `/vsizip/…/zones.parquet`, DuckDB reads each
 * member with `read_parquet`) and a small JSON manifest. Why Parquet: it is
 * columnar, so opening a pack is mostly copying typed arrays (H3 indexes as
 * INT64, populations as DOUBLE, zone indexes as INT32), and it is the open
 * format planners' GIS tools and DuckDB read without conversion; the zip keeps
 * one file to send and to drop on the app.
 *
 * Members:
 *   region.json      manifest (this schema): format, version, names, parts, notes, sources, counts
 *   cells.parquet    h3 INT64, population DOUBLE, zone INT32 (index into zones.parquet rows, -1 none),
 *                    lng, lat DOUBLE (the cell centre, WGS84); sorted by h3
 *   zones.parquet    GeoParquet: code, name, county, county_name, area_type, area_type_source, seat_lng, seat_lat, geometry (WKB MultiPolygon)
 *   parts.parquet    GeoParquet: code, name, census_population, geometry (WKB MultiPolygon)
 *   stations.parquet GeoParquet: the facilities' fields, geometry (WKB Point)
 *   context.parquet  GeoParquet (optional): code, name, geometry of outlines around the region, for orientation
 *   roads.parquet    GeoParquet (optional): class, posted_kmh DOUBLE (NaN none), oneway INT32 (+1 along, −1 against, 0 both),
 *                    geometry (WKB LineString); one row per road way. Ways that meet share a vertex coordinate
 *                    exactly, and the reader joins them there again (see ./pack-roads.ts). Its source, licence,
 *                    attribution and import counts are the manifest's `roads`; a pack without it has no roads.
 */
import { z } from 'zod';
import { ROAD_LIMITS } from '../roads/limits.ts';

export const PACK_FORMAT = 'ems-region-pack';
export const PACK_VERSION = 1;
export const PACK_EXTENSION = '.region.zip';

export const MEMBERS = {
  manifest: 'region.json',
  cells: 'cells.parquet',
  zones: 'zones.parquet',
  parts: 'parts.parquet',
  stations: 'stations.parquet',
  context: 'context.parquet',
  roads: 'roads.parquet',
} as const;

const text = z.string().max(10_000);

/** Cells a pack may hold: a province at H3 res 9 is ~1.3 million; 20 million arrays take ~400 MB. */
export const MAX_PACK_CELLS = 20_000_000;

const SourceSchema = z.object({ what: text, source: text, licence: text, crs: text.nullable() });
const count = z.number().int().nonnegative().max(ROAD_LIMITS.maxRoadVertices);

/** The manifest's account of roads.parquet (optional: packs written before roads, or without them, have none). */
const RoadsSchema = z.object({
  /** Rows of roads.parquet. */
  ways: count,
  source: SourceSchema,
  attribution: text.optional(),
  /** What the road import kept and left out (RoadCounts), carried so a reopened region reports the same. */
  counts: z.object({ waysRead: count, waysDrivable: count, waysKept: count, waysOutside: count, vertices: count }),
});

export const ManifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  city: z.string().max(500).optional(),
  resolution: z.number().int().min(0).max(15),
  parts: z.array(z.object({ code: z.string().min(1).max(200), name: text, censusPopulation: z.number().finite().nonnegative().nullable() })).max(100_000),
  sources: z.array(SourceSchema).max(1_000),
  attribution: text,
  notes: z.object({ population: text, zones: text, facilities: text, extra: z.array(text).max(1_000) }),
  modelled: z.object({ population: z.boolean(), zones: z.boolean(), facilities: z.boolean() }),
  /** Row counts and the population total, checked against the layers on open (a truncated member shows here). */
  counts: z.object({
    cells: z.number().int().nonnegative().max(MAX_PACK_CELLS),
    zones: z.number().int().nonnegative().max(100_000),
    parts: z.number().int().nonnegative().max(100_000),
    stations: z.number().int().nonnegative().max(1_000_000),
    population: z.number().finite().nonnegative(),
  }),
  createdBy: text,
  /** Added in version 1 without a version change: older readers ignore the key (and open the pack without roads). */
  roads: RoadsSchema.optional(),
});

export type ManifestRoads = z.infer<typeof RoadsSchema>;

export type Manifest = z.infer<typeof ManifestSchema>;

/** The format and version a file claims, read before the full schema so an unknown version gets its own message. */
export const ClaimSchema = z.object({ format: z.unknown(), version: z.unknown() });
