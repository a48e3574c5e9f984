/**
 * A hidden, offscreen copy of the live map for print rendering, kept for a
 * few minutes between exports. Creating one costs its WebGL shaders and,
 * above all, re-indexing every population cell (seconds for all of
 * Quanzhou); a kept copy only takes the sources and layer properties that
 * changed since. The export dialog warms it up while the user fills the form.
 * One export uses it at a time.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type maplibregl from 'maplibre-gl';
import { loadedMapLibrary } from './library.ts';
import { LAYER, LOCAL_IDEOGRAPH_FONT_FAMILY, SOURCE } from './layers.ts';

/**
 * Pixel ratio of the frames drawn while tiles, labels and feature-state load.
 * Software WebGL spends most of a print export on full-size frames; drafting
 * small and drawing the last frame once at print resolution saves that
 * (tiles and label placement follow CSS pixels, so that frame needs nothing new).
 */
export const DRAFT_RATIO = 0.25;

/** How long an unused copy is kept (it holds a WebGL context and a copy of the cells). */
const KEEP_MS = 3 * 60_000;

export interface PrintTwin {
  map: maplibregl.Map;
  container: HTMLDivElement;
  /** The style the copy was last brought up to (the live map's, see printStyle). */
  style: StyleSpecification;
  /** Map errors since the current export started (an unreachable basemap is not one). */
  failures: string[];
}

interface Held {
  twin: PrintTwin;
  live: maplibregl.Map;
  /** Sources and layers the copy was built with; anything else means building a new one. */
  shape: string;
  /** The GeoJSON data last handed to each source, by reference. */
  sent: Map<string, unknown>;
}

let held: Promise<Held> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let disposeTimer: ReturnType<typeof setTimeout> | null = null;

/** The live map's style for printing: as shown, without the selection halo (interaction, not content). */
function printStyle(live: maplibregl.Map): StyleSpecification {
  const style = live.getStyle();
  const layers = style.layers.map((l) => (l.id === LAYER.stationSelected ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as LayerSpecification) : l));
  return { ...style, layers };
}

/** Layer ids/types/sources and non-GeoJSON source specs: what a copy cannot take over by setData and set*Property. */
function shapeOf(style: StyleSpecification): string {
  const sources = Object.entries(style.sources).map(([id, s]) => (s.type === 'geojson' ? [id, 'geojson'] : [id, s]));
  return JSON.stringify({ sources, layers: style.layers.map((l) => [l.id, l.type, 'source' in l ? l.source : null]) });
}

function geojsonData(style: StyleSpecification): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, s] of Object.entries(style.sources)) if (s.type === 'geojson') out.set(id, (s as GeoJSONSourceSpecification).data);
  return out;
}

function waitLoad(map: maplibregl.Map, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The print map did not load its style within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    map.once('load', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function create(live: maplibregl.Map, style: StyleSpecification, css: { width: number; height: number }): Promise<Held> {
  const lib = loadedMapLibrary();
  const container = document.createElement('div');
  // offscreen, not display:none: MapLibre needs a laid-out container to size its canvas
  Object.assign(container.style, { position: 'fixed', left: '-100000px', top: '0', width: `${css.width}px`, height: `${css.height}px`, pointerEvents: 'none' });
  container.setAttribute('aria-hidden', 'true');
  document.body.appendChild(container);
  let map: maplibregl.Map;
  try {
    map = new lib.Map({
      container,
      style,
      bounds: live.getBounds(),
      fitBoundsOptions: { padding: 0 },
      pixelRatio: DRAFT_RATIO,
      // MapLibre caps the canvas at 4096 px by default and would quietly lower the ratio
      maxCanvasSize: [16_384, 16_384],
      interactive: false,
      attributionControl: false,
      // labels at full opacity in the first idle frame
      fadeDuration: 0,
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONT_FAMILY,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
  } catch (e) {
    container.remove();
    throw e;
  }
  const twin: PrintTwin = { map, container, style, failures: [] };
  // an online basemap that cannot load only leaves the paper background; anything else is a failure
  map.on('error', (e: { error?: Error; sourceId?: string }) => {
    if (e.sourceId !== SOURCE.basemap) twin.failures.push(e.error?.message ?? 'map error');
  });
  try {
    await waitLoad(map, 120_000);
  } catch (e) {
    destroy(twin);
    throw e;
  }
  return { twin, live, shape: shapeOf(style), sent: geojsonData(style) };
}

function destroy(twin: PrintTwin): void {
  // remove() also releases the WebGL context (browsers allow only a few at once)
  twin.map.remove();
  twin.container.remove();
}

/** Brings a kept copy up to the live map: changed GeoJSON data, filters, layout and paint. */
function sync(h: Held, style: StyleSpecification): void {
  const { map } = h.twin;
  for (const [id, data] of geojsonData(style)) {
    if (h.sent.get(id) === data) continue;
    map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data as never);
    h.sent.set(id, data);
  }
  // MapLibre skips values equal to the current ones
  for (const layer of style.layers) {
    if ('filter' in layer) map.setFilter(layer.id, layer.filter ?? null);
    const layout: Record<string, unknown> = { visibility: 'visible', ...layer.layout };
    for (const [k, v] of Object.entries(layout)) map.setLayoutProperty(layer.id, k, v);
    for (const [k, v] of Object.entries(layer.paint ?? {})) map.setPaintProperty(layer.id, k, v);
  }
  h.twin.style = style;
}

function scheduleDispose(): void {
  if (disposeTimer) clearTimeout(disposeTimer);
  disposeTimer = setTimeout(disposePrintTwin, KEEP_MS);
}

/** Drops the kept copy now (e.g. the live map is going away). */
export function disposePrintTwin(): void {
  const h = held;
  held = null;
  if (disposeTimer) clearTimeout(disposeTimer);
  disposeTimer = null;
  void h?.then((x) => destroy(x.twin)).catch(() => {});
}

/**
 * Runs `use` with a copy of the live map sized `css` (CSS px), brought up to
 * date with the live map's style and data. Calls run one after another.
 */
export function withPrintTwin<T>(live: maplibregl.Map, css: { width: number; height: number }, use: (twin: PrintTwin) => Promise<T>): Promise<T> {
  const run = async () => {
    const style = printStyle(live);
    const shape = shapeOf(style);
    let h = held ? await held.catch(() => null) : null;
    if (h && (h.live !== live || h.shape !== shape)) {
      disposePrintTwin();
      h = null;
    }
    if (!h) {
      held = create(live, style, css);
      try {
        h = await held;
      } catch (e) {
        held = null;
        throw e;
      }
    } else sync(h, style);
    const { twin } = h;
    twin.failures.length = 0;
    twin.container.style.width = `${css.width}px`;
    twin.container.style.height = `${css.height}px`;
    twin.map.resize();
    try {
      return await use(twin);
    } catch (e) {
      // a copy in an unknown state is not kept
      disposePrintTwin();
      throw e;
    } finally {
      if (held) {
        twin.map.setPixelRatio(DRAFT_RATIO);
        scheduleDispose();
      }
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

/** Starts building the copy in the background (the export dialog opened); failures surface at export. */
export function prewarmPrintTwin(live: maplibregl.Map, css: { width: number; height: number }): void {
  void withPrintTwin(live, css, async () => {}).catch(() => {});
}
