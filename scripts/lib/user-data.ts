/**
 * Node-side loading of the user's own files for the CLI report: facilities
 * (CSV/XLSX/GeoJSON), population (GeoTIFF, H3 table, points, polygons) and
 * zones (GeoJSON, zipped shapefile). Each replaces the matching part of the
 * demo data for the chosen counties; the rest stays demo data.
 */
import { closeSync, existsSync, openAsBlob, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildGrid, type CellInput, type PopulationGrid } from '../../src/core/grid.ts';
import type { Station, Zone } from '../../src/core/types.ts';
import { sniffFileKind } from '../../src/io/bytes.ts';
import { parseCrs, type Crs } from '../../src/io/crs.ts';
import { readFacilities, readTownships } from '../../src/io/demo-files.ts';
import { DataFileError, describeProblem, isError, type RowProblem } from '../../src/io/errors.ts';
import { previewFacilities } from '../../src/io/facilities.ts';
import { resampleCells, readH3PopulationTable, H3_COLUMN_ALIASES } from '../../src/io/population-h3.ts';
import { readPopulationPoints } from '../../src/io/population-points.ts';
import { readPopulationPolygons } from '../../src/io/population-polygons.ts';
import { readPopulationRaster } from '../../src/io/population-raster.ts';
import { populationFile } from '../../src/io/demo-dataset.ts';
import { readPopulationTable } from '../../src/io/population-table.ts';
import type { PopulationImport } from '../../src/io/population.ts';
import { growBbox, regionFromOutlines, type ImportRegion } from '../../src/io/region.ts';
import { readCsvTable, readXlsxTable } from '../../src/io/table.ts';
import { guessColumn } from '../../src/io/columns.ts';
import { assignCellsToZones, readZones, type ZoneProperties } from '../../src/io/zones.ts';
import { countyNames, DATA_DIR } from './demo-data.ts';

export interface UserDataOptions {
  /** Facility file (CSV/XLSX/GeoJSON); replaces the demo facilities. */
  facilities?: string;
  /** Coordinate system of the facility file: wgs84 | gcj02 | bd09 (default: from its headers, else wgs84). */
  crs?: string;
  /** Population file: GeoTIFF raster, H3 table (h3,population), point CSV (lng,lat,population) or GeoJSON polygons. */
  population?: string;
  /** Coordinate system of point/polygon population files (default wgs84). */
  populationCrs?: string;
  /** Property holding the population in a polygon GeoJSON (guessed when absent). */
  populationField?: string;
  /** Zone file (GeoJSON or zipped shapefile); replaces the demo township zones. */
  zones?: string;
  /** Coordinate system of the zone file (default wgs84). */
  zonesCrs?: string;
  /** Urban/rural for every user zone, when the file has no usable field. */
  zonesAreaType?: 'urban' | 'rural';
  /** H3 resolution of the grid (default 9). */
  h3Res?: number;
  /** Report with the good rows when some rows are bad (default: refuse, listing them). */
  skipBadRows?: boolean;
}

export interface ReportData {
  counties: string[];
  grid: PopulationGrid;
  stations: Station[];
  /** Replaces the report's dataNotes: says which parts are the user's and which are demo (modelled/approximate). */
  dataNotes: string[];
  /** Problems worth printing to stderr (warnings, and skipped rows with --skip-bad-rows). */
  warnings: string[];
}

const DEMO_NOTES = {
  population: 'Population is MODELLED from census totals and WorldPop 2020 (10 km) (census 2020 county totals exact; inside each county WorldPop (www.worldpop.org, CC BY 4.0) and township structure), not a census grid.',
  zones: 'Township zones are APPROXIMATE (Voronoi of township seats clipped to the county outline).',
  facilities: 'Facility positions are APPROXIMATE (township seats), not surveyed addresses.',
};

/** True when any user file or a non-default resolution was asked for. */
export const wantsUserData = (o: UserDataOptions) => Boolean(o.facilities || o.population || o.zones || (o.h3Res !== undefined && o.h3Res !== 9));

function crsOption(flag: string, value: string | undefined): Crs | undefined {
  if (value === undefined) return undefined;
  const crs = parseCrs(value);
  if (!crs) throw new Error(`${flag} must be wgs84, gcj02 or bd09, got "${value}".`);
  return crs;
}

