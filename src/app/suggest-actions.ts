/**
 * Site suggestion from the app: ask the worker (with progress and cancel),
 * keep the answer for the panel and the map, and turn an accepted pick into a
 * proposed station.
 */
import type { Station } from '../core/types.ts';
import type { SuggestRequest } from '../worker/suggest-runner.ts';
import { requireClient } from './actions.ts';
import { getState, setState, suggestionIsStale } from './store.ts';

let counter = 0;

export type SuggestSettings = Omit<SuggestRequest, 'stations'>;

/** Runs a suggestion for the current scenario; a newer run or a cancel supersedes it. */
export async function runSuggestion(settings: SuggestSettings): Promise<void> {
  const previous = getState().suggestJob;
  if (previous) void requireClient().cancelSuggest(previous.id);
  const id = `suggest-${++counter}`;
  setState({ suggestJob: { id, progress: null }, suggestError: null });
  // the scenario the answer will belong to; the request's stations are the store's at this version
  const asked = { dataset: getState().datasetGeneration, version: getState().scenarioVersion };
  try {
    const answer = await requireClient().suggest(id, { ...settings, stations: getState().stations }, (progress) => {
      if (getState().suggestJob?.id === id) setState({ suggestJob: { id, progress } });
    });
    if (getState().suggestJob?.id === id) setState({ suggestion: answer, suggestionFor: asked, suggestJob: null });
  } catch (e) {
    if (getState().suggestJob?.id !== id) return;
    const error = e as Error;
    setState({ suggestJob: null, suggestError: error.name === 'AbortError' ? null : error.message });
  }
}

export function cancelSuggestion(): void {
  const job = getState().suggestJob;
  if (!job) return;
  void requireClient().cancelSuggest(job.id);
  setState({ suggestJob: null });
}

export const clearSuggestion = () => setState({ suggestion: null, suggestionFor: null, suggestError: null });

/**
 * Adds a suggested site as a proposed station (named by the caller, in the UI
 * language) and drops it from the list, whose later gains assumed it built.
 * @returns the new station's id
 */
export function acceptSuggestedSite(rank: number, name: string): string | null {
  const state = getState();
  const { suggestion, stations, enabledStatus } = state;
  const pick = suggestion?.picks.find((p) => p.rank === rank);
  // an out-of-date suggestion's picks assumed another scenario: recompute first
  if (!suggestion || !pick || suggestionIsStale(state)) return null;
  let id = `suggested-${pick.h3}`;
  while (stations.some((s) => s.id === id)) id += '-';
  const station: Station = {
    id,
    name,
    kind: 'station',
    status: 'proposed',
    lng: pick.lng,
    lat: pick.lat,
    positionApproximate: false,
    ...(pick.zoneCode ? { township: pick.zoneCode } : {}),
    note: `suggested site ${rank}: +${Math.round(pick.populationAdded)} people (${suggestion.objective})`,
  };
  setState({
    stations: [...stations, station],
    enabledStatus: { ...enabledStatus, [id]: 'proposed' },
    selectedStationId: id,
    // the picks keep their model's own fields: filtering does not change their kind
    suggestion: { ...suggestion, picks: suggestion.picks.filter((p) => p.rank !== rank) } as typeof suggestion,
  });
  // accepting one of its own picks keeps the rest of the suggestion valid: the set was chosen together
  setState({ suggestionFor: { dataset: getState().datasetGeneration, version: getState().scenarioVersion } });
  return id;
}
