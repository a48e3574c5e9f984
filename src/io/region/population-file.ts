/**
 * One way from a population file to H3 cells, for the app's worker and the
 * CLI alike: the kind is told from the first bytes (GeoTIFF, GeoJSON
 * polygons, or a CSV/XLSX table with an H3 column or with coordinates), a
 * raster is read window by window over the region's box only, and readers are
 * loaded on first use. Adding a population format touches this file.
 */
import { getHexagonEdgeLengthAvg } from 'h3-js';
import { sniffFileKind } from '../bytes.ts';
import type { Crs } from '../crs.ts';
import { DataFileError, throwIfAborted } from '../errors.ts';
import type { PopulationImport, PopulationSummary } from '../population.ts';
import { growBbox } from '../region.ts';

export type PopulationFormat = 'auto' | 'geotiff' | 'h3-table' | 'points' | 'polygons';

/** A file as the worker (a File) and the CLI (openAsBlob) both have it. */
export interface FileInput {
  name: string;
  blob: Blob;
}

export interface PopulationFileOptions {
  resolution: number;
  /** The region's box [west, south, east, north] (WGS84): a raster is read over it, plus rasterMarginKm. */
  bbox: readonly [number, number, number, number];
  format?: PopulationFormat;
  /** Coordinate system of point tables and polygons (rasters are read as WGS84). */
  crs?: Crs;
  /** Property holding the count in polygon GeoJSON (guessed when absent). */
  populationField?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Raster pixels read in one window: small enough for frequent progress and cancel checks. */
const RASTER_WINDOW_PIXELS = 32_768;

/**
 * Raster margin around the region's box (km): a pixel just outside the box can
 * fall in a cell whose centre is inside, so the margin is two cell edges
 * (never under 1 km). Cells whose centre is outside every zone are left out
 * afterwards, so a wider margin would only read more pixels.
 */
export function rasterMarginKm(resolution: number): number {
  return Math.max(1, 2 * getHexagonEdgeLengthAvg(resolution, 'km'));
}

/** What kind of population file the bytes and name say it is. */
export async function populationFormatOf(input: FileInput, format: PopulationFormat = 'auto'): Promise<Exclude<PopulationFormat, 'auto'>> {
  if (format !== 'auto') return format;
  const head = new Uint8Array(await input.blob.slice(0, 64 * 1024).arrayBuffer());
  const kind = sniffFileKind(head, input.name);
  if (kind === 'geotiff') return 'geotiff';
  if (kind === 'geojson') return 'polygons';
  if (kind === 'csv' || kind === 'xlsx') return 'h3-table';
  throw new DataFileError([
    { file: input.name, row: 0, code: 'unsupported', reason: 'is not a population file this tool reads (GeoTIFF raster, H3 table, point table CSV/XLSX, GeoJSON polygons)' },
  ]);
}

/** Reads a population file of any supported kind into H3 cells at `resolution` (not yet assigned to zones). */
export async function readPopulationFile(input: FileInput, options: PopulationFileOptions): Promise<PopulationImport<PopulationSummary>> {
  const { resolution, signal } = options;
  const file = input.name;
  const format = await populationFormatOf(input, options.format);
  throwIfAborted(signal);
  if (format === 'geotiff') {
    const { readPopulationRaster } = await import('../population-raster.ts');
    const bbox = growBbox(options.bbox, rasterMarginKm(resolution));
    return readPopulationRaster(input.blob, { file, resolution, bbox, signal, onProgress: options.onProgress, windowPixels: RASTER_WINDOW_PIXELS });
  }
  const bytes = new Uint8Array(await input.blob.arrayBuffer());
  options.onProgress?.(0.2);
  throwIfAborted(signal);
  if (format === 'polygons') {
    const { readPopulationPolygons } = await import('../population-polygons.ts');
    return readPopulationPolygons(bytes, { file, resolution, crs: options.crs, populationField: options.populationField });
  }
  if (format === 'points') {
    const { readPopulationPoints } = await import('../population-points.ts');
    return readPopulationPoints(bytes, { file, resolution, crs: options.crs });
  }
  const { readH3PopulationTable } = await import('../population-h3.ts');
  try {
    return await readH3PopulationTable(bytes, { file, resolution });
  } catch (e) {
    // a table without an H3 column, asked for as 'auto', may be a point table
    const noH3 = e instanceof DataFileError && e.problems.some((p) => p.code === 'missing-column' && p.column === 'h3');
    if (options.format !== undefined && options.format !== 'auto') throw e;
    if (!noH3) throw e;
    const { readPopulationPoints } = await import('../population-points.ts');
    return readPopulationPoints(bytes, { file, resolution, crs: options.crs });
  }
}
