/**
 * A region: everything the planner opens and the engine evaluates — its
 * outline parts (counties, or the user's outlines), zones with their area
 * types and where those came from, the population cells, the facilities, and
 * what the data rests on (sources, notes, what is modelled). Built from the
 * user's files (./from-files.ts) or read from a region pack (./pack-read.ts);
 * the embedded demo regions are packs too. WGS84 throughout.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { RoadWays } from '../../core/roads/ways.ts';
import type { Station, Zone } from '../../core/types.ts';
import type { RoadCounts } from '../roads/collect.ts';

/** One part of the region's outline: a county of the demo, or a polygon of the user's outline file. */
export interface RegionPart {
  code: string;
  name: string;
  /** Census resident population of the part (2020 for the demo), when known. */
  censusPopulation: number | null;
}

/** Where a piece of the data came from. */
export interface RegionSource {
  what: string;
  source: string;
  licence: string;
  /** Coordinate system of the source (data are converted to WGS84 on import), or null for non-spatial facts. */
  crs: string | null;
}

/**
 * One note per part of the data, shown with the figures (reports, exports,
 * the results panel): what the population, zones and facilities are, and any
 * count worth knowing (cells left out, rows skipped).
 */
export interface RegionNotes {
  population: string;
  zones: string;
  facilities: string;
  extra: string[];
}

/** Which parts rest on a model or an approximation (the UI labels them where shown). */
export interface RegionModelled {
  /** Population modelled (not a census or raster count). */
  population: boolean;
  /** Zones approximate (not official boundaries). */
  zones: boolean;
  /** Facility positions approximate (not surveyed). */
  facilities: boolean;
}

/** The population cells, sorted by H3 index, as parallel arrays. */
export interface RegionCells {
  h3: string[];
  population: Float64Array;
  /** Index into the region's zones, -1 for none. */
  zone: Int32Array;
  /** The same H3 indexes as 64-bit integers, when read from a pack. */
  h3Int?: BigInt64Array;
  /** Cell centres (h3-js cellToLatLng) as a pack stores them, so opening one computes none. */
  lat?: Float64Array;
  lng?: Float64Array;
}

export type ZoneOutline = Feature<MultiPolygon, { code: string }>;
export type PartOutline = Feature<MultiPolygon, { code: string; name: string }>;

/** The region's road network: drivable ways clipped to the region plus a margin, and where they came from. */
export interface RegionRoads {
  ways: RoadWays;
  /** The road file's source, licence and CRS (e.g. OpenStreetMap, ODbL). */
  source: RegionSource;
  /** The attribution the road data's licence asks for (e.g. "© OpenStreetMap contributors"), shown with maps and reports. */
  attribution?: string;
  /** What reading the file kept and left out. */
  counts: RoadCounts;
}

/**
 * Historical 120 calls aggregated to the region's cells on import. Raw call
 * points are never kept here (nor in scenarios, packs or exports): only the
 * count per cell, so the data cannot be traced back to an address.
 */
export interface RegionCalls {
  /** Calls per region cell over the file's period, aligned with `cells` (same order). */
  perCell: Float64Array;
  /** Years the file covers (from its call times, else 1 and `periodAssumed`), so per-year figures divide by it. */
  years: number;
  periodAssumed: boolean;
  /** Calls placed in the region's cells. */
  total: number;
  /** Of those, calls placed by township code (no coordinates): shared over the township's cells by residents, to be said where shown. */
  byTownship?: number;
  /** Calls read whose place lies outside the region's cells (counted, never silently dropped). */
  outside: number;
  /** Data rows read and rows refused (the importer's row problems give each row and why). */
  rows: number;
  skipped: number;
  /** True for generated calls (the demo and tests): labelled synthetic wherever shown. */
  synthetic: boolean;
  source: RegionSource;
}

export interface Region {
  /** Stable id: a demo adcode ('350525', '350500'), or 'user-…' for a region built from files. */
  id: string;
  name: string;
  /** The city the region belongs to, for titles (e.g. 泉州市), when known. */
  city?: string;
  parts: RegionPart[];
  partOutlines: PartOutline[];
  /** Outlines around the region drawn faintly for orientation (the demo: the other counties of its cities); not part of the region. */
  contextOutlines?: PartOutline[];
  /** Zones in a fixed order (cells index them); `areaTypeSource` says where each type came from. */
  zones: Zone[];
  zoneOutlines: ZoneOutline[];
  /** H3 resolution of the cells. */
  resolution: number;
  cells: RegionCells;
  stations: Station[];
  sources: RegionSource[];
  /** One line for map attributions and printed maps. */
  attribution: string;
  notes: RegionNotes;
  modelled: RegionModelled;
  /** The road network, when the region has one (imported, or stored in its pack); without it reach is straight-line only. */
  roads?: RegionRoads;
  /** Historical 120 calls per cell, when imported. */
  calls?: RegionCalls;
}

/** The region's zone outlines as one collection (for the map and exports). */
export function zoneCollection(region: Pick<Region, 'zoneOutlines'>): FeatureCollection<MultiPolygon, { code: string }> {
  return { type: 'FeatureCollection', features: region.zoneOutlines };
}

/** The notes as the lines reports print, in their fixed order. */
export function noteLines(notes: RegionNotes): string[] {
  return [notes.population, notes.zones, notes.facilities, ...notes.extra].filter((line) => line !== '');
}

/** One demo region as data/packs/index.json lists it (written by the data build, read by the app and the CLI). */
export interface PackIndexEntry {
  id: string;
  name: string;
  /** 'city' for a whole city, else 'county'. */
  kind: 'county' | 'city';
  city: string;
  /** County adcodes the region is made of. */
  parts: string[];
  /** Census population of the region (sum of its parts). */
  population: number;
  cells: number;
  stations: number;
  /** The pack's file name in data/packs. */
  file: string;
}
