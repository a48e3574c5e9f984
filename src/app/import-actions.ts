/**
 * What the import dialog can do: preview a facility file and add its good
 * rows to the scenario; import population, zones or a road network in the
 * worker (with progress and cancel) and swap the dataset the map and figures
 * show. A new dataset is a new dataset generation (evaluation-sync.ts), so a
 * result computed before the import is never drawn as current.
 */
import type { Station } from '../core/types.ts';
import type { FacilityPreview, MergeResult } from '../io/facilities.ts';
import type { Crs } from '../io/crs.ts';
import type { DatasetImport, FacilityPreviewRequest, ImportedCalls, ImportedRoads, LoadedDataset, PopulationImportRequest, ZoneImportRequest } from '../worker/api.ts';
import { keepUserRegion, requireClient } from './actions.ts';
import { getState, roadsSummaryOf, setState, type ImportJob } from './store.ts';

let jobs = 0;

export const openImport = () => setState({ importOpen: true });
export const closeImport = () => setState({ importOpen: false });

/** Reads a facility file into a preview in the worker; nothing in the scenario changes. */
export function previewFacilityFile(file: File, request: FacilityPreviewRequest): Promise<FacilityPreview> {
  return requireClient().previewFacilities(file, request);
}

/**
 * Adds the preview's good rows to the scenario (or replaces the stations when
 * `replace`), renaming ids that clash, and re-evaluates. Imported positions
 * come from the file, so they are not approximate.
 */
export async function importFacilities(preview: FacilityPreview, replace: boolean): Promise<MergeResult> {
  const { mergeStations } = await import('../io/facilities.ts');
  const incoming: Station[] = preview.good.map((s) => ({ ...s, positionApproximate: false }));
  const state = getState();
  const merged = mergeStations(state.stations, incoming, { replace, onIdClash: 'rename' });
  const enabledStatus = replace ? {} : { ...state.enabledStatus };
  for (const s of merged.stations) if (!(s.id in enabledStatus)) enabledStatus[s.id] = s.status === 'disabled' ? 'existing' : s.status;
  setState({ stations: merged.stations, enabledStatus, selectedStationId: null, deleted: null });
  return merged;
}

export function importPopulationFile(file: File, request: PopulationImportRequest): Promise<void> {
  return runImport('population', file, (id, onProgress) => requireClient().importPopulation(id, file, request, onProgress));
}

export function importZonesFile(file: File, request: ZoneImportRequest): Promise<void> {
  return runImport('zones', file, (id, onProgress) => requireClient().importZones(id, file, request, onProgress));
}

/** Reads a road file (.osm.pbf, .osm, GeoJSON, zipped shapefile) into the open region's road network; the scenario is kept. */
export function importRoadsFile(file: File): Promise<void> {
  return runImport('roads', file, async (id, onProgress) => {
    const answer = await requireClient().importRoads(id, file, onProgress);
    return { dataset: answer.dataset, population: null, zones: null, roads: answer.roads };
  }).then(() => {
    // the user's own region kept in the browser reopens with its roads (a demo region is not kept)
    if (getState().importOutcome?.kind === 'done') void keepUserRegion();
  });
}

/** Removes the open region's road network: reach is straight-line again, the scenario is kept. */
export async function removeRoadsNetwork(): Promise<void> {
  const roads = getState().roads;
  if (getState().importJob || !roads) return;
  try {
    setDataset(await requireClient().removeRoads(), { importOutcome: null });
    void keepUserRegion();
  } catch (e) {
    setState({ importOutcome: { of: 'roads', kind: 'error', file: roads.file, message: (e as Error).message } });
  }
}

/** Reads a call file into the open region's calls per cell (`crs` undefined: from the headers, else WGS84); the scenario is kept. */
export function importCallsFile(file: File, crs: Crs | undefined): Promise<void> {
  return runImport('calls', file, async (id, onProgress) => {
    const answer = await requireClient().importCalls(id, file, crs ? { crs } : {}, onProgress);
    return { dataset: answer.dataset, population: null, zones: null, calls: answer.calls };
  });
}

/** Removes the open region's calls; the scenario is kept. */
export async function removeCallsData(): Promise<void> {
  const calls = getState().dataset?.region.calls;
  if (getState().importJob || !calls) return;
  try {
    setDataset(await requireClient().removeCalls(), { importOutcome: null });
  } catch (e) {
    setState({ importOutcome: { of: 'calls', kind: 'error', file: calls.source.source, message: (e as Error).message } });
  }
}

/** Cancels the running import; the dataset stays as it was. */
export function cancelImport(): void {
  const job = getState().importJob;
  if (job) void requireClient().cancelImport(job.id);
}

export const clearImportOutcome = () => setState({ importOutcome: null });

/** Shows a dataset the worker made from the open one (an import): the evaluation sync re-evaluates it as a new generation. */
function setDataset(dataset: LoadedDataset, extra: Partial<ReturnType<typeof getState>>): void {
  setState({ dataset, roads: roadsSummaryOf(dataset), result: null, highlightedGap: null, ...extra });
}

async function runImport(kind: ImportJob['kind'], file: File, start: (id: string, onProgress: (f: number) => void) => Promise<DatasetImport & { roads?: ImportedRoads; calls?: ImportedCalls }>): Promise<void> {
  if (getState().importJob) return;
  const id = `import-${++jobs}`;
  setState({ importJob: { id, kind, file: file.name, fraction: 0, updates: 0 }, importOutcome: null });
  const onProgress = (fraction: number) => {
    const job = getState().importJob;
    if (job?.id === id) setState({ importJob: { ...job, fraction, updates: job.updates + 1 } });
  };
  try {
    const answer = await start(id, onProgress);
    const sources = getState().dataSources;
    setDataset(answer.dataset, {
      importJob: null,
      importOutcome: { of: kind, kind: 'done', population: answer.population, zones: answer.zones, roads: answer.roads ?? null, calls: answer.calls ?? null },
      dataSources: {
        population: answer.population ? { kind: 'imported', file: answer.population.file } : sources.population,
        zones: answer.zones ? { kind: 'imported', file: answer.zones.file } : sources.zones,
      },
    });
  } catch (e) {
    const error = e as Error;
    setState({
      importJob: null,
      importOutcome: error.name === 'AbortError' ? { of: kind, kind: 'cancelled', file: file.name } : { of: kind, kind: 'error', file: file.name, message: error.message },
    });
  }
}
