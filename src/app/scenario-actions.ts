/**
 * The scenario as something kept: undo/redo of station and rule edits,
 * autosave to IndexedDB with restore on reload, scenario files, share links,
 * and a pinned scenario to compare against. Edits are noticed by watching the
 * store, so every action that changes stations or rules is covered without
 * each one remembering to record itself.
 */
import type { Rules } from '../core/rules.ts';
import type { Station, StationStatus } from '../core/types.ts';
import { makeScenario, parseScenario, serializeScenario, type SavedScenario, type ScenarioFailure } from '../io/scenario-file.ts';
import { decodeShareLink, encodeShareLink, SHARE_PARAM, type ShareLinkResult } from '../io/share-link.ts';
import { openRegion, setStartingScenario, type StartingAnswer, type StartingScenario } from './actions.ts';
import { createAutosaveScheduler, createAutosaveStorage, type AutosaveStorage } from './autosave-storage.ts';
import { demoScenario, isDemoScenario } from './demo-scenario.ts';
import { makeHistoryRecord, type HistoryLoad } from './history-file.ts';
import { createHistory } from './history.ts';
import { currentRegion, demoRegion } from './regions.ts';
import { getState, setState, useStore, type AppState, type ScenarioNotice } from './store.ts';

/** What undo and redo restore: the part of the state the user edits. */
export interface ScenarioSnapshot {
  stations: Station[];
  enabledStatus: Record<string, StationStatus>;
  rules: Rules;
}

const AUTOSAVE_DELAY_MS = 800;

const history = createHistory<ScenarioSnapshot>(200);
/** True while undo/redo/load write the store: those writes are not new edits. */
let applying = false;
let storage: AutosaveStorage | null = null;

const snapshotOf = (s: AppState): ScenarioSnapshot => ({ stations: s.stations, enabledStatus: s.enabledStatus, rules: s.rules });

/** The undo steps that go with each scheduled autosave (taken when it was scheduled, written with it). */
const stepsOfSave = new WeakMap<SavedScenario, { undo: readonly ScenarioSnapshot[]; redo: readonly ScenarioSnapshot[] }>();
/** Each step as scenario-file text, made once: steps never change, and every autosave writes them all again. */
const stepTexts = new WeakMap<ScenarioSnapshot, string>();
function stepText(region: string, step: ScenarioSnapshot): string {
  let text = stepTexts.get(step);
  if (text === undefined) {
    text = serializeScenario(makeScenario({ regionId: region, ...step }, 'undo step', new Date(0)));
    stepTexts.set(step, text);
  }
  return text;
}
/** The restored autosave's undo history, loaded into the history once its region is open. */
let restoredSteps: { region: string; undo: ScenarioSnapshot[]; redo: ScenarioSnapshot[] } | null = null;
/** Autosaves scheduled so far: a write marks the autosave written only if no newer one was scheduled meanwhile. */
let scheduledSaves = 0;

/** The name a scenario is saved under: the user's, or the region's. */
export function scenarioNameOf(state: AppState): string {
  return state.scenarioName.trim() || currentRegion(state).name;
}

const notice = (kind: ScenarioNotice['kind'], key: string, params?: ScenarioNotice['params']) => setState({ scenarioNotice: { kind, key, params } });

function syncHistoryFlags(): void {
  const canUndo = history.canUndo();
  const canRedo = history.canRedo();
  if (getState().canUndo !== canUndo || getState().canRedo !== canRedo) setState({ canUndo, canRedo });
}

/**
 * Starts keeping the scenario: records each edit for undo, autosaves after a
 * pause, restores a region's autosave when it opens, and writes a pending save
 * when the page is hidden. Returns a function that stops all of it.
 * @param store idb-keyval store for tests; the app's own database by default
 */
