/**
 * Everything the user can do, as functions that edit the scenario in the
 * store. They never call the worker: the evaluation sync watches the store
 * and asks for the consequences (./evaluation-sync.ts).
 */
import type { Capability } from '../core/ems/settings.ts';
import { loadPlaceNames } from '../i18n/place-name.ts';
import { makeRules, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import { withHospitalFields, type HospitalFields } from '../core/ems/station-fields.ts';
import { CoverageClient } from './coverage-client.ts';
import { demoPack, demoRegion } from './regions.ts';
import { syncEvaluations } from './evaluation-sync.ts';
import type { LoadedDataset, RegionRequest } from '../worker/api.ts';
import { emsTagOf, getState, responseTagOf, resultIsCurrent, roadsSummaryOf, setState, useStore, type AppState, type DataSource, type FocusRequest, type ScenarioNotice, type Language, type LayerKey, type PanelKey } from './store.ts';

let client: CoverageClient | null = null;
let nonce = 0;

/**
 * Starts the worker and opens the default region, unless `opening` (a share
 * link in the address) opened something itself.
 */
export async function startApp(worker: Worker, opening: () => Promise<boolean> = async () => false): Promise<void> {
  client = new CoverageClient(
    worker,
    (update, requestedAt) => {
      // an answer for an older dataset (a region switched while it was computed) is never shown
      if (update.tag.dataset !== getState().datasetGeneration) return;
      // the response figures of a light update are an earlier full update's: keep the tag they were computed for
      setState({ result: update, responseFor: responseTagOf(update, getState().responseFor), emsFor: emsTagOf(update, getState().emsFor), lastLatencyMs: performance.now() - requestedAt });
    },
    (e, tag) => {
      // a request for the dataset before a region switch can fail on the new one: its answer was not wanted
      if (tag.dataset === getState().datasetGeneration) setState({ error: e.message });
    },
  );
  // a worker whose code fails to load, or that crashes, answers nothing: the page says so rather than wait
  worker.addEventListener('error', (e) => setState({ error: `The coverage worker stopped (${e.message || 'its code could not be loaded'}); reload the page.` }));
  syncEvaluations(useStore, client);
  if (await opening()) return;
  return openRegion(getState().regionId);
}

/** The worker client, for actions in other files (imports). */
export function requireClient(): CoverageClient {
  if (!client) throw new Error('The app has not started.');
  return client;
}

/** A scenario to open a region with instead of the demo defaults (an autosave, a file, a link). */
export interface StartingScenario {
  name: string;
  stations: Station[];
  enabledStatus: Record<string, Station['status']>;
  rules: Rules;
  notice?: ScenarioNotice;
}

/** What the autosave answers: a scenario, or only a notice (a damaged entry), or null for the demo defaults. */
export type StartingAnswer = StartingScenario | { notice: ScenarioNotice } | null;

/** Asked for a region's starting scenario when none is given (the autosave). */
let startingScenario: (regionId: string) => Promise<StartingAnswer> = async () => null;
export function setStartingScenario(source: (regionId: string) => Promise<StartingAnswer>): void {
  startingScenario = source;
}

/** Opens a demo region (its pack), or the user's own region kept in the browser. */
export async function openRegion(regionId: string, given?: StartingScenario): Promise<void> {
  const demo = demoRegion(regionId);
  if (!demo) {
    const saved = getState().savedUserRegion;
    if (saved?.id === regionId) await reopenSavedRegion(given);
    else if (getState().dataset?.region.id !== regionId) setState({ error: `No region ${regionId} to open.` });
    return;
  }
  // a suggestion belongs to the region it was computed for
  setState({ regionId, phase: 'loading', error: null, result: null, selectedStationId: null, highlightedGap: null, deleted: null, suggestion: null, suggestionFor: null });
  try {
    // the autosave is read while the worker loads the data, not after
    const starting = given ? Promise.resolve(given) : startingScenario(regionId);
    const opened = await requireClient().openRegion(`region-${++jobs}`, { kind: 'pack-url', ...demoPack(demo)! }, () => {});
    showRegion(opened.dataset, await starting);
  } catch (e) {
    setState({ phase: 'error', error: (e as Error).message });
  }
}

let jobs = 0;

/**
 * Opens a region from the user's files or a pack file in the worker, with
 * progress and cancel; the region on screen stays until the new one is read,
 * and stays for good when it is refused.
 */
export async function openOwnRegion(request: RegionRequest, given?: StartingAnswer): Promise<boolean> {
  if (getState().regionJob) return false;
  const id = `region-${++jobs}`;
  const file = request.kind === 'pack-file' ? request.pack.name : request.kind === 'pack-url' ? request.name : request.files.zones.name;
  setState({ regionJob: { id, file, fraction: 0 }, regionOutcome: null });
  const onProgress = (fraction: number) => {
    const job = getState().regionJob;
    if (job?.id === id) setState({ regionJob: { ...job, fraction } });
  };
  try {
    const opened = await requireClient().openRegion(id, request, onProgress);
    const starting = given === undefined ? await startingScenario(opened.dataset.region.id) : given;
    setState({ regionJob: null, regionOutcome: { kind: 'done', name: opened.dataset.region.name, problems: opened.problems, notes: opened.notes }, regionId: opened.dataset.region.id, result: null, selectedStationId: null, highlightedGap: null, deleted: null, suggestion: null, suggestionFor: null });
    showRegion(opened.dataset, starting);
    void keepUserRegion();
    return true;
  } catch (e) {
    const error = e as Error;
    setState({ regionJob: null, regionOutcome: error.name === 'AbortError' ? { kind: 'cancelled', file } : { kind: 'error', file, message: error.message } });
    return false;
  }
}

/** Cancels the region being opened; the region on screen stays. */
export function cancelRegionJob(): void {
  const job = getState().regionJob;
  if (job) void requireClient().cancelImport(job.id);
}

/** Puts a region the worker opened on screen, with the starting scenario (autosave, file, link) or its own stations. */
function showRegion(dataset: LoadedDataset, answer: StartingAnswer): void {
  const defaults = Object.fromEntries(dataset.stations.map((s) => [s.id, s.status === 'disabled' ? 'existing' : s.status])) as Record<string, Station['status']>;
  const start = answer && 'stations' in answer ? answer : null;
  const modelled = dataset.region.modelled;
  const sourceOf = (what: string): DataSource => {
    const source = dataset.region.sources.find((s) => s.what === what);
    return source ? { kind: 'imported', file: source.source } : { kind: 'demo' };
  };
  setState({
    dataset,
    roads: roadsSummaryOf(dataset),
    stations: start?.stations ?? dataset.stations,
    enabledStatus: { ...defaults, ...start?.enabledStatus },
    rules: start?.rules ?? getState().rules,
    scenarioName: start?.name ?? '',
    scenarioNotice: answer?.notice ?? null,
    comparison: null,
    phase: 'ready',
    error: null,
    dataSources: { population: modelled.population ? { kind: 'demo' } : sourceOf('population'), zones: modelled.zones ? { kind: 'demo' } : sourceOf('zones') },
    focus: { kind: 'region', nonce: ++nonce },
  });
}

/** The open region as a pack file's bytes (the scenario's stations as its facilities). */
export function regionPackBytes(): Promise<Uint8Array> {
  const { stations, rules } = getState();
  return requireClient().savePack(stations, rules);
}

/** Keeps the user's own region in the browser (again after a road import), so the region list offers it after a reload. */
export async function keepUserRegion(): Promise<void> {
  const dataset = getState().dataset;
  if (!dataset || demoRegion(dataset.region.id)) return;
  // writing the pack takes the worker seconds for a large region: first figures first
  if (!(await firstFigures(getState().datasetGeneration))) return;
  try {
    const { saveUserRegion } = await import('./user-region-storage.ts');
    await saveUserRegion({ id: dataset.region.id, name: dataset.region.name }, await regionPackBytes());
    setState({ savedUserRegion: { id: dataset.region.id, name: dataset.region.name } });
  } catch {
    // a browser without storage keeps the region for this session only
  }
}

/** Resolves true once dataset generation `generation` has current figures, false if another dataset replaced it first. */
function firstFigures(generation: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (state: AppState): boolean => {
      if (state.datasetGeneration !== generation) return (resolve(false), true);
      return resultIsCurrent(state) ? (resolve(true), true) : false;
    };
    if (check(getState())) return;
    const stop = useStore.subscribe((state) => {
      if (check(state)) stop();
    });
  });
}

