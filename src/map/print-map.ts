/**
 * Renders the live map's view again at print resolution, in the hidden copy
 * kept by print-twin.ts: sized in CSS pixels so that CSS size × pixel ratio
 * is the target in device pixels, fitted to the live view's bounds. Each
 * variant (e.g. after, then before the proposed stations) repaints the cell
 * statuses, is drafted small until everything has loaded, then drawn once at
 * print resolution and read back. It reads statuses; it never computes coverage.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSourceSpecification, Map as MapLibreMap, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { LAYER, SOURCE } from './layers.ts';
import { paintPrintMinutes, paintPrintStatus, type PrintCells } from './print-status.ts';
import { DRAFT_RATIO, withPrintTwin } from './print-twin.ts';

/** One map to print: the cell statuses to paint and what to leave out. */
export interface PrintVariant {
  /** Per cell: 0 covered, 1 marginal, 2 gap (the result's `status`). */
  status: Uint8Array;
  /** Per cell: 1 inside the emergency circle. */
  withinCircle: Uint8Array;
  /** Stations (and their rings) left off this map, e.g. the proposed ones on the "before" map. */
  hideStations?: ReadonlySet<string>;
  /** Leaves the gap outlines off (they belong to the scenario, not to its baseline). */
  hideGaps?: boolean;
  /**
   * Response minutes on roads of this map (the result's `minutes` and
   * `roadAccess`) and the circle's minutes, the ramp's key step: painted on
   * the response-time layer when the live map shows it; absent, that layer
   * is left off this map (a baseline without minutes).
   */
  minutes?: { minutes: Float32Array; roadAccess?: Uint8Array | null; circleMinutes: number } | null;
}

export interface PrintMapRequest {
  /** The loaded cells (feature ids are their indices), for the parents drawn at low zoom. */
  cells: PrintCells;
  /** Target size of each map in device pixels. */
  widthPx: number;
  heightPx: number;
  /** Device pixels per CSS pixel (e.g. 300 dpi / 96 = 3.125). */
  pixelRatio: number;
  /** Camera of every variant (the whole region framed, see src/export/snapshot/framing.ts): the same for before and after. */
  view: { center: [number, number]; zoom: number };
  /** Gap groups numbered on the map (ranks 1…n, as in the page's gap table); 0 numbers none. */
  numberedGaps: number;
  variants: readonly PrintVariant[];
  /** Called before each variant is rendered (progress). */
  onVariant?: (index: number) => void;
  /** Longest wait for a map to finish drawing. */
  timeoutMs?: number;
}

/** A printed map: its pixels and its scale. */
export interface PrintedMap {
  /** Top-down RGBA pixels. */
  image: ImageData;
  width: number;
  height: number;
  centreLat: number;
  centreLng: number;
  zoom: number;
  /** Pixel ratio applied (MapLibre lowers it when the canvas would pass the WebGL limit). */
  pixelRatio: number;
  /** Gap ranks whose number MapLibre drew on this map (ascending); null when MapLibre could not say. */
  labelledGaps: number[] | null;
}

/**
 * The gap numbers the map placed (MapLibre reports only symbols it drew).
 * Right after a source's data was replaced MapLibre can throw while reading a
 * symbol's properties; another drawn frame settles it.
 */
async function drawnGapNumbers(map: MapLibreMap, timeoutMs: number): Promise<number[] | null> {
  if (!map.getLayer(LAYER.gapLabels) || map.getLayoutProperty(LAYER.gapLabels, 'visibility') === 'none') return [];
  for (let attempt = 0; ; attempt++) {
    try {
      const ranks = map.queryRenderedFeatures({ layers: [LAYER.gapLabels] }).map((f) => Number(f.properties?.rank));
      return [...new Set(ranks)].sort((a, b) => a - b);
    } catch {
      // the check must never cost the user the export: unknown after a few frames
      if (attempt >= 3) return null;
      await settle(map, timeoutMs);
    }
  }
}

/** The map would be larger than WebGL allows on this machine; `max` is the size it could get. */
export class PrintMapTooLargeError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly max: number,
  ) {
    super(`The map needs ${width} × ${height} px but WebGL on this machine allows ${max} px a side.`);
    this.name = 'PrintMapTooLargeError';
  }
}

type Data = GeoJSONSourceSpecification['data'];

/** The features of `data` (inline GeoJSON) without those `drop` matches; URLs pass unchanged. */
function without(data: Data, drop: (f: Feature) => boolean): Data {
  if (typeof data === 'string' || data.type !== 'FeatureCollection') return data;
  return { ...data, features: (data as FeatureCollection).features.filter((f) => !drop(f)) } as Data;
}

/**
 * Print labelling: every numbered gap group carries its number, drawn even
 * where labels collide (a reader matches it with the page's table); station
 * names are placed first, and township names keep clear of both.
 */