export function keepScenarios(autosaveStorage: AutosaveStorage = createAutosaveStorage()): () => void {
  storage = autosaveStorage;
  const written: AutosaveStorage = {
    ...autosaveStorage,
    save: async (scenario) => {
      const ticket = scheduledSaves;
      const steps = stepsOfSave.get(scenario);
      const record = steps && makeHistoryRecord(scenario.region, scenario.savedAt, steps.undo, steps.redo, (step) => stepText(scenario.region, step));
      const result = await autosaveStorage.save(scenario, record);
      if (getState().regionId === scenario.region) {
        if (!result.ok) setState({ autosaveState: 'failed' });
        else setState({ autosavedAt: scenario.savedAt, ...(ticket === scheduledSaves ? { autosaveState: 'saved' as const } : {}) });
      }
      return result;
    },
  };
  const scheduler = createAutosaveScheduler(written, AUTOSAVE_DELAY_MS, (error) => notice('error', 'scenario.autosaveFailed', { error }));
  setStartingScenario(restoreAutosave);
  const unsubscribe = useStore.subscribe((next, prev) => {
    if (next.dataset !== prev.dataset || next.regionId !== prev.regionId) {
      history.clear();
      // a region opened from its autosave gets the undo steps kept with it
      if (restoredSteps && next.phase === 'ready' && restoredSteps.region === next.regionId) history.load(restoredSteps.undo, restoredSteps.redo);
      if (next.phase === 'ready') restoredSteps = null;
      syncHistoryFlags();
      return;
    }
    if (next.phase !== 'ready') return;
    const edited = next.stations !== prev.stations || next.enabledStatus !== prev.enabledStatus || next.rules !== prev.rules;
    if (edited && !applying) {
      const dragged = next.draggingStationId ?? prev.draggingStationId;
      // the many moves of one drag are one step
      history.push(snapshotOf(prev), dragged ? `move:${dragged}` : undefined);
      if (prev.draggingStationId && !next.draggingStationId) history.seal();
      syncHistoryFlags();
    }
    if (edited || next.scenarioName !== prev.scenarioName) {
      // built now, not when written: by then the user may have opened another region
      const scenario = makeScenario(next, scenarioNameOf(next));
      stepsOfSave.set(scenario, history.entries());
      scheduledSaves++;
      scheduler.schedule(() => scenario);
      if (getState().autosaveState !== 'pending') setState({ autosaveState: 'pending' });
    }
  });
  const onHide = () => void scheduler.flush();
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    scheduler.cancel();
    setStartingScenario(async () => null);
  };
}

/** The region's autosaved scenario, if any; a damaged entry is reported and the demo defaults are used. */
async function restoreAutosave(regionId: string): Promise<StartingAnswer> {
  restoredSteps = null;
  if (!storage) return null;
  const loaded = await storage.load(regionId);
  if (loaded.kind === 'loaded') {
    setState({ autosavedAt: loaded.scenario.savedAt, scenarioOrigin: 'restored' });
    return { ...fromSaved(loaded.scenario), notice: restoreNotice(regionId, loaded.scenario.savedAt, loaded.history) };
  }
  setState({ autosavedAt: null, scenarioOrigin: 'demo' });
  if (loaded.kind === 'corrupt') return { notice: { kind: 'warning', key: 'scenario.autosaveDamaged', params: { error: loaded.error } } };
  if (loaded.kind === 'unavailable') return { notice: { kind: 'warning', key: 'scenario.autosaveUnavailable', params: { error: loaded.error } } };
  return null;
}

/** Keeps the autosave's undo steps for its region, and words what was restored (and what of the history was not). */
function restoreNotice(regionId: string, time: string, steps: HistoryLoad): ScenarioNotice {
  if (steps.kind === 'corrupt') return { kind: 'warning', key: 'restore.historyDamaged', params: { time, error: steps.error } };
  if (steps.kind === 'none') return { kind: 'info', key: 'scenario.restored', params: { time } };
  const snapshot = (s: SavedScenario): ScenarioSnapshot => ({ stations: s.stations, enabledStatus: s.enabledStatus, rules: s.rules });
  restoredSteps = { region: regionId, undo: steps.undo.map(snapshot), redo: steps.redo.map(snapshot) };
  if (steps.dropped.length > 0) return { kind: 'warning', key: 'restore.stepsDropped', params: { time, count: steps.dropped.length, error: steps.dropped[0] } };
  return { kind: 'info', key: 'scenario.restored', params: { time } };
}

function fromSaved(scenario: Pick<SavedScenario, 'name' | 'stations' | 'enabledStatus' | 'rules'>): StartingScenario {
  return { name: scenario.name, stations: scenario.stations, enabledStatus: scenario.enabledStatus, rules: scenario.rules };
}

/** Restores a snapshot as the current scenario and re-evaluates it. */
function apply(snapshot: ScenarioSnapshot, extra: Partial<AppState> = {}): void {
  applying = true;
  try {
    setState({ ...snapshot, selectedStationId: null, deleted: null, draggingStationId: null, ...extra });
  } finally {
    applying = false;
  }
  syncHistoryFlags();
}

export function undo(): void {
  const previous = history.undo(snapshotOf(getState()));
  if (previous) apply(previous);
}

export function redo(): void {
  const next = history.redo(snapshotOf(getState()));
  if (next) apply(next);
}

export const setScenarioName = (scenarioName: string) => setState({ scenarioName });