/** Reopens the user's region kept in the browser. */
async function reopenSavedRegion(given?: StartingScenario): Promise<void> {
  const { loadUserRegion } = await import('./user-region-storage.ts');
  const kept = await loadUserRegion();
  if (!kept) {
    setState({ savedUserRegion: null, error: 'The region kept in this browser is no longer there.' });
    return;
  }
  await openOwnRegion({ kind: 'pack-file', pack: { file: new Blob([kept.bytes as BlobPart]), name: `${kept.info.name}.region.zip` } }, given);
}

function replaceStation(station: Station, extra: Partial<AppState> = {}): void {
  setState({ stations: getState().stations.map((s) => (s.id === station.id ? station : s)), ...extra });
}

function findStation(id: string): Station {
  const station = getState().stations.find((s) => s.id === id);
  if (!station) throw new Error(`No station ${id}.`);
  return station;
}

/** Changes rules; an invalid value is refused with the rule's message and nothing changes. */
export function setRules(changes: Partial<Rules>): string | null {
  let rules: Rules;
  try {
    rules = makeRules({ ...getState().rules, ...changes });
  } catch (e) {
    return (e as Error).message;
  }
  setState({ rules });
  return null;
}

export function setAreaOverride(zoneCode: string, type: AreaType | null): void {
  const overrides = { ...getState().rules.areaTypeOverrides };
  if (type === null) delete overrides[zoneCode];
  else overrides[zoneCode] = type;
  setRules({ areaTypeOverrides: overrides });
}

