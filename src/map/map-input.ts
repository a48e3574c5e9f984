/**
 * What the map draws, and nothing more, and the small types the store shares
 * with the map (layer keys, focus requests): the map controller takes a
 * MapInput, not the app's state, so src/map never imports the store. The app
 * maps its state onto it (src/ui/map-input-of.ts).
 */
import type { Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { EvaluationUpdate, LoadedDataset } from '../worker/api.ts';
import type { Language } from '../i18n/types.ts';
import type { SuggestedPoint } from './suggestions.ts';
import type { Capability } from '../core/ems/settings.ts';

/** Calls per cell of the dataset drawn (aligned with its cells), and whether they are synthetic. */
export interface MapCalls {
  perCell: ArrayLike<number>;
  synthetic: boolean;
}

export type MapLanguage = Language;

export const LAYER_KEYS = ['population', 'status', 'minutes', 'backup', 'calls', 'workload', 'hospital', 'equity', 'gaps', 'radii', 'circles', 'stations', 'townships', 'basemap'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Something the map should fly to; `nonce` makes a repeated click count. */
export type FocusRequest =
  | { kind: 'zone'; code: string; nonce: number }
  | { kind: 'gap'; rank: number; nonce: number }
  | { kind: 'station'; id: string; nonce: number }
  | { kind: 'region'; nonce: number };

export interface MapInput {
  language: MapLanguage;
  dataset: LoadedDataset | null;
  /** Generation of `dataset`: a result whose tag names another generation is never drawn. */
  datasetGeneration: number;
  result: EvaluationUpdate | null;
  /** `result` is the final result of the current scenario version (the worker holds what the stations say). */
  resultCurrent: boolean;
  stations: readonly Station[];
  selectedStationId: string | null;
  draggingStationId: string | null;
  /** For the circle's formula label; radii come from src/core/rings.ts. */
  rules: Rules;
  layers: Readonly<Record<LayerKey, boolean>>;
  basemapUrl: string;
  highlightedGap: number | null;
  focus: FocusRequest | null;
  /** Calls per cell of `dataset`, or null when none are loaded (the call density layer). */
  calls: MapCalls | null;
  /** The capability whose hospital transport minutes the hospital layer draws, or null. */
  hospitalCapability: Capability | null;
  /** Suggested sites, and whether they were computed for an earlier scenario (drawn greyed). */
  suggestion: { picks: readonly SuggestedPoint[]; stale: boolean } | null;
}