/** The current scenario as file text and a file name. */
export function scenarioFileText(): { text: string; name: string } {
  const state = getState();
  return { text: serializeScenario(makeScenario(state, scenarioNameOf(state))), name: scenarioNameOf(state) };
}

/**
 * Opens a scenario read from a file or a link. A scenario that cannot be used
 * (unknown region) is refused with a notice and nothing changes; one for
 * another region opens that region.
 */
async function openScenario(scenario: Pick<SavedScenario, 'name' | 'region' | 'stations' | 'enabledStatus' | 'rules'> & { dataSources?: SavedScenario['dataSources'] }, source: string): Promise<boolean> {
  // a demo region opens; a region of the user's own opens only if it is the one open now
  const openUserRegion = getState().dataset?.region.id === scenario.region;
  if (!demoRegion(scenario.region) && !openUserRegion) {
    notice('error', 'scenario.unknownRegion', { source, region: scenario.region });
    return false;
  }
  const imported = scenario.dataSources?.population.kind === 'imported' ? scenario.dataSources.population.file : null;
  const loadedNotice: ScenarioNotice = imported
    ? { kind: 'warning', key: 'scenario.loadedWithoutImport', params: { source, file: imported } }
    : { kind: 'info', key: 'scenario.loaded', params: { source, name: scenario.name } };
  const state = getState();
  const scenarioOrigin = source === 'link' ? 'link' : 'file';
  if (scenario.region !== state.regionId || !state.dataset || state.phase !== 'ready' || (state.dataSources.population.kind !== 'demo' && !openUserRegion)) {
    setState({ scenarioOrigin });
    await openRegion(scenario.region, { ...fromSaved(scenario), notice: loadedNotice });
    return true;
  }
  // same region: loading is an edit like any other, so it can be undone
  history.push(snapshotOf(state));
  apply({ stations: scenario.stations, enabledStatus: { ...state.enabledStatus, ...scenario.enabledStatus }, rules: scenario.rules }, { scenarioName: scenario.name, scenarioNotice: loadedNotice, scenarioOrigin });
  return true;
}

/** Reads a scenario file; a damaged or unknown file is refused with its reason and the current scenario stays as it is. */
export async function loadScenarioFile(text: string, fileName: string): Promise<ScenarioFailure | null> {
  const parsed = parseScenario(text, fileName);
  if (!parsed.ok) {
    notice('error', 'scenario.fileRefused', { error: parsed.error });
    return parsed;
  }
  await openScenario(parsed.scenario, fileName);
  return null;
}

/** A link that opens the current scenario, or the reason there is none (too large). */
export function shareLink(baseUrl: string): ShareLinkResult {
  const state = getState();
  return encodeShareLink(makeScenario(state, scenarioNameOf(state)), { baseUrl });
}

/**
 * Opens the scenario in the page address's hash, if there is one, and clears
 * the hash. Returns true when it handled the start-up (a link was there).
 */
export async function openSharedLink(hash: string, clearHash: () => void): Promise<boolean> {
  if (!hash.includes(`${SHARE_PARAM}=`)) return false;
  const decoded = decodeShareLink(hash);
  clearHash();
  if (!decoded) return false;
  if (!decoded.ok) {
    await openRegion(getState().regionId);
    notice('error', 'scenario.linkRefused', { error: decoded.error });
    return true;
  }
  const opened = await openScenario({ ...decoded.scenario }, 'link');
  if (!opened) await openRegion(getState().regionId);
  return true;
}

/** True when the open scenario is the region's demo scenario (its own stations, default rules). */
export function isDemo(state: AppState): boolean {
  return state.dataset !== null && isDemoScenario(state.stations, state.rules, state.dataset.stations);
}

/**
 * Back to the region's demo scenario (its own stations under the default
 * rules) as one undoable edit: undo returns to the scenario left. The autosave
 * then holds the demo, with that step in its history.
 */
export function restoreDemo(): void {
  const state = getState();
  if (!state.dataset || state.phase !== 'ready' || isDemo(state)) return;
  history.push(snapshotOf(state));
  apply(demoScenario(state.dataset.stations), { scenarioName: '', scenarioOrigin: 'demo', scenarioNotice: { kind: 'info', key: 'restore.demoRestored' } });
}

/** Keeps the current figures to compare later edits against. */
export function pinComparison(): void {
  const state = getState();
  if (!state.result) return;
  setState({
    comparison: {
      name: scenarioNameOf(state),
      totals: state.result.totals,
      zones: state.result.zones,
      stationCount: state.stations.filter((s) => s.status !== 'disabled').length,
    },
  });
}

export const clearComparison = () => setState({ comparison: null });
