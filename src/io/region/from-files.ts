/**
 * The one region loader for the app's worker and the CLI: the user's files
 * (zones or outlines, population, facilities) become a region, or replace
 * the matching part of an open one. Nothing Quanzhou-specific is on this
 * path. Problems come back row by row; the caller decides whether bad rows
 * stop it (the CLI without --skip-bad-rows) or are shown (the app).
 */
import { booleanPointInPolygon, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaType, Station, Zone } from '../../core/types.ts';
import type { Crs } from '../crs.ts';
import { DataFileError, isError, pushAll, throwIfAborted, type RowProblem } from '../errors.ts';
import type { FacilityColumnMapping, FacilityPreview } from '../facilities.ts';
import type { PopulationImport, PopulationSummary } from '../population.ts';
import { regionFromOutlines } from '../region.ts';
import { readZones } from '../zones.ts';
import { cellRows, cellsInZones, DENSITY_RULE_TEXT, outlinesBbox, refuseChineseCrsOutsideChina, regionIdOf, withDensityAreaTypes } from './assemble.ts';
import { readPopulationFile, type FileInput, type PopulationFormat } from './population-file.ts';
import type { PartOutline, Region, RegionSource, ZoneOutline } from './types.ts';

export type { FileInput } from './population-file.ts';

/** How zones get their urban/rural type: 'auto' = the file's field when it has one, else the density rule. */
export type AreaTypeChoice = 'auto' | 'density' | AreaType;

export interface ZoneFileOptions {
  crs?: Crs;
  areaType?: AreaTypeChoice;
}

export interface PopulationFileChoice {
  format?: PopulationFormat;
  crs?: Crs;
  field?: string;
}

export interface FacilityFileChoice {
  crs?: Crs;
  columns?: Partial<FacilityColumnMapping>;
}

export interface RegionFiles {
  zones: FileInput;
  population: FileInput;
  facilities?: FileInput;
}

export interface RegionFilesOptions {
  /** The region's name (default: the zone file's name). */
  name?: string;
  /** H3 resolution of the cells (default 9, ≈0.1 km²). */
  resolution?: number;
  zones?: ZoneFileOptions;
  population?: PopulationFileChoice;
  facilities?: FacilityFileChoice;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface RegionBuild {
  region: Region;
  /** Every row problem of every file (errors: rows left out; warnings: rows kept with an assumption). */
  problems: RowProblem[];
  population: PopulationSummary | null;
  facilities: FacilityPreview | null;
  /** Cells of the population file outside every zone (left out). */
  outside: { cells: number; population: number };
}

/** Vertices above which a region's parts are not dissolved (their zones' outlines are kept side by side). */
const MAX_DISSOLVE_VERTICES = 200_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const baseName = (file: string) => file.replace(/^.*[\\/]/, '').replace(/(\.region)?\.[^.]*$/, '');

interface ZoneRead {
  zones: Zone[];
  outlines: ZoneOutline[];
  parts: Region['parts'];
  partOutlines: PartOutline[];
  problems: RowProblem[];
  note: string;
  /** Features of the file left out (bad geometry, repeated code…), see problems. */
  rejected: number;
  /** True when area types still wait for the cells (the density rule). */
  densityPending: boolean;
  crs: Crs;
}

/** Reads zones (township polygons, or county outlines: each one zone) into zones, outlines and parts. */
export async function readZoneFile(input: FileInput, regionName: string, options: ZoneFileOptions = {}): Promise<ZoneRead> {
  const crs = options.crs ?? 'WGS84';
  const choice = options.areaType ?? 'auto';
  const bytes = new Uint8Array(await input.blob.arrayBuffer());
  const read = readZones(bytes, { file: input.name, crs, ...(choice === 'urban' || choice === 'rural' ? { areaType: choice } : {}) });
  if (read.zones.length === 0) throw new DataFileError([...read.problems.filter(isError), { file: input.name, row: 0, code: 'no-zones', reason: 'holds no usable zone polygon' }]);
  const outlines: ZoneOutline[] = read.features.map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry }));
  refuseChineseCrsOutsideChina(crs, outlinesBbox(outlines), input.name);
  const fromField = read.fieldMapping.areaType !== null && choice === 'auto';
  const densityPending = choice === 'density' || (choice === 'auto' && !fromField);
  // the missing-field warning says "every zone is rural"; the density rule decides instead
  const problems = densityPending ? read.problems.filter((p) => p.code !== 'default-area-type') : read.problems;
  const typeSource = choice === 'urban' || choice === 'rural' ? `set to ${choice} for every zone by the user` : fromField ? `field "${read.fieldMapping.areaType}" of ${input.name}` : DENSITY_RULE_TEXT;
  // parts: the zones' counties when the file names them, else the region as one part
  const partCode = (z: Zone) => z.county || 'region';
  const zones: Zone[] = read.zones.map((z) => ({
    ...z,
    county: partCode(z),
    countyName: z.county ? (z.countyName && z.countyName !== z.county ? z.countyName : z.county) : regionName,
    areaTypeSource: typeSource,
  }));
  const byPart = new Map<string, ZoneOutline[]>();
  zones.forEach((z, i) => byPart.set(z.county, [...(byPart.get(z.county) ?? []), outlines[i]]));
  // a part named only by its code (a county code taken from township codes) is named after the region when it is the only one
  const partName = (code: string) => {
    const name = zones.find((z) => z.county === code)!.countyName;
    return name === code && byPart.size === 1 ? regionName : name;
  };
  const parts = [...byPart.keys()].map((code) => ({ code, name: partName(code), censusPopulation: null }));
  for (const z of zones) z.countyName = parts.find((p) => p.code === z.county)!.name;
  const partOutlines: PartOutline[] = parts.map((p) => ({ type: 'Feature', properties: { code: p.code, name: p.name }, geometry: dissolve(byPart.get(p.code)!) }));
  const note = `Zones: ${input.name} (${read.format}, ${read.summary.zones} zones${read.summary.rejected ? `, ${read.summary.rejected} left out` : ''}, ${crs}${crs === 'WGS84' ? '' : ' → WGS84'}; area type ${typeSource}).`;
  return { zones, outlines, parts, partOutlines, problems, note, rejected: read.summary.rejected, densityPending, crs };
}

