/**
 * Everything the user can do, as functions that edit the scenario in the
 * store. They never call the worker: the evaluation sync watches the store
 * and asks for the consequences (./evaluation-sync.ts).
 */
import { loadPlaceNames } from '../i18n/place-name.ts';
import { makeRules, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import { CoverageClient } from './coverage-client.ts';
import { demoDataUrls } from './demo-data-urls.ts';
import { regionById } from './regions.ts';
import { syncEvaluations } from './evaluation-sync.ts';
import { DEMO_SOURCES, getState, setState, useStore, type AppState, type FocusRequest, type ScenarioNotice, type Language, type LayerKey, type PanelKey } from './store.ts';

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
      setState({ result: update, lastLatencyMs: performance.now() - requestedAt });
    },
    (e, tag) => {
      // a request for the dataset before a region switch can fail on the new one: its answer was not wanted
      if (tag.dataset === getState().datasetGeneration) setState({ error: e.message });
    },
  );
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

export async function openRegion(regionId: string, given?: StartingScenario): Promise<void> {
  const region = regionById(regionId);
  // a suggestion belongs to the region it was computed for
  setState({ regionId, phase: 'loading', error: null, result: null, selectedStationId: null, highlightedGap: null, deleted: null, suggestion: null, suggestionFor: null });
  try {
    // the autosave is read while the worker loads the data, not after
    const starting = given ? Promise.resolve(given) : startingScenario(regionId);
    const dataset = await requireClient().load(demoDataUrls(region.counties));
    const defaults = Object.fromEntries(dataset.stations.map((s) => [s.id, s.status === 'disabled' ? 'existing' : s.status])) as Record<string, Station['status']>;
    const answer = await starting;
    const start = answer && 'stations' in answer ? answer : null;
    const stations = start?.stations ?? dataset.stations;
    const rules = start?.rules ?? getState().rules;
    setState({
      dataset,
      stations,
      enabledStatus: { ...defaults, ...start?.enabledStatus },
      rules,
      scenarioName: start?.name ?? '',
      scenarioNotice: answer?.notice ?? null,
      comparison: null,
      phase: 'ready',
      dataSources: DEMO_SOURCES,
      focus: { kind: 'region', nonce: ++nonce },
    });
  } catch (e) {
    setState({ phase: 'error', error: (e as Error).message });
  }
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
