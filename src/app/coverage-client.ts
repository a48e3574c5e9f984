/**
 * The app's handle on the coverage worker. Requests run one at a time; while
 * one is in flight, repeated moves of the same station collapse into the
 * newest, so a fast drag never builds a queue.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { CellRow } from '../core/evaluate.ts';
import type { Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { Capability } from '../core/ems/settings.ts';
import type { FacilityPreview } from '../io/facilities.ts';
import type { Crs } from '../io/crs.ts';
import type {
  CellAnswer,
  FirstDueOutlines,
  HospitalMinutes,
  Isochrones,
  CoverageWorkerApi,
  DatasetImport,
  EvaluationUpdate,
  FacilityPreviewRequest,
  ResultTag,
  GapCells,
  ImportedCalls,
  ImportedRoads,
  ImportProgress,
  LoadedDataset,
  PopulationImportRequest,
  RegionOpened,
  RegionRequest,
  ZoneImportRequest,
} from '../worker/api.ts';
import type { BaselineStatus } from '../worker/baseline-status.ts';
import { withCellIds } from '../worker/dataset-cells.ts';
import type { SuggestAnswer, SuggestRequest } from '../worker/suggest-runner.ts';
import type { SuggestProgress } from '../core/suggest/control.ts';

/** A dataset as it arrives (its cells as H3 halves), given its strings on first read. */
function withStrings<T extends { dataset: Omit<LoadedDataset, 'h3'> }>(answer: T): T & { dataset: LoadedDataset } {
  withCellIds(answer.dataset);
  return answer as T & { dataset: LoadedDataset };
}

type Job = { tag: ResultTag } & (
  | { kind: 'evaluate'; stations: Station[]; rules: Rules; light: boolean }
  | { kind: 'upsert'; station: Station; light: boolean }
  | { kind: 'remove'; id: string }
  | { kind: 'refresh' }
);

export class CoverageClient {
  private readonly remote: Remote<CoverageWorkerApi>;
  private readonly queue: Job[] = [];
  private running = false;
  private seq = 0;

  /** `onUpdate` receives every answer in order; `onError` any failure. */
  constructor(
    worker: Worker,
    private readonly onUpdate: (u: EvaluationUpdate, requestedAt: number) => void,
    private readonly onError: (e: Error, tag: ResultTag) => void,
  ) {
    this.remote = wrap<CoverageWorkerApi>(worker);
  }

  /** Opens a region (a pack or the user's files) in the worker; cancel with cancelImport(id). */
  openRegion(id: string, request: RegionRequest, onProgress: ImportProgress): Promise<RegionOpened> {
    return this.remote.openRegion(id, request, proxy(onProgress)).then(withStrings);
  }

  /** The open region as a region pack's bytes. */
  savePack(stations: Station[], rules: Rules): Promise<Uint8Array> {
    return this.remote.savePack(stations, rules);
  }

  /** Reads a facility file in the worker into a preview (nothing changes). */
  previewFacilities(file: File, request: FacilityPreviewRequest): Promise<FacilityPreview> {
    return this.remote.previewFacilities(file, file.name, request);
  }

  /** Imports population in the worker (the File itself crosses, read there slice by slice); cancel with cancelImport(id). */
  importPopulation(id: string, file: File, request: PopulationImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.remote.importPopulation(id, file, file.name, request, proxy(onProgress)).then(withStrings);
  }

  importZones(id: string, file: File, request: ZoneImportRequest, onProgress: ImportProgress): Promise<DatasetImport> {
    return this.remote.importZones(id, file, file.name, request, proxy(onProgress)).then(withStrings);
  }

  /** Imports a road network into the open region in the worker; cancel with cancelImport(id). */
  importRoads(id: string, file: File, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; roads: ImportedRoads }> {
    return this.remote.importRoads(id, file, file.name, proxy(onProgress)).then(withStrings);
  }

  /** Removes the open region's road network (reach is straight-line again). */
  removeRoads(): Promise<LoadedDataset> {
    return this.remote.removeRoads().then((dataset) => withStrings({ dataset }).dataset);
  }

