/**
 * Node-side opening of the region a CLI command reports on, through the one
 * region loader the app's worker uses (src/io/region): a demo region
 * (--county), a region pack (--pack), or the user's own files alone (--zones,
 * --population, --facilities). With --county, a file replaces the matching
 * part of the demo region.
 */
import { existsSync, openAsBlob } from 'node:fs';
import path from 'node:path';
import { gridFromColumns, type PopulationGrid } from '../../src/core/grid.ts';
import type { Station } from '../../src/core/types.ts';
import { parseCrs, type Crs } from '../../src/io/crs.ts';
import { DataFileError, describeProblem, isError, pushAll, type RowProblem } from '../../src/io/errors.ts';
import { resampleCells } from '../../src/io/population-h3.ts';
import { cellRows } from '../../src/io/region/assemble.ts';
import { readFacilityFile, regionFromFiles, replacePopulation, replaceZones, withStations, type AreaTypeChoice, type FileInput } from '../../src/io/region/from-files.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { noteLines, type Region } from '../../src/io/region/types.ts';
import { DATA_DIR, readDemoRegion } from './demo-data.ts';

export interface UserDataOptions {
  /** A region pack (.region.zip) to report on. */
  pack?: string;
  /** Facility file (CSV/XLSX/GeoJSON); replaces the region's facilities. */
  facilities?: string;
  /** Coordinate system of the facility file: wgs84 | gcj02 | bd09 (default: from its headers, else wgs84). */
  crs?: string;
  /** Population file: GeoTIFF raster, H3 table (h3,population), point CSV (lng,lat,population) or GeoJSON polygons. */
  population?: string;
  /** Coordinate system of point/polygon population files (default wgs84). */
  populationCrs?: string;
  /** Property holding the population in a polygon GeoJSON (guessed when absent). */
  populationField?: string;
  /** Zone file (GeoJSON or zipped shapefile): township polygons, or county outlines (each one zone). */
  zones?: string;
  /** Coordinate system of the zone file (default wgs84). */
  zonesCrs?: string;
  /** Urban/rural for every zone, or 'density' for the density rule (default: the file's field, else the density rule). */
  zonesAreaType?: AreaTypeChoice;
  /** Name of a region made from files (default: the zone file's name). */
  name?: string;
  /** H3 resolution of the grid (default 9). */
  h3Res?: number;
  /** Report with the good rows when some rows are bad (default: refuse, listing them). */
  skipBadRows?: boolean;
}

export interface ReportData {
  region: Region;
  /** The region's part codes (county adcodes in the demo). */
  counties: string[];
  grid: PopulationGrid;
  stations: Station[];
  /** What the data are (the user's files, or demo data and how it is modelled). */
  dataNotes: string[];
  /** Problems worth printing to stderr (warnings, and skipped rows with --skip-bad-rows). */
  warnings: string[];
}

function crsOption(flag: string, value: string | undefined): Crs | undefined {
  if (value === undefined) return undefined;
  const crs = parseCrs(value);
  if (!crs) throw new Error(`${flag} must be wgs84, gcj02 or bd09, got "${value}".`);
  return crs;
}

/** A file as the loader reads it (a Blob on disk, read slice by slice where the reader can). */
async function fileInput(file: string): Promise<FileInput> {
  if (!existsSync(file)) throw new Error(`File not found: ${file}`);
  return { name: path.basename(file), blob: await openAsBlob(file) };
}

/** Stops on rows left out unless skipBadRows; returns the lines to print. */
function triage(problems: readonly RowProblem[], what: string, skipBadRows: boolean | undefined): string[] {
  const errors = problems.filter(isError);
  if (errors.length > 0 && !skipBadRows) {
    throw new DataFileError([
      ...errors,
      { file: errors[0].file, row: 0, reason: `${errors.length} ${what} row(s) could not be used; fix them, or run with --skip-bad-rows to report without them` },
    ]);
  }
  return problems.map(describeProblem);
}

