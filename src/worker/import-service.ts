/**
 * The user's own files, read inside the worker: facility previews, and
 * population and zone imports that replace the dataset's cells. Readers are
 * loaded with import() on first use so the app's first load stays small.
 * Each import has an AbortController, so the app can cancel it by id; the
 * dataset is only replaced after a read has fully succeeded.
 */
import { sniffFileKind } from '../io/bytes.ts';
import { abortError, DataFileError } from '../io/errors.ts';
import type { FacilityPreview } from '../io/facilities.ts';
import type { PopulationImport, PopulationSummary } from '../io/population.ts';
import type { DatasetImport, FacilityPreviewRequest, ImportedPopulation, ImportProgress, PopulationImportRequest, ZoneImportRequest } from './api.ts';
import type { CoverageService } from './coverage-service.ts';
import { carryZones } from './zone-carry.ts';

/** Raster pixels beyond the region's cell box that are still read: a station's lenient reach (km). */
const RASTER_MARGIN_KM = 20;
/** Progress calls cross to the app at most this often. */
const PROGRESS_INTERVAL_MS = 50;
/** Raster pixels per read window: small enough for frequent progress and cancel checks, large enough to keep per-window cost low. */
const RASTER_WINDOW_PIXELS = 32_768;
/** Share of the progress bar the reading takes; the rest is building the grid and engine. */
const READ_SHARE = 0.9;

export class ImportService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly coverage: CoverageService) {}

  async previewFacilities(file: Blob, name: string, request: FacilityPreviewRequest): Promise<FacilityPreview> {
    const { previewFacilities } = await import('../io/facilities.ts');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return previewFacilities(bytes, { file: name, region: this.coverage.region(), ...request });
  }

  async importPopulation(id: string, file: Blob, name: string, request: PopulationImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.run(id, onProgress, async (signal, progress) => {
      const read = await this.readPopulation(file, name, request, signal, (f) => progress(f * READ_SHARE));
      if (signal.aborted) throw abortError();
      progress(READ_SHARE);
      const zoneOf = new Map<string, string>();
      for (const c of this.coverage.cells()) if (c.zone !== undefined) zoneOf.set(c.h3, c.zone);
      const carried = carryZones(read.cells, zoneOf);
      const dataset = this.coverage.replaceCells(carried.cells, this.coverage.zones());
      const s = read.summary;
      const population: ImportedPopulation = {
        file: name,
        source: s.source,
        inputTotal: s.inputTotal,
        outputTotal: s.outputTotal,
        cells: s.cells,
        droppedNodata: s.droppedNodata,
        droppedInvalid: 'droppedInvalid' in s ? (s as { droppedInvalid: number }).droppedInvalid : 0,
        method: s.method,
        problems: s.problems,
        unzoned: carried.outside,
        unzonedPopulation: carried.outsidePopulation,
      };
      return { dataset, population, zones: null };
    });
  }

  async importZones(id: string, file: Blob, name: string, request: ZoneImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.run(id, onProgress, async (signal, progress) => {
      const [{ readZones, assignCellsToZones }, bytes] = await Promise.all([import('../io/zones.ts'), file.arrayBuffer()]);
      progress(0.3);
      if (signal.aborted) throw abortError();
      const read = readZones(new Uint8Array(bytes), { file: name, crs: request.crs });
      if (read.zones.length === 0) throw new DataFileError([...read.problems, { file: name, row: 0, code: 'no-zones', reason: 'holds no usable zone polygon' }]);
      progress(0.6);
      if (signal.aborted) throw abortError();
      const assigned = assignCellsToZones(this.coverage.cells(), read.features);
      if (signal.aborted) throw abortError();
      const dataset = this.coverage.replaceCells(assigned.cells, read.zones);
      return {
        dataset,
        population: null,
        zones: { file: name, zones: read.zones.length, rejected: read.summary.rejected, problems: read.problems, outside: assigned.outside, outsidePopulation: assigned.outsidePopulation },
      };
    });
  }

  cancelImport(id: string): void {
    this.running.get(id)?.abort();
  }

  private async run<T>(id: string, onProgress: ImportProgress, work: (signal: AbortSignal, progress: ImportProgress) => Promise<T>): Promise<T> {
    if (this.running.has(id)) throw new Error(`Import ${id} is already running.`);
    const controller = new AbortController();
    this.running.set(id, controller);
    let last = -Infinity;
    const progress: ImportProgress = (fraction) => {
      const now = performance.now();
      if (fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      void onProgress(fraction);
    };
    try {
      progress(0);
      const out = await work(controller.signal, progress);
      progress(1);
      return out;
    } finally {
      this.running.delete(id);
    }
  }

  private async readPopulation(file: Blob, name: string, request: PopulationImportRequest, signal: AbortSignal, progress: ImportProgress): Promise<PopulationImport<PopulationSummary>> {
    const resolution = this.coverage.resolution();
    let format = request.format;
    let bytes: Uint8Array | null = null;
    if (format === 'auto') {
      // the first bytes tell a raster from a table; rasters are never read whole
      const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
      const kind = sniffFileKind(head, name);
      if (kind === 'geotiff') format = 'geotiff';
      else if (kind === 'geojson') format = 'polygons';
      else if (kind === 'csv' || kind === 'xlsx') format = 'h3-table';
      else throw new DataFileError([{ file: name, row: 0, code: 'unsupported', reason: `is not a population file this tool reads (GeoTIFF raster, H3 table, point table CSV/XLSX, GeoJSON polygons)` }]);
    }
    if (format === 'geotiff') {
      const [{ readPopulationRaster }, { growBbox }] = await Promise.all([import('../io/population-raster.ts'), import('../io/region.ts')]);
      const bbox = growBbox(this.coverage.region().bbox, RASTER_MARGIN_KM);
      return readPopulationRaster(file, { file: name, resolution, bbox, signal, onProgress: progress, windowPixels: RASTER_WINDOW_PIXELS });
    }
    bytes = new Uint8Array(await file.arrayBuffer());
    progress(0.2);
    if (signal.aborted) throw abortError();
    if (format === 'polygons') {
      const { readPopulationPolygons } = await import('../io/population-polygons.ts');
      return readPopulationPolygons(bytes, { file: name, resolution, crs: request.crs });
    }
    if (format === 'points') {
      const { readPopulationPoints } = await import('../io/population-points.ts');
      return readPopulationPoints(bytes, { file: name, resolution, crs: request.crs });
    }
    const { readH3PopulationTable } = await import('../io/population-h3.ts');
    try {
      return await readH3PopulationTable(bytes, { file: name, resolution });
    } catch (e) {
      // a table without an H3 column, asked for as 'auto', may be a point table
      const noH3 = e instanceof DataFileError && e.problems.some((p) => p.code === 'missing-column' && p.column === 'h3');
      if (request.format !== 'auto' || !noH3) throw e;
      const { readPopulationPoints } = await import('../io/population-points.ts');
      return readPopulationPoints(bytes, { file: name, resolution, crs: request.crs });
    }
  }
}