  /** Imports a call file into the open region's calls per cell in the worker; cancel with cancelImport(id). */
  importCalls(id: string, file: File, request: { crs?: Crs }, onProgress: ImportProgress): Promise<{ dataset: LoadedDataset; calls: ImportedCalls }> {
    return this.remote.importCalls(id, file, file.name, request, proxy(onProgress)).then(withStrings);
  }

  /** Removes the open region's calls. */
  removeCalls(): Promise<LoadedDataset> {
    return this.remote.removeCalls().then((dataset) => withStrings({ dataset }).dataset);
  }

  cancelImport(id: string): Promise<void> {
    return this.remote.cancelImport(id);
  }

  /** Suggests new sites for the current scenario in the worker; cancel with cancelSuggest(id). */
  suggest(id: string, request: SuggestRequest, onProgress: (p: SuggestProgress) => void): Promise<SuggestAnswer> {
    return this.remote.suggest(id, request, proxy(onProgress));
  }

  cancelSuggest(id: string): Promise<void> {
    return this.remote.cancelSuggest(id);
  }

  /** Every cell's row of the current scenario, for the cell export. */
  cellRows(): Promise<CellRow[]> {
    return this.remote.cellRows();
  }

  /** Every gap group of the current scenario with its cells, for the gap export. */
  gapCells(): Promise<GapCells[]> {
    return this.remote.gapCells();
  }

  /** Per-cell statuses without the proposed stations, for the "before" map of a snapshot. */
  baselineStatus(): Promise<BaselineStatus> {
    return this.remote.baselineStatus();
  }

  /** One cell of the current scenario (a map click), tagged with the update it belongs to. */
  describeCell(index: number): Promise<CellAnswer> {
    return this.remote.describeCell(index);
  }

  /** Isochrone outlines of an active station on roads (the map's selected station). */
  isochrones(stationId: string, minutesList: number[]): Promise<Isochrones> {
    return this.remote.isochrones(stationId, minutesList);
  }

  /** Minutes to the nearest hospital with a capability, per cell (the hospital transport layer). */
  hospitalMinutes(capability: Capability): Promise<HospitalMinutes> {
    return this.remote.hospitalMinutes(capability);
  }

  /** Outlines of the first-due areas of the last update (the workload layer's borders). */
  firstDueOutlines(): Promise<FirstDueOutlines> {
    return this.remote.firstDueOutlines();
  }

  /**
   * Evaluates the scenario in full. Headline first (a new region): a light
   * answer, marked partial, brings the statuses, totals, tables and
   * before/after; the full answer (gap groups, response times, EMS figures)
   * follows as the version's own.
   */
  evaluate(stations: Station[], rules: Rules, tag: ResultTag, headlineFirst = false): void {
    // a full evaluation supersedes everything still waiting
    this.queue.length = 0;
    if (headlineFirst) {
      this.push({ kind: 'evaluate', stations, rules, light: true, tag: { ...tag, partial: true } });
      this.push({ kind: 'refresh', tag });
    } else {
      this.push({ kind: 'evaluate', stations, rules, light: false, tag });
    }
  }

  upsert(station: Station, light: boolean, tag: ResultTag): void {
    const last = this.queue[this.queue.length - 1];
    // the newest move of the same station replaces one still waiting (and takes over its place as the version's last step)
    if (last?.kind === 'upsert' && last.station.id === station.id) this.queue.pop();
    this.push({ kind: 'upsert', station, light, tag });
  }

  remove(id: string, tag: ResultTag): void {
    this.push({ kind: 'remove', id, tag });
  }

  private push(job: Job): void {
    this.queue.push(job);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const job = this.queue.shift()!;
      const requestedAt = performance.now();
      const options = { seq: ++this.seq, tag: job.tag, light: (job.kind === 'evaluate' || job.kind === 'upsert') && job.light };
      try {
        const update =
          job.kind === 'evaluate'
            ? await this.remote.evaluate(job.stations, job.rules, options)
            : job.kind === 'upsert'
              ? await this.remote.upsertStation(job.station, options)
              : job.kind === 'remove'
                ? await this.remote.removeStation(job.id, options)
                : await this.remote.refresh(options);
        this.onUpdate(update, requestedAt);
      } catch (e) {
        this.onError(e instanceof Error ? e : new Error(String(e)), job.tag);
      }
    }
    this.running = false;
  }
}
