/**
 * The one store of the app (zustand). The scenario (stations + rules) is the
 * single source of truth the user edits; results come from the worker and are
 * never edited here.
 */
import { create } from 'zustand';
import { DEFAULT_RULES, makeRules, type Rules } from '../core/rules.ts';
import type { CoverageFigures, ZoneRow } from '../core/tables.ts';
import type { Station } from '../core/types.ts';
import type { Capability } from '../core/ems/settings.ts';
import type { FocusRequest, LayerKey } from '../map/map-input.ts';
import type { SuggestProgress } from '../core/suggest/control.ts';
import type { SuggestAnswer } from '../worker/suggest-runner.ts';
import type { EvaluationUpdate, ImportedCalls, ImportedPopulation, ImportedRoads, ImportedZones, LoadedDataset, ResultTag } from '../worker/api.ts';
import type { RowProblem } from '../io/errors.ts';
import type { Language } from '../i18n/types.ts';

export type { Language } from '../i18n/types.ts';

export { LAYER_KEYS, type LayerKey, type FocusRequest } from '../map/map-input.ts';

export type PanelKey = 'stations' | 'rules' | 'results' | 'ems' | 'scenario' | 'suggest';


/** Where the population or zones in use came from: the embedded demo data, or a file the user imported. */
export type DataSource = { kind: 'demo' } | { kind: 'imported'; file: string };

export interface DataSources {
  population: DataSource;
  zones: DataSource;
}

export const DEMO_SOURCES: DataSources = { population: { kind: 'demo' }, zones: { kind: 'demo' } };

/** A population, zone or road import running in the worker. */
export interface ImportJob {
  id: string;
  kind: 'population' | 'zones' | 'roads' | 'calls';
  file: string;
  /** Fraction done, 0–1. */
  fraction: number;
  /** Progress reports received so far. */
  updates: number;
}

/** How the last population, zone or road import ended. */
export type ImportOutcome = { of: ImportJob['kind'] } & (
  | { kind: 'done'; population: ImportedPopulation | null; zones: ImportedZones | null; roads: ImportedRoads | null; calls?: ImportedCalls | null }
  | { kind: 'cancelled'; file: string }
  | { kind: 'error'; file: string; message: string }
);

/** A region being opened in the worker from the user's files or a pack. */
export interface RegionJob {
  id: string;
  /** The file (or first file) being read. */
  file: string;
  fraction: number;
}

/** How opening the user's own region ended. */
export type RegionOutcome =
  | { kind: 'done'; name: string; problems: RowProblem[]; notes: string[] }
  | { kind: 'cancelled'; file: string }
  | { kind: 'error'; file: string; message: string };

