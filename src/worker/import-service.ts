/**
 * The user's own files, read inside the worker with the one region loader
 * (src/io/region/from-files.ts, the same the CLI calls): new regions from
 * files, region packs, facility previews, and population and zone imports
 * that replace a part of the open region. Readers are loaded on first use so
 * the app's first load stays small. Each job has an AbortController, so the
 * app can cancel it by id; the open region is replaced only after a read has
 * fully succeeded.
 */
import { abortError } from '../io/errors.ts';
import type { FacilityPreview } from '../io/facilities.ts';
import { noteLines } from '../io/region/types.ts';
import type { Crs } from '../io/crs.ts';
import type { DatasetImport, FacilityPreviewRequest, ImportedCalls, ImportedPopulation, ImportedRoads, ImportProgress, LoadedDataset, PopulationImportRequest, RegionOpened, RegionRequest, ZoneImportRequest } from './api.ts';
import { callsSummary } from '../io/calls/with-calls.ts';
import type { CoverageService } from './coverage-service.ts';

/** Progress calls cross to the app at most this often. */
const PROGRESS_INTERVAL_MS = 50;
/** Share of the progress bar the reading takes; the rest is building the grid and engine. */
const READ_SHARE = 0.9;

export class ImportService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly coverage: CoverageService) {}

  /** Opens a region from a pack or files; the open region stays when this fails or is cancelled. */
  async openRegion(id: string, request: RegionRequest, onProgress: ImportProgress): Promise<RegionOpened> {
    return this.run(id, onProgress, async (signal, progress) => {
      if (request.kind === 'pack-url') return { dataset: await this.coverage.openPackUrl(request.url, request.name), problems: [], notes: [] };
      if (request.kind === 'pack-file') {
        const { readRegionPack } = await import('../io/region/pack-read.ts');
        const region = await readRegionPack(new Uint8Array(await request.pack.file.arrayBuffer()), request.pack.name);
        if (signal.aborted) throw abortError();
        return { dataset: this.coverage.openRegion(region), problems: [], notes: noteLines(region.notes) };
      }
      const { regionFromFiles } = await import('../io/region/from-files.ts');
      const { files } = request;
      const as = (f: { file: Blob; name: string }) => ({ name: f.name, blob: f.file });
      const build = await regionFromFiles(
        { zones: as(files.zones), population: as(files.population), ...(files.facilities ? { facilities: as(files.facilities) } : {}) },
        { ...files.options, signal, onProgress: (f) => progress(f * READ_SHARE) },
      );
      if (signal.aborted) throw abortError();
      progress(READ_SHARE);
      return { dataset: this.coverage.openRegion(build.region), problems: build.problems, notes: noteLines(build.region.notes) };
    });
  }

  async previewFacilities(file: Blob, name: string, request: FacilityPreviewRequest): Promise<FacilityPreview> {
    const { readFacilityFile } = await import('../io/region/from-files.ts');
    const { previewFacilities } = await import('../io/facilities.ts');
    // the same reader as a new region's facilities, with the dialog's column and swap choices
    if (request.columns || request.applySwapFix) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return previewFacilities(bytes, { file: name, region: this.coverage.importRegion(), ...request });
    }
    return readFacilityFile({ name, blob: file }, this.coverage.region(), { crs: request.crs });
  }

  async importPopulation(id: string, file: Blob, name: string, request: PopulationImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.run(id, onProgress, async (signal, progress) => {
      const { replacePopulation } = await import('../io/region/from-files.ts');
      const read = await replacePopulation(this.coverage.region(), { name, blob: file }, { format: request.format, crs: request.crs }, { signal, onProgress: (f) => progress(f * READ_SHARE) });
      if (signal.aborted) throw abortError();
      progress(READ_SHARE);
      const dataset = this.coverage.replaceRegion(read.region);
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
        unzoned: read.outside.cells,
        unzonedPopulation: read.outside.population,
      };
      return { dataset, population, zones: null };
    });
  }

  async importZones(id: string, file: Blob, name: string, request: ZoneImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.run(id, onProgress, async (signal, progress) => {
      const { replaceZones } = await import('../io/region/from-files.ts');
      progress(0.3);
      const read = await replaceZones(this.coverage.region(), { name, blob: file }, { crs: request.crs });
      if (signal.aborted) throw abortError();
      progress(0.8);
      const dataset = this.coverage.replaceRegion(read.region);
      return {
        dataset,
        population: null,
        zones: { file: name, zones: read.zones, rejected: read.rejected, problems: read.problems, outside: read.outside.cells, outsidePopulation: read.outside.population },
      };
    });
  }

  /** Reads a road file into the open region (see CoverageWorkerApi.importRoads); nothing changes when it fails or is cancelled. */
  async importRoads(id: string, file: Blob, name: string, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; roads: ImportedRoads }> {
    return this.run(id, onProgress, async (signal, progress) => {
      const { readRegionRoads } = await import('../io/roads/region-roads.ts');
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (signal.aborted) throw abortError();
      const { roads, read } = await readRegionRoads(bytes, name, this.coverage.region(), { signal, onProgress: (f) => progress(f * READ_SHARE) });
      if (signal.aborted) throw abortError();
      progress(READ_SHARE);
      const dataset = this.coverage.setRoads(roads);
      return { dataset, roads: { file: name, format: read.format, counts: read.counts, problems: read.problems } };
    });
  }

  /** Reads a call file into the open region's calls per cell (see CoverageWorkerApi.importCalls); the open calls stay when this fails or is cancelled. */
  async importCalls(id: string, file: Blob, name: string, request: { crs?: Crs }, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; calls: ImportedCalls }> {
    return this.run(id, onProgress, async (signal, progress) => {
      const { readRegionCalls } = await import('../io/calls/region-calls.ts');
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (signal.aborted) throw abortError();
      const read = await readRegionCalls(bytes, name, this.coverage.region(), { crs: request.crs, signal, onProgress: (f) => progress(f * READ_SHARE) });
      if (signal.aborted) throw abortError();
      const dataset = this.coverage.setCalls(read.calls);
      return { dataset, calls: { file: name, ...callsSummary(read.calls), byTownship: read.byTownship, problems: read.problems, unlisted: read.unlisted } };
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
}