/** The outlines of a part as one MultiPolygon, inner borders dissolved when that is affordable. */
function dissolve(outlines: readonly ZoneOutline[]): MultiPolygon {
  const all: MultiPolygon = { type: 'MultiPolygon', coordinates: outlines.flatMap((f) => f.geometry.coordinates) };
  if (outlines.length === 1) return all;
  const vertices = all.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
  if (vertices > MAX_DISSOLVE_VERTICES) return all;
  try {
    const merged = union(featureCollection([...outlines] as Feature<Polygon | MultiPolygon>[]));
    if (!merged) return all;
    return merged.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [merged.geometry.coordinates] } : merged.geometry;
  } catch {
    // a self-touching outline can defeat the union: keep the zones side by side
    return all;
  }
}

/** Population read over the zones' box and placed in the zones. */
async function populationInZones(input: FileInput, zoneRead: Pick<ZoneRead, 'zones' | 'outlines'>, resolution: number, choice: PopulationFileChoice, signal?: AbortSignal, onProgress?: (f: number) => void) {
  const bbox = outlinesBbox(zoneRead.outlines);
  const imported: PopulationImport = await readPopulationFile(input, { resolution, bbox, format: choice.format, crs: choice.crs, populationField: choice.field, signal, onProgress });
  throwIfAborted(signal);
  if (imported.summary.source === 'points' || imported.summary.source === 'polygons') refuseChineseCrsOutsideChina(choice.crs, bbox, input.name);
  const placed = cellsInZones(imported.cells, zoneRead.zones, zoneRead.outlines);
  return { imported, placed };
}

function populationNote(s: PopulationSummary, kept: number, outside: number, outsidePopulation: number): string {
  const nodata = s.droppedNodata ? `, ${fmt(s.droppedNodata)} nodata ${s.source === 'geotiff' ? 'pixels' : 'rows'}` : '';
  const left = outside > 0 ? `; ${fmt(outsidePopulation)} people in ${fmt(outside)} cells outside the region left out` : '';
  return `Population: ${s.file} (${s.source}; ${s.method}); ${fmt(s.inputTotal)} people read${nodata}, ${fmt(kept)} in the region's cells${left}.`;
}