/** A message key of the scenario strings with its parameters; errors carry the reader's own English text. */
export interface ScenarioNotice {
  kind: 'info' | 'warning' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

/** The figures of a scenario kept for comparison (taken from its evaluated result). */
export interface PinnedScenario {
  name: string;
  totals: CoverageFigures;
  zones: ZoneRow[];
  stationCount: number;
}

export interface DeletedStation {
  station: Station;
  index: number;
}

/** The details card open on the map: a station's, or a clicked point's (`cell` = grid index, null when no cell is there). */
export type MapCard = { kind: 'station'; id: string } | { kind: 'point'; lng: number; lat: number; cell: number | null };

/** The open region's road network as the panels describe it. */
export interface RoadsSummary {
  /** The road file it was read from (or the pack that stored it). */
  file: string;
  /** Drivable ways kept (inside the region plus its margin). */
  ways: number;
}

export interface AppState {
  language: Language;
  regionId: string;
  phase: 'loading' | 'ready' | 'error';
  error: string | null;
  dataset: LoadedDataset | null;
  stations: Station[];
  /** Status a disabled station returns to when switched on again. */
  enabledStatus: Record<string, Station['status']>;
  rules: Rules;
  result: EvaluationUpdate | null;
  /** Counts datasets loaded (a region opened, an import): a result of an older generation is never shown. */
  datasetGeneration: number;
  /** Counts edits of the scenario (dataset, stations, rules); the result is current when its tag matches. */
  scenarioVersion: number;
  /** Milliseconds from the request to the result being stored (latest update). */
  lastLatencyMs: number | null;
  layers: Record<LayerKey, boolean>;
  /** The capability the hospital transport layer draws (null: the first one the result has). */
  hospitalCapability: Capability | null;
  basemapUrl: string;
  collapsed: Record<PanelKey, boolean>;
  addMode: boolean;
  selectedStationId: string | null;
  /** Name the scenario is saved under ('' until the user names it). */
  scenarioName: string;
  canUndo: boolean;
  canRedo: boolean;
  /** When the scenario was last written to autosave (ISO), or null. */
  autosavedAt: string | null;
  /** The outcome of the last scenario action (load, link, autosave restore), shown in the scenario panel. */
  scenarioNotice: ScenarioNotice | null;
  /** A scenario pinned to compare the current one against. */
  comparison: PinnedScenario | null;
  /** A site suggestion running in the worker (progress), or null. */
  suggestJob: { id: string; progress: SuggestProgress | null } | null;
  /** The last suggestion, shown in its panel and on the map until cleared. */
  suggestion: SuggestAnswer | null;
  /** The scenario the suggestion was computed for: any other edit makes it out of date (its own picks accepted keep it current). */
  suggestionFor: { dataset: number; version: number } | null;
  suggestError: string | null;
  /** The station under the pointer while it is dragged (null otherwise). */
  draggingStationId: string | null;
  highlightedGap: number | null;
  focus: FocusRequest | null;
  deleted: DeletedStation | null;
  /** Counter for names and ids of stations the user adds. */
  addedCount: number;
  /** Which population and zones are in use (the modelled badge shows only for demo population). */
  dataSources: DataSources;
  importOpen: boolean;
  importJob: ImportJob | null;
  importOutcome: ImportOutcome | null;
  /** A region being opened from the user's files or a pack (progress), or null. */
  regionJob: RegionJob | null;
  /** How the last opening of the user's own region ended (shown in the new-region dialog). */
  regionOutcome: RegionOutcome | null;
  newRegionOpen: boolean;
  /** The user's own region kept in the browser (reopened from the region list after a reload), or null. */
  savedUserRegion: { id: string; name: string } | null;
  /** How the open scenario was opened: the demo, the autosave, a scenario file or a share link (the banner says which). */
  scenarioOrigin: ScenarioOrigin;
  /** The autosave of the latest edit: none asked for yet, waiting to be written, written, or failed. */
  autosaveState: 'idle' | 'pending' | 'saved' | 'failed';
  card: MapCard | null;
  /** The open region's road network, or null (reach is then straight-line only). */
  roads: RoadsSummary | null;
  /**
   * The scenario the shown `result.response` was computed for: light updates
   * (a drag) repeat an earlier full update's figures, so the curve is tagged
   * with this, never with the light update's own version.
   */
  responseFor: ResultTag | null;
  /** The scenario the shown `result.ems` was computed for (light updates repeat an earlier full update's, as for responseFor). */
  emsFor: ResultTag | null;
}

export type ScenarioOrigin = 'demo' | 'restored' | 'file' | 'link';

export const initialState: AppState = {
  language: 'zh-CN',
  regionId: '350525',
  phase: 'loading',
  error: null,
  dataset: null,
  stations: [],
  enabledStatus: {},
  rules: makeRules(),
  result: null,
  datasetGeneration: 0,
  scenarioVersion: 0,
  lastLatencyMs: null,
  layers: { population: false, status: true, minutes: true, backup: false, calls: false, workload: false, hospital: false, equity: false, gaps: true, radii: true, circles: false, stations: true, townships: true, basemap: false },
  hospitalCapability: null,
  basemapUrl: '',
  collapsed: { stations: false, rules: true, results: false, ems: true, scenario: true, suggest: true },
  addMode: false,
  selectedStationId: null,
  draggingStationId: null,
  scenarioName: '',
  canUndo: false,
  canRedo: false,
  autosavedAt: null,
  scenarioNotice: null,
  comparison: null,
  suggestJob: null,
  suggestion: null,
  suggestionFor: null,
  suggestError: null,
  highlightedGap: null,
  focus: null,
  deleted: null,
  addedCount: 0,
  dataSources: DEMO_SOURCES,
  importOpen: false,
  importJob: null,
  importOutcome: null,
  regionJob: null,
  regionOutcome: null,
  newRegionOpen: false,
  savedUserRegion: null,
  scenarioOrigin: 'demo',
  autosaveState: 'idle',
  card: null,
  roads: null,
  responseFor: null,
  emsFor: null,
};

export const useStore = create<AppState>()(() => initialState);

/** Shorthand for the store's current state outside React. */
export const getState = () => useStore.getState();
export const setState = useStore.setState;

/** True when `tag` is the scenario on screen: its dataset generation and version (partial or not). */
const ofScenarioOnScreen = (tag: ResultTag, state: Pick<AppState, 'datasetGeneration' | 'scenarioVersion'>): boolean => tag.dataset === state.datasetGeneration && tag.version === state.scenarioVersion;

/** True when the result shown is the result of the scenario on screen (not an earlier version, not partial). */
export function resultIsCurrent(state: Pick<AppState, 'result' | 'datasetGeneration' | 'scenarioVersion'>): boolean {
  const tag = state.result?.tag;
  return !!tag && !tag.partial && ofScenarioOnScreen(tag, state);
}

/**
 * True while the result shown is a new region's first answer for the scenario
 * on screen: its statuses, totals, tables and before/after are current, its
 * gap groups and EMS figures are still being computed (they follow).
 */
export function headlineIsCurrent(state: Pick<AppState, 'result' | 'datasetGeneration' | 'scenarioVersion'>): boolean {
  const result = state.result;
  return !!result && result.gaps === null && ofScenarioOnScreen(result.tag, state);
}

/** True when the response figures shown are those of the scenario on screen (a drag's light updates repeat older ones). */
export function responseIsCurrent(state: Pick<AppState, 'result' | 'responseFor' | 'datasetGeneration' | 'scenarioVersion'>): boolean {
  const tag = state.responseFor;
  return !!state.result?.response && !!tag && !tag.partial && ofScenarioOnScreen(tag, state);
}

/**
 * The scenario an update's response figures belong to: its own tag when it
 * computed them, the previous tag when it repeats them (a light update
 * during a drag), null when there are none (straight line).
 */
export function responseTagOf(update: Pick<EvaluationUpdate, 'tag' | 'response' | 'responseUpdated'>, previous: ResultTag | null): ResultTag | null {
  return !update.response ? null : update.responseUpdated ? update.tag : previous;
}

/** The panels' summary of a region's road network (null without one): the file it came from and the ways kept. */
export function roadsSummaryOf(dataset: LoadedDataset | null): RoadsSummary | null {
  const roads = dataset?.region.roads;
  return roads ? { file: roads.source.source, ways: roads.counts.waysKept } : null;
}

/** The scenario an update's EMS figures belong to: its own tag when it computed them, the previous one when it repeats them (a light update). */
export function emsTagOf(update: Pick<EvaluationUpdate, 'tag' | 'emsUpdated'>, previous: ResultTag | null): ResultTag | null {
  return update.emsUpdated ? update.tag : previous;
}

/** True when the EMS figures shown are those of the scenario on screen (a drag's light updates repeat older ones). */
export function emsIsCurrent(state: Pick<AppState, 'result' | 'emsFor' | 'datasetGeneration' | 'scenarioVersion'>): boolean {
  const tag = state.emsFor;
  return !!state.result?.ems && !!tag && !tag.partial && ofScenarioOnScreen(tag, state);
}

/** True when a suggestion is shown that was computed for an earlier scenario. */
export function suggestionIsStale(state: Pick<AppState, 'suggestion' | 'suggestionFor' | 'datasetGeneration' | 'scenarioVersion'>): boolean {
  const f = state.suggestionFor;
  return state.suggestion !== null && (!f || f.dataset !== state.datasetGeneration || f.version !== state.scenarioVersion);
}

export { DEFAULT_RULES };