/** The region at another H3 resolution: populations summed into parent cells (or split into children), zones kept. */
function atResolution(region: Region, resolution: number): Region {
  if (resolution === region.resolution) return region;
  // a resampled cell keeps its most populous child's zone, so every person stays in the region and township
  const resampled = resampleCells(cellRows(region), resolution).cells.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  const index = new Map(region.zones.map((z, i) => [z.code, i]));
  const cells = { h3: resampled.map((c) => c.h3), population: Float64Array.from(resampled, (c) => c.population), zone: Int32Array.from(resampled, (c) => (c.zone ? (index.get(c.zone) ?? -1) : -1)) };
  return { ...region, resolution, cells, notes: { ...region.notes, population: `${region.notes.population} Resampled from H3 res ${region.resolution} to res ${resolution}.` } };
}

/**
 * The region and grid to report on.
 * @param county a demo region's adcode (or "all"), when the report is on the demo
 * @example const data = await loadReportData('350525', { facilities: 'stations.csv', crs: 'gcj02' });
 * @example const own = await loadReportData(undefined, { zones: 'towns.geojson', population: 'pop.tif', facilities: 'stations.csv' });
 */
export async function loadReportData(county: string | undefined, options: UserDataOptions, dataDir = DATA_DIR): Promise<ReportData> {
  const resolution = options.h3Res ?? 9;
  if (!Number.isInteger(resolution) || resolution < 5 || resolution > 11) throw new Error(`--h3-res must be an integer 5–11, got "${options.h3Res}".`);
  const facilitiesCrs = crsOption('--crs', options.crs);
  const populationCrs = crsOption('--population-crs', options.populationCrs);
  const zonesCrs = crsOption('--zones-crs', options.zonesCrs);
  const warnings: string[] = [];
  const zoneChoice = { crs: zonesCrs, areaType: options.zonesAreaType };
  const populationChoice = { crs: populationCrs, field: options.populationField };

  let region: Region;
  if (options.pack) {
    const input = await fileInput(options.pack);
    region = await readRegionPack(new Uint8Array(await input.blob.arrayBuffer()), input.name);
  } else if (county !== undefined) {
    region = await readDemoRegion(county, dataDir);
  } else {
    if (!options.zones || !options.population) {
      throw new Error('Give --county (a demo region), --pack (a region pack), or --zones and --population (your own region; --facilities optional).');
    }
    const build = await regionFromFiles(
      { zones: await fileInput(options.zones), population: await fileInput(options.population) },
      { name: options.name, resolution, zones: zoneChoice, population: populationChoice },
    );
    pushAll(warnings, triage(build.problems, 'zone or population', options.skipBadRows));
    region = build.region;
  }

  // with a demo region or a pack, a file replaces the matching part
  if ((options.pack || county !== undefined) && options.zones) {
    const replaced = await replaceZones(region, await fileInput(options.zones), zoneChoice);
    pushAll(warnings, triage(replaced.problems, 'zone', options.skipBadRows));
    region = replaced.region;
  }
  if ((options.pack || county !== undefined) && options.population) {
    const replaced = await replacePopulation(region, await fileInput(options.population), populationChoice, { resolution });
    pushAll(warnings, triage(replaced.summary.problems, 'population', options.skipBadRows));
    region = replaced.region;
  }
  region = atResolution(region, resolution);
  if (options.facilities) {
    const preview = await readFacilityFile(await fileInput(options.facilities), region, { crs: facilitiesCrs });
    pushAll(warnings, triage(preview.problems, 'facility', options.skipBadRows));
    const p = preview;
    region = withStations(region, p.good, `Facilities: ${p.file} (${p.format}${p.detectedEncoding ? `, ${p.detectedEncoding}` : ''}, ${p.sourceCrs} → WGS84), ${p.summary.good} stations${p.summary.rejected ? `, ${p.summary.rejected} rows left out` : ''}.`);
  }

  let grid: PopulationGrid;
  try {
    grid = gridFromColumns(region.cells, region.zones);
  } catch (e) {
    throw new Error(`Could not build the population grid: ${(e as Error).message}`);
  }
  return { region, counties: region.parts.map((p) => p.code), grid, stations: region.stations, dataNotes: noteLines(region.notes), warnings };
}