function facilitiesNote(p: FacilityPreview): string {
  return `Facilities: ${p.file} (${p.format}${p.detectedEncoding ? `, ${p.detectedEncoding}` : ''}, ${p.sourceCrs} → WGS84), ${p.summary.good} stations${p.summary.rejected ? `, ${p.summary.rejected} rows left out` : ''}.`;
}

/** Reads a facility file against the region (points far outside it are refused). */
export async function readFacilityFile(input: FileInput, region: Pick<Region, 'name' | 'zoneOutlines'>, choice: FacilityFileChoice = {}): Promise<FacilityPreview> {
  const { previewFacilities } = await import('../facilities.ts');
  refuseChineseCrsOutsideChina(choice.crs, outlinesBbox(region.zoneOutlines), input.name);
  const bytes = new Uint8Array(await input.blob.arrayBuffer());
  return previewFacilities(bytes, { file: input.name, crs: choice.crs, columns: choice.columns, region: regionFromOutlines(region.name, region.zoneOutlines.map((f) => f.geometry)) });
}

/** A region from the user's files alone. */
export async function regionFromFiles(files: RegionFiles, options: RegionFilesOptions = {}): Promise<RegionBuild> {
  const resolution = options.resolution ?? 9;
  const name = options.name?.trim() || baseName(files.zones.name);
  const { signal, onProgress } = options;
  const zoneRead = await readZoneFile(files.zones, name, options.zones);
  onProgress?.(0.1);
  throwIfAborted(signal);
  const { imported, placed } = await populationInZones(files.population, zoneRead, resolution, options.population ?? {}, signal, (f) => onProgress?.(0.1 + 0.7 * f));
  throwIfAborted(signal);
  const zones = zoneRead.densityPending ? withDensityAreaTypes(zoneRead.zones, placed.cells) : zoneRead.zones;
  const kept = placed.cells.population.reduce((s, v) => s + v, 0);
  const sources: RegionSource[] = [
    { what: 'zones', source: files.zones.name, licence: 'as given by the user', crs: zoneRead.crs },
    { what: 'population', source: files.population.name, licence: 'as given by the user', crs: imported.summary.source === 'geotiff' ? 'WGS84' : (options.population?.crs ?? 'WGS84') },
  ];
  let region: Region = {
    id: regionIdOf(zones, placed.cells),
    name,
    parts: zoneRead.parts,
    partOutlines: zoneRead.partOutlines,
    zones,
    zoneOutlines: zoneRead.outlines,
    resolution,
    cells: placed.cells,
    stations: [],
    sources,
    attribution: `Zones: ${files.zones.name} · Population: ${files.population.name}`,
    notes: { population: populationNote(imported.summary, kept, placed.outside, placed.outsidePopulation), zones: zoneRead.note, facilities: 'Facilities: none given.', extra: [] },
    modelled: { population: false, zones: false, facilities: false },
  };
  if (placed.overlapping > 0) region.notes.extra.push(`${fmt(placed.overlapping)} cells lie in two or more zones; each was given to the first zone in the file.`);
  const problems = [...zoneRead.problems, ...imported.summary.problems];
  let facilities: FacilityPreview | null = null;
  if (files.facilities) {
    facilities = await readFacilityFile(files.facilities, region, options.facilities);
    pushAll(problems, facilities.problems);
    region = withStations(region, facilities.good, facilitiesNote(facilities), { what: 'facilities', source: files.facilities.name, licence: 'as given by the user', crs: facilities.sourceCrs });
  }
  onProgress?.(1);
  return { region, problems, population: imported.summary, facilities, outside: { cells: placed.outside, population: placed.outsidePopulation } };
}

/**
 * Stations without a township or county get those of the zone they stand in
 * (the tables, cards and caveats group stations by them); stations outside
 * every zone keep none (they may still reach in).
 */
