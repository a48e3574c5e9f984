/**
 * Paints per-feature statuses on a status layer pair (fill + outside-circle
 * tint) the way both the live map and the print copy draw them: the first
 * paint fixes the layers' baseline (what a feature without state shows) and
 * sets feature-state only where a feature differs; later paints set it only
 * where a feature changed since the last one.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { outsideCircleOpacity, statusFillColor, statusFillOpacity } from './layers.ts';
import { CellStateTracker, commonBaseline } from './status-diff.ts';

/**
 * @param map null to track the statuses without painting (cells not drawn in a coarse region)
 * @param tracker what was painted last, or null for a first paint
 * @returns the tracker to pass next time, and the ids of the features set
 */
export function paintStatus(
  map: MapLibreMap | null,
  source: string,
  [statusLayer, outsideLayer]: readonly [string, string],
  tracker: CellStateTracker | null,
  status: Uint8Array,
  inside: Uint8Array,
): { tracker: CellStateTracker; changed: Int32Array } {
  if (!tracker) {
    tracker = new CellStateTracker(status.length, commonBaseline(status, inside));
    if (!map) return { tracker, changed: tracker.update(status, inside) };
    map.setPaintProperty(statusLayer, 'fill-color', statusFillColor(tracker.baseline.status));
    map.setPaintProperty(statusLayer, 'fill-opacity', statusFillOpacity(tracker.baseline.status));
    map.setPaintProperty(outsideLayer, 'fill-opacity', outsideCircleOpacity(tracker.baseline.inside));
  }
  const changed = tracker.update(status, inside);
  for (let k = 0; map && k < changed.length; k++) {
    const i = changed[k];
    map.setFeatureState({ source, id: i }, { s: tracker.statusOf(i), c: tracker.insideOf(i) });
  }
  return { tracker, changed };
}