function applyPrintLabels(map: MapLibreMap, numberedGaps: number): void {
  if (map.getLayer(LAYER.gapLabels)) {
    // just under the station names: placed after them and before the township names, which give way to the numbers
    map.moveLayer(LAYER.gapLabels, map.getLayer(LAYER.stationLabels) ? LAYER.stationLabels : undefined);
    // a number looks for a free side of its centre first and is drawn anyway when there is none
    map.setLayoutProperty(LAYER.gapLabels, 'text-variable-anchor', ['center', 'left', 'right', 'top', 'bottom']);
    map.setLayoutProperty(LAYER.gapLabels, 'text-radial-offset', 0.7);
    map.setFilter(LAYER.gapLabels, ['<=', ['get', 'rank'], numberedGaps]);
    map.setLayoutProperty(LAYER.gapLabels, 'text-field', ['to-string', ['get', 'rank']]);
    map.setLayoutProperty(LAYER.gapLabels, 'text-size', 16);
    map.setLayoutProperty(LAYER.gapLabels, 'text-allow-overlap', true);
    map.setLayoutProperty(LAYER.gapLabels, 'text-ignore-placement', false);
  }
  for (const id of [LAYER.zoneLabels, LAYER.stationLabels]) {
    if (!map.getLayer(id)) continue;
    map.setLayoutProperty(id, 'text-allow-overlap', false);
    map.setLayoutProperty(id, 'text-ignore-placement', false);
    map.setLayoutProperty(id, 'text-padding', 3);
  }
  // a township name that meets a number or a station name moves to another side of its seat instead of vanishing
  if (map.getLayer(LAYER.zoneLabels)) {
    map.setLayoutProperty(LAYER.zoneLabels, 'text-variable-anchor', ['top', 'bottom', 'left', 'right']);
    map.setLayoutProperty(LAYER.zoneLabels, 'text-radial-offset', 0.9);
  }
}

function applyVariant(map: MapLibreMap, style: StyleSpecification, cells: PrintCells, variant: PrintVariant): void {
  const visible = (id: string) => (style.layers.find((l) => l.id === id)?.layout as { visibility?: string } | undefined)?.visibility !== 'none';
  paintPrintStatus(map, cells, variant.status, variant.withinCircle, visible);
  paintPrintMinutes(map, cells, variant.minutes ?? null, visible);
  const hide = variant.hideStations ?? new Set<string>();
  const original = (id: string) => (style.sources[id] as GeoJSONSourceSpecification).data;
  map.getSource<GeoJSONSource>(SOURCE.stations)?.setData(without(original(SOURCE.stations), (f) => hide.has(String(f.properties?.id))) as never);
  map.getSource<GeoJSONSource>(SOURCE.radii)?.setData(without(original(SOURCE.radii), (f) => hide.has(String(f.properties?.stationId))) as never);
  const gapsVisible = visible(LAYER.gapsLine);
  for (const id of [LAYER.gapsLine, LAYER.gapHighlightHalo, LAYER.gapHighlight, LAYER.gapLabels]) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', gapsVisible && !variant.hideGaps ? 'visible' : 'none');
  }
}

/** Asks for a frame and waits until the map has drawn everything it was waiting for. */
function settle(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The print map did not finish drawing within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

/**
 * The drawing buffer as top-down RGBA rows. gl.readPixels, not drawImage or
 * createImageBitmap: under software WebGL those copy through the compositor
 * and took seconds where readPixels takes tens of milliseconds.
 */
function readCanvas(canvas: HTMLCanvasElement): ImageData {
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) throw new Error('The print map has no WebGL context to read.');
  const { width, height } = canvas;
  const raw = new Uint8Array(width * height * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, raw);
  const image = new ImageData(width, height);
  const row = width * 4;
  // WebGL rows run bottom-up
  for (let y = 0; y < height; y++) image.data.set(raw.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  // the style's background is opaque; force it so premultiplied edge pixels cannot show through
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return image;
}

/** CSS size of the print map for a target in device pixels (rounded up; the page crops the spare pixel). */
export function printCssSize(widthPx: number, heightPx: number, pixelRatio: number): { width: number; height: number } {
  return { width: Math.ceil(widthPx / pixelRatio), height: Math.ceil(heightPx / pixelRatio) };
}

/**
 * Renders each variant of the live map's view at print resolution.
 * @param live the app's map (its style, sources and view are copied; it is not changed)
 */
export function renderPrintMaps(live: MapLibreMap, request: PrintMapRequest): Promise<PrintedMap[]> {
  const css = printCssSize(request.widthPx, request.heightPx, request.pixelRatio);
  const timeoutMs = request.timeoutMs ?? 60_000;
  return withPrintTwin(live, css, async ({ map, style, failures }) => {
    map.jumpTo({ center: request.view.center, zoom: request.view.zoom, bearing: 0, pitch: 0 });
    applyPrintLabels(map, request.numberedGaps);
    const canvas = map.getCanvas();
    const printed: PrintedMap[] = [];
    for (let i = 0; i < request.variants.length; i++) {
      request.onVariant?.(i);
      map.setPixelRatio(DRAFT_RATIO);
      applyVariant(map, style, request.cells, request.variants[i]);
      await settle(map, timeoutMs);
      map.setPixelRatio(request.pixelRatio);
      const want = { w: Math.floor(css.width * request.pixelRatio), h: Math.floor(css.height * request.pixelRatio) };
      if (canvas.width < want.w || canvas.height < want.h) throw new PrintMapTooLargeError(want.w, want.h, Math.max(canvas.width, canvas.height));
      await settle(map, timeoutMs);
      if (failures.length > 0) throw new Error(`The print map could not be drawn: ${failures[0]}`);
      const image = readCanvas(canvas);
      const labelledGaps = await drawnGapNumbers(map, timeoutMs);
      printed.push({ image, width: canvas.width, height: canvas.height, centreLat: map.getCenter().lat, centreLng: map.getCenter().lng, zoom: map.getZoom(), labelledGaps, pixelRatio: canvas.width / css.width });
    }
    return printed;
  });
}