export function locateStations(stations: readonly Station[], region: Pick<Region, 'zones' | 'zoneOutlines'>): Station[] {
  const boxes = region.zoneOutlines.map((f) => outlinesBbox([f]));
  const zoneOf = new Map(region.zones.map((z) => [z.code, z]));
  return stations.map((s) => {
    if (s.county !== undefined && s.township !== undefined) return s;
    const k = region.zoneOutlines.findIndex((f, i) => {
      const b = boxes[i];
      return s.lng >= b[0] && s.lng <= b[2] && s.lat >= b[1] && s.lat <= b[3] && booleanPointInPolygon([s.lng, s.lat], f.geometry);
    });
    const zone = k >= 0 ? zoneOf.get(region.zoneOutlines[k].properties.code) : undefined;
    return zone ? { ...s, township: s.township ?? zone.code, county: s.county ?? zone.county } : s;
  });
}

/** The region with the given stations in place of its own (placed in its zones, see locateStations). */
export function withStations(region: Region, stations: Station[], note: string, source?: RegionSource): Region {
  return {
    ...region,
    stations: locateStations(stations, region),
    notes: { ...region.notes, facilities: note },
    modelled: { ...region.modelled, facilities: false },
    sources: source ? [...region.sources.filter((s) => s.what !== 'facilities'), source] : region.sources,
  };
}

export interface PopulationReplacement {
  region: Region;
  summary: PopulationSummary;
  outside: { cells: number; population: number };
}

/** The region with its population read from a file (cells in no zone of the region left out). */
export async function replacePopulation(region: Region, input: FileInput, choice: PopulationFileChoice = {}, options: { resolution?: number; signal?: AbortSignal; onProgress?: (f: number) => void } = {}): Promise<PopulationReplacement> {
  const resolution = options.resolution ?? region.resolution;
  const { imported, placed } = await populationInZones(input, { zones: region.zones, outlines: region.zoneOutlines }, resolution, choice, options.signal, options.onProgress);
  const kept = placed.cells.population.reduce((s, v) => s + v, 0);
  return {
    region: {
      ...region,
      resolution,
      cells: placed.cells,
      notes: { ...region.notes, population: populationNote(imported.summary, kept, placed.outside, placed.outsidePopulation) },
      modelled: { ...region.modelled, population: false },
      sources: [...region.sources.filter((s) => s.what !== 'population'), { what: 'population', source: input.name, licence: 'as given by the user', crs: imported.summary.source === 'geotiff' ? 'WGS84' : (choice.crs ?? 'WGS84') }],
    },
    summary: imported.summary,
    outside: { cells: placed.outside, population: placed.outsidePopulation },
  };
}

export interface ZoneReplacement {
  region: Region;
  problems: RowProblem[];
  zones: number;
  rejected: number;
  outside: { cells: number; population: number };
}

/** The region with zones read from a file; its cells go to the new zones (cells in none are left out). */
export async function replaceZones(region: Region, input: FileInput, choice: ZoneFileOptions = {}): Promise<ZoneReplacement> {
  const zoneRead = await readZoneFile(input, region.name, choice);
  const placed = cellsInZones(cellRows(region), zoneRead.zones, zoneRead.outlines);
  const zones = zoneRead.densityPending ? withDensityAreaTypes(zoneRead.zones, placed.cells) : zoneRead.zones;
  const extra = placed.outside > 0 ? [`${fmt(placed.outsidePopulation)} people in ${fmt(placed.outside)} cells lie in no zone of ${input.name}: left out.`] : [];
  return {
    region: {
      ...region,
      parts: zoneRead.parts,
      partOutlines: zoneRead.partOutlines,
      zones,
      zoneOutlines: zoneRead.outlines,
      cells: placed.cells,
      notes: { ...region.notes, zones: zoneRead.note, extra: [...region.notes.extra, ...extra] },
      modelled: { ...region.modelled, zones: false },
      sources: [...region.sources.filter((s) => s.what !== 'zones'), { what: 'zones', source: input.name, licence: 'as given by the user', crs: zoneRead.crs }],
    },
    problems: zoneRead.problems,
    zones: zones.length,
    rejected: zoneRead.rejected,
    outside: { cells: placed.outside, population: placed.outsidePopulation },
  };
}
