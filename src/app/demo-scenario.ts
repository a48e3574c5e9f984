/**
 * The demo scenario of an open region (the dataset's own stations, default
 * rules) and whether the scenario on screen is it: the banner shows whenever
 * it is not, however the difference came (an autosave, a file, a link, edits).
 */
import { makeRules, type Rules } from '../core/rules.ts';
import type { Station, StationStatus } from '../core/types.ts';

/** The edited part of a scenario (what undo restores). */
export interface ScenarioParts {
  stations: Station[];
  enabledStatus: Record<string, StationStatus>;
  rules: Rules;
}

/** The status each station returns to when switched on, as a region opens with (disabled ones: existing). */
export function defaultEnabledStatus(stations: readonly Station[]): Record<string, StationStatus> {
  return Object.fromEntries(stations.map((s) => [s.id, s.status === 'disabled' ? 'existing' : s.status]));
}

/** The scenario a region opens with when nothing was kept: its own stations under the default rules. */
export function demoScenario(datasetStations: readonly Station[]): ScenarioParts {
  return { stations: [...datasetStations], enabledStatus: defaultEnabledStatus(datasetStations), rules: makeRules() };
}

/**
 * Equal as data: same keys with the same values, a key holding undefined
 * counting as absent (a station read back from a file has no `township: undefined`).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameData(x, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (!sameData(x[k], y[k])) return false;
  return true;
}

let last: { stations: readonly Station[]; rules: Rules; demo: readonly Station[]; answer: boolean } | null = null;

/**
 * True when the stations (in order, every field) are the dataset's own and the
 * rules are the defaults. Remembers the last answer, since the store asks on
 * every change and the inputs rarely change.
 * @example isDemoScenario(dataset.stations, makeRules(), dataset.stations) // true
 */
export function isDemoScenario(stations: readonly Station[], rules: Rules, datasetStations: readonly Station[]): boolean {
  if (last && last.stations === stations && last.rules === rules && last.demo === datasetStations) return last.answer;
  const answer = sameData(stations, datasetStations) && sameData(rules, makeRules());
  last = { stations, rules, demo: datasetStations, answer };
  return answer;
}
