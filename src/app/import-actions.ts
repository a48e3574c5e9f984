/**
 * What the import dialog can do: preview a facility file and add its good
 * rows to the scenario; import population or zones in the worker (with
 * progress and cancel) and swap the dataset the map and figures show.
 */
import type { Station } from '../core/types.ts';
import type { FacilityPreview, MergeResult } from '../io/facilities.ts';
import type { DatasetImport, FacilityPreviewRequest, PopulationImportRequest, ZoneImportRequest } from '../worker/api.ts';
import { requireClient } from './actions.ts';
import { getState, setState } from './store.ts';

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

/** Cancels the running import; the dataset stays as it was. */
export function cancelImport(): void {
  const job = getState().importJob;
  if (job) void requireClient().cancelImport(job.id);
}

export const clearImportOutcome = () => setState({ importOutcome: null });

async function runImport(kind: 'population' | 'zones', file: File, start: (id: string, onProgress: (f: number) => void) => Promise<DatasetImport>): Promise<void> {
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
    setState({
      dataset: answer.dataset,
      result: null,
      importJob: null,
      importOutcome: { of: kind, kind: 'done', population: answer.population, zones: answer.zones },
      dataSources: {
        population: answer.population ? { kind: 'imported', file: answer.population.file } : sources.population,
        zones: answer.zones ? { kind: 'imported', file: answer.zones.file } : sources.zones,
      },
      highlightedGap: null,
    });
  } catch (e) {
    const error = e as Error;
    setState({
      importJob: null,
      importOutcome: error.name === 'AbortError' ? { of: kind, kind: 'cancelled', file: file.name } : { of: kind, kind: 'error', file: file.name, message: error.message },
    });
  }
}
