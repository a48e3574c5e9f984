/**
 * The one path from the scenario to results: watches the store's dataset,
 * stations and rules, and asks the worker for what changed. Every change is a
 * new scenario version; each request carries the dataset generation and the
 * version it was made for, and so does its answer, so the panels and the map
 * can tell a current result from a stale one. Actions only edit the store.
 */
import type { Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { ResultTag } from '../worker/api.ts';
import type { AppState } from './store.ts';

/** What the sync sends (the worker client's methods). */
export interface EvaluationSink {
  /** `headlineFirst`: a new dataset's figures come first, its gap groups and EMS figures after (see CoverageClient). */
  evaluate(stations: Station[], rules: Rules, tag: ResultTag, headlineFirst?: boolean): void;
  upsert(station: Station, light: boolean, tag: ResultTag): void;
  remove(id: string, tag: ResultTag): void;
}

/** Above this many changed stations one full evaluation is cheaper than the single-station updates. */
const MAX_INCREMENTAL = 8;

type Store = {
  getState(): AppState;
  setState(partial: Partial<AppState>): void;
  subscribe(listener: (next: AppState, prev: AppState) => void): () => void;
};

/**
 * Starts sending the store's scenario to `sink`. Returns a function that stops.
 * The first request goes out when a dataset is ready (phase 'ready').
 */
export function syncEvaluations(store: Store, sink: EvaluationSink): () => void {
  // what the worker was last told: the scenario it holds
  let sentDataset: AppState['dataset'] = null;
  let sentStations: Station[] = [];
  let sentRules: Rules | null = null;

  const send = (state: AppState) => {
    if (state.phase !== 'ready' || !state.dataset) return;
    const datasetChanged = state.dataset !== sentDataset;
    if (!datasetChanged && state.stations === sentStations && state.rules === sentRules) return;
    const generation = datasetChanged ? state.datasetGeneration + 1 : state.datasetGeneration;
    const version = state.scenarioVersion + 1;
    const tag: ResultTag = { dataset: generation, version };
    const previous = sentStations;
    const rulesChanged = state.rules !== sentRules;
    sentDataset = state.dataset;
    sentStations = state.stations;
    sentRules = state.rules;
    // the requests go out first, so the worker starts while this thread draws the store change (a new region's
    // map layers); the version is written right after, before any answer can arrive (answers come as messages)
    const changes = datasetChanged || rulesChanged ? null : stationChanges(previous, state.stations);
    if (!changes || changes.upserts.length + changes.removals.length > MAX_INCREMENTAL) {
      sink.evaluate(state.stations, state.rules, tag, datasetChanged);
    } else {
      // only the last request's answer completes this version; the ones before it are marked partial
      const steps = [...changes.removals.map((id) => ({ id })), ...changes.upserts.map((station) => ({ station }))];
      steps.forEach((step, k) => {
        const stepTag: ResultTag = k === steps.length - 1 ? tag : { ...tag, partial: true };
        if ('id' in step) sink.remove(step.id, stepTag);
        else sink.upsert(step.station, step.station.id === state.draggingStationId, stepTag);
      });
    }
    store.setState({ datasetGeneration: generation, scenarioVersion: version });
  };

  send(store.getState());
  return store.subscribe((next) => send(next));
}

/**
 * Stations added or changed (by object identity: the store replaces a
 * station's object on every edit) and ids removed, between two lists.
 * @example stationChanges([a, b], [a, b2]) // { upserts: [b2], removals: [] }
 */
export function stationChanges(before: readonly Station[], after: readonly Station[]): { upserts: Station[]; removals: string[] } {
  const old = new Map(before.map((s) => [s.id, s]));
  const upserts: Station[] = [];
  for (const s of after) {
    if (old.get(s.id) !== s) upserts.push(s);
    old.delete(s.id);
  }
  return { upserts, removals: [...old.keys()] };
}