function readBytes(file: string): Uint8Array {
  if (!existsSync(file)) throw new Error(`File not found: ${file}`);
  return new Uint8Array(readFileSync(file));
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Stops on rows left out unless skipBadRows; returns the lines to print. */
function triage(problems: RowProblem[], what: string, skipBadRows: boolean | undefined): string[] {
  const errors = problems.filter(isError);
  if (errors.length > 0 && !skipBadRows) {
    throw new DataFileError([
      ...errors,
      { file: errors[0].file, row: 0, reason: `${errors.length} ${what} row(s) could not be used; fix them, or run with --skip-bad-rows to report without them` },
    ]);
  }
  return problems.map(describeProblem);
}

/**
 * The grid, stations and notes for a report on `counties`, with the user's
 * files in place of the demo parts they cover.
 * @example const data = await loadReportData(['350525'], { facilities: 'stations.csv', crs: 'gcj02' });
 */
export async function loadReportData(counties: string[], options: UserDataOptions, dataDir = DATA_DIR): Promise<ReportData> {
  const resolution = options.h3Res ?? 9;
  if (!Number.isInteger(resolution) || resolution < 5 || resolution > 11) throw new Error(`--h3-res must be an integer 5–11, got "${options.h3Res}".`);
  if (counties.length === 0 && !options.zones) throw new Error('Give --county (or --zones with your own zones) to say which area to report.');
  const facilitiesCrs = crsOption('--crs', options.crs);
  const populationCrs = crsOption('--population-crs', options.populationCrs);
  const zonesCrs = crsOption('--zones-crs', options.zonesCrs);
  const demo = (rel: string) => {
    const file = path.join(dataDir, rel);
    if (!existsSync(file)) throw new Error(`Missing data file ${file}: run \`npm run build:data\`.`);
    return readFileSync(file, 'utf8');
  };
  const warnings: string[] = [];
  // one note per part, in the order the demo notes have; `extra` for counts worth knowing
  const notes = { population: '', zones: '', facilities: '', extra: [] as string[] };

  // the region (the counties' outlines), read only when a user file needs it
  const names = countyNames(dataDir);
  let region: ImportRegion | null = null;
  const getRegion = (): ImportRegion => {
    if (region) return region;
    const outlines = JSON.parse(demo('boundaries/counties.geojson')) as FeatureCollection<Polygon | MultiPolygon, { adcode: string; name: string }>;
    const mine = outlines.features.filter((f) => counties.includes(f.properties.adcode));
    return (region = regionFromOutlines(counties.map((c) => names.get(c) ?? c).join('、'), mine.map((f) => f.geometry)));
  };

  // zones
  let zones: Zone[];
  let zoneFeatures: () => Feature<MultiPolygon, { code: string }>[];
  const userZones = options.zones !== undefined;
  if (options.zones) {
    const z = readZones(readBytes(options.zones), { file: path.basename(options.zones), crs: zonesCrs, areaType: options.zonesAreaType, county: counties.length === 1 ? counties[0] : undefined, countyName: counties.length === 1 ? names.get(counties[0]) : undefined });
    warnings.push(...triage(z.problems, 'zone', options.skipBadRows));
    if (z.zones.length === 0) throw new Error(`${options.zones}: no usable zone.`);
    zones = z.zones;
    zoneFeatures = () => z.features;
    // the counties asked for stay the region; without any, the zones are
    if (counties.length === 0) region = regionFromOutlines(path.basename(options.zones), z.features.map((f) => f.geometry));
    const typeFrom = options.zonesAreaType ? `set to ${options.zonesAreaType} by hand` : z.fieldMapping.areaType ? `from field "${z.fieldMapping.areaType}"` : 'not in the file: all rural';
    notes.zones = `Zones: ${path.basename(options.zones)} (${z.format}, ${z.summary.zones} zones, ${z.summary.urban} urban / ${z.summary.rural} rural, area type ${typeFrom}).`;
  } else {
    zones = readTownships(demo('townships.json')).filter((z) => counties.includes(z.county));
    zoneFeatures = () => {
      const fc = JSON.parse(demo('zones.geojson')) as FeatureCollection<Polygon | MultiPolygon, ZoneProperties & { county: string }>;
      return fc.features
        .filter((f) => counties.includes(f.properties.county))
        .map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry }));
    };
    notes.zones = DEMO_NOTES.zones;
  }

  // population cells
  let cells: CellInput[];
  let zonesDone = false;
  if (options.population) {
    const imported = await readUserPopulation(options.population, resolution, getRegion(), populationCrs, options.populationField);
    warnings.push(...triage(imported.summary.problems, 'population', options.skipBadRows));
    cells = imported.cells;
    const s = imported.summary;
    notes.population = `Population: ${path.basename(options.population)} (${s.source}; ${s.method}); ${fmt(s.inputTotal)} people read, ${fmt(s.outputTotal)} in ${fmt(s.cells)} cells${s.droppedNodata ? `, ${fmt(s.droppedNodata)} nodata ${s.source === 'geotiff' ? 'pixels' : 'rows'}` : ''}.`;
  } else {
    cells = counties.flatMap((county) => {
      const table = readPopulationTable(demo(populationFile(county)), populationFile(county));
      if (table.problems.length > 0) throw new DataFileError(table.problems);
      return table.cells;
    });
    // the demo cells carry their township; resampling keeps it (a parent takes its most populous child's)
    if (resolution !== 9) cells = resampleCells(cells, resolution).cells;
    zonesDone = !userZones;
    notes.population = resolution === 9 ? DEMO_NOTES.population : `${DEMO_NOTES.population} Resampled from H3 res 9 to res ${resolution}.`;
  }
  if (!zonesDone) {
    const a = assignCellsToZones(cells, zoneFeatures());
    if (userZones) {
      cells = a.cells;
      if (a.outside > 0) notes.extra.push(`${fmt(a.outside)} cells (${fmt(a.outsidePopulation)} people) lie in no zone of ${path.basename(options.zones!)}: kept, without a zone.`);
    } else {
      // demo zones tile the county outlines, so a cell in no zone is outside the counties asked for
      cells = a.cells.filter((c) => c.zone !== undefined);
      if (a.outside > 0) notes.extra.push(`${fmt(a.outside)} cells (${fmt(a.outsidePopulation)} people) of the population file lie outside ${getRegion().name}: left out of this report.`);
    }
    if (a.overlapping > 0) warnings.push(`${a.overlapping} cells lie in two or more zones; each was given to the first zone in the file.`);
  }

  // stations
  let stations: Station[];
  if (options.facilities) {
    const p = await previewFacilities(readBytes(options.facilities), { file: path.basename(options.facilities), crs: facilitiesCrs, region: getRegion() });
    warnings.push(...triage(p.problems, 'facility', options.skipBadRows));
    stations = p.good;
    notes.facilities = `Facilities: ${path.basename(options.facilities)} (${p.format}${p.detectedEncoding ? `, ${p.detectedEncoding}` : ''}, ${p.sourceCrs} → WGS84), ${p.summary.good} stations${p.summary.rejected ? `, ${p.summary.rejected} rows left out` : ''}.`;
  } else {
    stations = readFacilities(demo('facilities.json'));
    notes.facilities = DEMO_NOTES.facilities;
  }

  let grid: PopulationGrid;
  try {
    grid = buildGrid(cells, zones);
  } catch (e) {
    throw new Error(`Could not build the population grid: ${(e as Error).message}`);
  }
  const dataNotes = [notes.population, notes.zones, notes.facilities, ...notes.extra];
  return { counties, grid, stations, dataNotes, warnings };
}

