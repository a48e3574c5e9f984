/**
 * MapLibre's own control texts (zoom buttons, attribution toggle, scale units,
 * the canvas label) in the UI's language. MapLibre reads them from the map's
 * locale table when a control is added, so a language switch updates the
 * table and adds the controls again.
 */
import type maplibregl from 'maplibre-gl';

/** MapLibre UI string id → the app's i18n key. */
const KEYS = {
  'NavigationControl.ZoomIn': 'maplibre.zoomIn',
  'NavigationControl.ZoomOut': 'maplibre.zoomOut',
  'NavigationControl.ResetBearing': 'maplibre.resetBearing',
  'AttributionControl.ToggleAttribution': 'maplibre.toggleAttribution',
  'AttributionControl.MapFeedback': 'maplibre.mapFeedback',
  'Map.Title': 'maplibre.map',
  'ScaleControl.Kilometers': 'maplibre.kilometres',
  'ScaleControl.Meters': 'maplibre.metres',
} as const;

/**
 * The `locale` option of a MapLibre map for one language.
 * @param text the app's translation of an i18n key in that language
 * @example new maplibregl.Map({ container, style, locale: mapUiLocale((k) => translate('zh-CN', k)) })
 */
export function mapUiLocale(text: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(KEYS).map(([id, key]) => [id, text(key)]));
}

/**
 * Switches a live map's control texts to another locale: the table the
 * controls read (MapLibre has no public setter), and the canvas label, which
 * MapLibre sets once. Controls added afterwards use the new texts.
 */
export function setMapUiLocale(map: maplibregl.Map, locale: Record<string, string>): void {
  Object.assign(map._locale, locale);
  map.getCanvas().setAttribute('aria-label', locale['Map.Title']);
}
