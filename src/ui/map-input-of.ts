/**
 * The app's state as what the map draws (src/map/map-input.ts). Fields keep
 * their identity while unchanged, so the map controller redraws only what did.
 */
import { resultIsCurrent, suggestionIsStale, type AppState } from '../app/store.ts';
import type { MapCalls, MapInput } from '../map/map-input.ts';
import { capabilityDrawn } from '../map/capabilities-on-map.ts';
import type { LoadedDataset } from '../worker/api.ts';

/** The dataset's calls per cell, when calls are imported. */
export const callsOf = (dataset: LoadedDataset | null): MapCalls | null => dataset?.calls ?? null;

export function mapInputSelector(): (state: AppState) => MapInput {
  let lastSuggestion: { answer: AppState['suggestion']; stale: boolean; value: MapInput['suggestion'] } | null = null;
  return (state) => {
    const stale = suggestionIsStale(state);
    if (!lastSuggestion || lastSuggestion.answer !== state.suggestion || lastSuggestion.stale !== stale) {
      lastSuggestion = { answer: state.suggestion, stale, value: state.suggestion ? { picks: state.suggestion.picks, stale } : null };
    }
    return {
      language: state.language,
      dataset: state.dataset,
      datasetGeneration: state.datasetGeneration,
      result: state.result,
      resultCurrent: resultIsCurrent(state),
      stations: state.stations,
      selectedStationId: state.selectedStationId,
      draggingStationId: state.draggingStationId,
      rules: state.rules,
      layers: state.layers,
      basemapUrl: state.basemapUrl,
      highlightedGap: state.highlightedGap,
      focus: state.focus,
      suggestion: lastSuggestion.value,
      calls: callsOf(state.dataset),
      hospitalCapability: capabilityDrawn(state.stations, state.hospitalCapability),
    };
  };
}
