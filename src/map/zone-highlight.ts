/** Outlines the township the map was last zoomed to (a township row click); any other focus clears it. */
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FocusRequest } from './map-input.ts';
import { LAYER, zoneHighlightFilter } from './layers.ts';

/** The township a focus request highlights, or null. */
export const highlightedZone = (focus: FocusRequest | null): string | null => (focus?.kind === 'zone' ? focus.code : null);

/** Sets the highlight layer's filter; returns false while the style (and so the layer) is not loaded yet. */
export function showZoneHighlight(map: MapLibreMap, code: string | null): boolean {
  if (!map.getLayer(LAYER.zoneHighlight)) return false;
  map.setFilter(LAYER.zoneHighlight, zoneHighlightFilter(code) as FilterSpecification);
  return true;
}
