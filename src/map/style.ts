/**
 * The map's style: background, optional online basemap and the overlay
 * layers over empty sources that the controller fills. It has no `glyphs`
 * URL, so MapLibre draws every label locally and nothing goes to the network.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification, RasterSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { COLOURS, LAYER, overlayLayers, SOURCE } from './layers.ts';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** True when `url` is an http(s) XYZ tile template with {z}, {x} and {y}. */
export function isTileTemplate(url: string): boolean {
  const u = url.trim();
  return /^https?:\/\/\S+$/i.test(u) && u.includes('{z}') && u.includes('{x}') && (u.includes('{y}') || u.includes('{-y}'));
}

/**
 * The raster source of an online basemap, or null when the URL is not a tile template.
 * @example basemapSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')?.tiles // ['https://tile.openstreetmap.org/{z}/{x}/{y}.png']
 */
export function basemapSource(url: string): RasterSourceSpecification | null {
  if (!isTileTemplate(url)) return null;
  const u = url.trim();
  return { type: 'raster', tiles: [u], tileSize: 256, maxzoom: 19, attribution: `Basemap: ${new URL(u.replace(/\{[^}]+\}/g, '0')).host}` };
}

export const basemapLayer = (): LayerSpecification => ({
  id: LAYER.basemap,
  type: 'raster',
  source: SOURCE.basemap,
  paint: { 'raster-opacity': 0.75 },
});

const geojson = (extra: Partial<GeoJSONSourceSpecification> = {}): GeoJSONSourceSpecification => ({ type: 'geojson', data: EMPTY, ...extra });

export interface StyleOptions {
  /** Online XYZ basemap template; only used when it is one (see isTileTemplate). */
  basemapUrl?: string | null;
  highlightedGap?: number | null;
  counties?: readonly string[];
}

/**
 * Builds the complete offline style.
 * @example buildStyle().layers[0].id // 'background'
 */
export function buildStyle(options: StyleOptions = {}): StyleSpecification {
  const basemap = options.basemapUrl ? basemapSource(options.basemapUrl) : null;
  return {
    version: 8,
    name: 'ems-coverage',
    // no animated paint changes: each would cost extra frames, and a software-rendered frame of a whole city costs ~300 ms
    transition: { duration: 0, delay: 0 },
    sources: {
      ...(basemap ? { [SOURCE.basemap]: basemap } : {}),
      [SOURCE.counties]: geojson(),
      // feature ids: township equity paints each zone by feature-state (ems-layers.ts)
      [SOURCE.zones]: geojson({ promoteId: 'code' }),
      // cells are small polygons: no need for deep tiles or a wide buffer
      [SOURCE.cells]: geojson({ maxzoom: 13, buffer: 16, tolerance: 0.3 }),
      [SOURCE.parents]: geojson({ maxzoom: 11, buffer: 16 }),
      // feature ids: a drag fades the last gap outlines by feature-state (a frame shared with the cells' paint)
      [SOURCE.gaps]: geojson({ promoteId: 'rank' }),
      [SOURCE.gapLabels]: geojson(),
      // feature ids: a dragged station's marker and rings are hidden by feature-state (see drag-overlay.ts)
      [SOURCE.radii]: geojson({ promoteId: 'stationId' }),
      [SOURCE.zoneLabels]: geojson(),
      [SOURCE.stations]: geojson({ buffer: 64, promoteId: 'id' }),
      [SOURCE.suggestions]: geojson({ buffer: 64 }),
      [SOURCE.isochrones]: geojson(),
      [SOURCE.firstDue]: geojson(),
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': COLOURS.background } },
      ...(basemap ? [basemapLayer()] : []),
      ...overlayLayers({ highlightedGap: options.highlightedGap ?? null, counties: options.counties ?? [] }),
    ],
  };
}