/** Reads a population file of any supported kind, cropped to the region's box where that saves work. */
async function readUserPopulation(file: string, resolution: number, region: ImportRegion, crs: Crs | undefined, field: string | undefined): Promise<PopulationImport> {
  if (!existsSync(file)) throw new Error(`File not found: ${file}`);
  const name = path.basename(file);
  const fd = openSync(file, 'r');
  const head = new Uint8Array(64 * 1024);
  const got = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const kind = sniffFileKind(head.subarray(0, got), name);
  if (kind === 'geotiff') {
    // read slice by slice from disk: a large raster is never loaded whole
    const blob = await openAsBlob(file);
    return readPopulationRaster(blob, { file: name, resolution, bbox: growBbox(region.bbox, 2) });
  }
  const bytes = readBytes(file);
  if (kind === 'geojson') return readPopulationPolygons(bytes, { file: name, resolution, crs, populationField: field });
  if (kind === 'csv' || kind === 'xlsx') {
    const { header } = kind === 'csv' ? readCsvTable(bytes, { file: name }) : await readXlsxTable(bytes, { file: name });
    const isH3 = guessColumn(header, H3_COLUMN_ALIASES.h3) !== null;
    return isH3 ? readH3PopulationTable(bytes, { file: name, resolution }) : readPopulationPoints(bytes, { file: name, resolution, crs });
  }
  throw new Error(`${name}: not a population file (GeoTIFF, H3 table CSV, point CSV or GeoJSON polygons).`);
}
