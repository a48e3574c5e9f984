/**
 * The view state the map draws, and the small types the store shares with
 * it (layer keys, focus requests). The store imports these from here, so the
 * map never imports the store.
 */
import type { Rules } from '../core/rules.ts';
import type { Station } from '../core/types.ts';
import type { Language } from '../i18n/types.ts';
import type { EvaluationUpdate, LoadedDataset } from '../worker/api.ts';
import type { SuggestedPoint } from './suggestions.ts';

export const LAYER_KEYS = ['population', 'status', 'gaps', 'radii', 'circles', 'stations', 'townships', 'basemap'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

/** Something the map should fly to; `nonce` makes a repeated click count. */
export type FocusRequest =
  | { kind: 'zone'; code: string; nonce: number }
  | { kind: 'gap'; rank: number; nonce: number }
  | { kind: 'station'; id: string; nonce: number }
  | { kind: 'region'; nonce: number };

/** What the map controller reads: the part of the app state it draws (the store's state is one). */
export interface MapViewState {
  language: Language;
  dataset: LoadedDataset | null;
  stations: Station[];
  rules: Rules;
  result: EvaluationUpdate | null;
  layers: Record<LayerKey, boolean>;
  basemapUrl: string;
  selectedStationId: string | null;
  suggestion: { picks: readonly SuggestedPoint[] } | null;
  draggingStationId: string | null;
  highlightedGap: number | null;
  focus: FocusRequest | null;
}
