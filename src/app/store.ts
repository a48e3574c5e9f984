/**
 * The one store of the app (zustand). The scenario (stations + rules) is the
 * single source of truth the user edits; results come from the worker and are
 * never edited here.
 */
import { create } from 'zustand';
import { DEFAULT_RULES, makeRules, type Rules } from '../core/rules.ts';
import type { CoverageFigures, ZoneRow } from '../core/tables.ts';
import type { AreaType, Station } from '../core/types.ts';
import type { SuggestProgress } from '../core/suggest/control.ts';
import type { SuggestAnswer } from '../worker/suggest-runner.ts';
import type { EvaluationUpdate, ImportedPopulation, ImportedZones, LoadedDataset } from '../worker/api.ts';

export type Language = 'zh-CN' | 'en';

export const LAYER_KEYS = ['population', 'status', 'gaps', 'radii', 'circles', 'stations', 'townships', 'basemap'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export type PanelKey = 'stations' | 'rules' | 'results' | 'scenario' | 'suggest';

/** Something the map should fly to; `nonce` makes a repeated click count. */
export type FocusRequest =
  | { kind: 'zone'; code: string; nonce: number }
  | { kind: 'gap'; rank: number; nonce: number }
  | { kind: 'station'; id: string; nonce: number }
  | { kind: 'region'; nonce: number };

/** Where the population or zones in use came from: the embedded demo data, or a file the user imported. */
export type DataSource = { kind: 'demo' } | { kind: 'imported'; file: string };

export interface DataSources {
  population: DataSource;
  zones: DataSource;
}

export const DEMO_SOURCES: DataSources = { population: { kind: 'demo' }, zones: { kind: 'demo' } };

/** A population or zone import running in the worker. */
export interface ImportJob {
  id: string;
  kind: 'population' | 'zones';
  file: string;
  /** Fraction done, 0–1. */
  fraction: number;
  /** Progress reports received so far. */
  updates: number;
}

/** How the last population or zone import ended. */
export type ImportOutcome = { of: ImportJob['kind'] } & (
  | { kind: 'done'; population: ImportedPopulation | null; zones: ImportedZones | null }
  | { kind: 'cancelled'; file: string }
  | { kind: 'error'; file: string; message: string }
);

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
  /** Milliseconds from the request to the result being stored (latest update). */
  lastLatencyMs: number | null;
  layers: Record<LayerKey, boolean>;
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
  card: MapCard | null;
}

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
  lastLatencyMs: null,
  layers: { population: false, status: true, gaps: true, radii: true, circles: false, stations: true, townships: true, basemap: false },
  basemapUrl: '',
  collapsed: { stations: false, rules: true, results: false, scenario: true, suggest: true },
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
  suggestError: null,
  highlightedGap: null,
  focus: null,
  deleted: null,
  addedCount: 0,
  dataSources: DEMO_SOURCES,
  importOpen: false,
  importJob: null,
  importOutcome: null,
  card: null,
};

export const useStore = create<AppState>()(() => initialState);

/** Shorthand for the store's current state outside React. */
export const getState = () => useStore.getState();
export const setState = useStore.setState;

/** Area type of a zone under the current rules. */
export function zoneAreaType(state: AppState, code: string, fallback: AreaType): AreaType {
  return state.rules.areaTypeOverrides[code] ?? fallback;
}

export { DEFAULT_RULES };