/** Switches a station on (to its earlier status) or off (disabled). */
export function toggleStation(id: string): void {
  const station = findStation(id);
  const { enabledStatus } = getState();
  if (station.status === 'disabled') replaceStation({ ...station, status: enabledStatus[id] ?? 'existing' });
  // one store write per edit: each write of stations or rules is one undo step
  else replaceStation({ ...station, status: 'disabled' }, { enabledStatus: { ...enabledStatus, [id]: station.status } });
}

/** Moves a station; `final` is false while dragging (a lighter update), true on drop. */
export function moveStation(id: string, lng: number, lat: number, final: boolean): void {
  // a moved station no longer stands at its township seat, and may have left the township
  replaceStation({ ...findStation(id), lng, lat, positionApproximate: false, township: undefined }, { draggingStationId: final ? null : id });
}

export function renameStation(id: string, name: string): void {
  const trimmed = name.trim();
  if (trimmed === '') return;
  replaceStation({ ...findStation(id), name: trimmed });
}

/** Sets a station's ambulances or hospital centres (has / planned): one undo step, none when nothing changes (a field left as it was). Returns the refusal (a bad count), or null. */
export function setStationHospital(id: string, changes: Partial<HospitalFields>): string | null {
  try {
    const before = findStation(id);
    const after = withHospitalFields(before, changes);
    const fields = (s: Station) => JSON.stringify([s.ambulances, s.capabilities, s.plannedCapabilities]);
    if (fields(after) !== fields(before)) replaceStation(after);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

/** Adds a proposed station where the user clicked. */
export function addStationAt(lng: number, lat: number, namePrefix: string): string {
  const count = getState().addedCount + 1;
  let id = `user-${count}`;
  while (getState().stations.some((s) => s.id === id)) id += '-';
  const station: Station = { id, name: `${namePrefix} ${count}`, kind: 'station', status: 'proposed', lng, lat, positionApproximate: false };
  setState({ stations: [...getState().stations, station], addedCount: count, addMode: false, selectedStationId: id, enabledStatus: { ...getState().enabledStatus, [id]: 'proposed' } });
  return id;
}

export function deleteStation(id: string): void {
  const { stations } = getState();
  const index = stations.findIndex((s) => s.id === id);
  if (index < 0) return;
  setState({ stations: stations.filter((s) => s.id !== id), deleted: { station: stations[index], index }, selectedStationId: null });
}

export function undoDelete(): void {
  const { deleted, stations } = getState();
  if (!deleted) return;
  const next = [...stations];
  next.splice(Math.min(deleted.index, next.length), 0, deleted.station);
  setState({ stations: next, deleted: null });
}

export function dismissUndo(): void {
  setState({ deleted: null });
}

/** Switches the language; English waits for the pinyin of place names (loaded once, on first use). */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'en') await loadPlaceNames().catch(() => undefined);
  setState({ language });
}
export const toggleLayer = (key: LayerKey) => setState({ layers: { ...getState().layers, [key]: !getState().layers[key] } });
/** The capability whose hospital transport minutes the map draws. */
export const setHospitalCapability = (capability: Capability) => setState({ hospitalCapability: capability });
export const setBasemapUrl = (basemapUrl: string) => setState({ basemapUrl });
export const togglePanel = (key: PanelKey) => setState({ collapsed: { ...getState().collapsed, [key]: !getState().collapsed[key] } });
export const setAddMode = (addMode: boolean) => setState({ addMode });
export const selectStation = (id: string | null) => setState({ selectedStationId: id });

type FocusTarget = FocusRequest extends infer F ? (F extends FocusRequest ? Omit<F, 'nonce'> : never) : never;

function focus(request: FocusTarget): void {
  setState({ focus: { ...request, nonce: ++nonce } as FocusRequest });
}
export const focusZone = (code: string) => focus({ kind: 'zone', code });
export const focusGap = (rank: number) => {
  setState({ highlightedGap: rank });
  focus({ kind: 'gap', rank });
};
export const focusStation = (id: string) => {
  setState({ selectedStationId: id });
  focus({ kind: 'station', id });
};
