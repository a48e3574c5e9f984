/**
 * Makes a meeting-ready snapshot of the current view: checks the options,
 * asks the worker for the "before" statuses when both maps are wanted,
 * renders the map at print resolution, composes the page and encodes it as
 * PNG or PDF. The figures come from the store's latest result.
 */
import { cellToLatLng } from 'h3-js';
import type maplibregl from 'maplibre-gl';
import { buildContent } from '../export/snapshot/content.ts';
import { checkCanvasSize, type CanvasRefusal } from '../export/snapshot/canvas-limit.ts';
import { composePage, type ComposedRegions } from '../export/snapshot/compose.ts';
import { encodePage, MIME } from '../export/snapshot/encode.ts';
import { pageLayout, type PageLayout } from '../export/snapshot/layout.ts';
import { parseSnapshotOptions, snapshotDefaults, snapshotFileName, type SnapshotOptions } from '../export/snapshot/options.ts';
import { pagePixels, type Page } from '../export/snapshot/paper.ts';
import { metresPerPixel } from '../export/snapshot/scale-bar.ts';
import type { Texts } from '../export/snapshot/types.ts';
import { mercatorAspect, pointsBox, printBounds, type Box } from '../export/snapshot/view.ts';
import { PrintMapTooLargeError, printCssSize, renderPrintMaps, type PrintVariant } from '../map/print-map.ts';
import { prewarmPrintTwin } from '../map/print-twin.ts';
import { isTileTemplate } from '../map/style.ts';
import { formatNumber, formatPercent, translate } from '../i18n/index.ts';
import { requireClient } from './actions.ts';
import { regionById } from './regions.ts';
import { getState, type AppState } from './store.ts';

const regionBoxes = new WeakMap<object, Box | null>();

/** Box of the loaded region's cell centres, once per dataset. */
function regionBox(dataset: NonNullable<AppState['dataset']>): Box | null {
  let box = regionBoxes.get(dataset);
  if (box === undefined) {
    const lng = new Float64Array(dataset.h3.length);
    const lat = new Float64Array(dataset.h3.length);
    dataset.h3.forEach((h, i) => ([lat[i], lng[i]] = cellToLatLng(h)));
    box = pointsBox(lng, lat);
    regionBoxes.set(dataset, box);
  }
  return box;
}

/** A failure the user can act on; the message is already translated. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export interface SnapshotResult {
  blob: Blob;
  mime: string;
  fileName: string;
  width: number;
  height: number;
  options: SnapshotOptions;
  regions: ComposedRegions;
  /** Type scale legend and figures were drawn at (1 = nominal size). */
  typeScale: number;
  /** Milliseconds spent per step. */
  timings: { baselineMs: number; mapMs: number; composeMs: number; encodeMs: number; totalMs: number };
}

/** Told each step as a string key of the export dictionary (and its parameters). */
export type SnapshotProgress = (key: string, params?: Record<string, string | number>) => void;

export function textsFor(language: AppState['language']): Texts {
  return {
    t: (key, params) => translate(language, key, params),
    n: (value, digits = 0) => formatNumber(language, value, digits),
    pct: (value) => formatPercent(language, value),
  };
}

/** Default title, scenario name and footer for the current region and stations. */
export function currentDefaults(state: AppState = getState()) {
  const proposed = state.stations.filter((s) => s.status === 'proposed').map((s) => s.name);
  return snapshotDefaults(regionById(state.regionId).name, proposed, textsFor(state.language));
}

/** The refusal of a too-large page, in words. */
export function refusalMessage(refusal: CanvasRefusal, texts: Texts): string {
  const size = { width: refusal.width, height: refusal.height };
  if (refusal.kind === 'side') return texts.t('export.error.side', { ...size, max: refusal.maxSide });
  if (refusal.kind === 'area') return texts.t('export.error.area', { ...size, max: Math.floor(refusal.maxArea / 1e6) });
  return texts.t('export.error.invalid', size);
}

/** What the maps show (the live view trimmed to the region) and the page layout that fits it. */
function planMaps(live: maplibregl.Map, dataset: NonNullable<AppState['dataset']>, page: Page, beforeAfter: boolean): { bounds: Box; layout: PageLayout; aspect: number } {
  const bounds = printBounds(live.getBounds().toArray().flat() as Box, regionBox(dataset));
  const aspect = mercatorAspect(bounds);
  return { bounds, aspect, layout: pageLayout(page, { beforeAfter, contentAspect: aspect }) };
}

/**
 * Starts preparing the print map for a page like `options` (the dialog
 * opened), so the export itself only draws. Does nothing before the map is ready.
 */
export function prewarmSnapshot(options: Pick<SnapshotOptions, 'paper' | 'orientation' | 'dpi' | 'beforeAfter'>): void {
  const live = window.__emsMap;
  const { dataset, phase } = getState();
  if (!live || !dataset || phase !== 'ready') return;
  const { layout } = planMaps(live, dataset, pagePixels(options.paper, options.orientation, options.dpi), options.beforeAfter);
  prewarmPrintTwin(live, printCssSize(layout.maps[0].w, layout.maps[0].h, layout.mapRatio));
}

/**
 * Exports the current view. `input` is checked (see parseSnapshotOptions);
 * missing fields take the defaults. Rejects with a SnapshotError whose
 * message says what to change.
 */
export async function exportSnapshot(input: unknown, onProgress: SnapshotProgress = () => {}): Promise<SnapshotResult> {
  const t0 = performance.now();
  const state = getState();
  const texts = textsFor(state.language);
  const live: maplibregl.Map | undefined = window.__emsMap;
  const { result, dataset } = state;
  if (state.phase !== 'ready' || !result || !dataset || !live || result.status.length !== dataset.h3.length) throw new SnapshotError(texts.t('export.error.notReady'));

  let options: SnapshotOptions;
  try {
    options = parseSnapshotOptions(input, currentDefaults(state));
  } catch (e) {
    throw new SnapshotError(texts.t('export.error.options', { message: (e as Error).message }));
  }
  const page = pagePixels(options.paper, options.orientation, options.dpi);
  const refusal = checkCanvasSize(page.widthPx, page.heightPx);
  if (refusal) throw new SnapshotError(refusalMessage(refusal, texts));
  if (options.beforeAfter && !result.delta) throw new SnapshotError(texts.t('export.beforeAfterNone'));

  onProgress('export.progress.prepare');
  const after: PrintVariant = { status: result.status, withinCircle: result.withinCircle };
  const variants: PrintVariant[] = [after];
  const tBaseline = performance.now();
  if (options.beforeAfter) {
    onProgress('export.progress.baseline');
    const baseline = await requireClient().baselineStatus();
    if (baseline.status.length !== result.status.length) throw new SnapshotError(texts.t('export.error.notReady'));
    variants.push({ status: baseline.status, withinCircle: baseline.withinCircle, hideStations: new Set(baseline.withoutIds), hideGaps: true });
  }
  const tMap = performance.now();
  const { bounds, aspect, layout } = planMaps(live, dataset, page, options.beforeAfter);
  let printed;
  try {
    printed = await renderPrintMaps(live, {
      widthPx: layout.maps[0].w,
      heightPx: layout.maps[0].h,
      pixelRatio: layout.mapRatio,
      cells: dataset,
      bounds,
      variants,
      onVariant: (i) => onProgress(i === 0 ? 'export.progress.map' : 'export.progress.mapBefore'),
    });
  } catch (e) {
    if (e instanceof PrintMapTooLargeError) throw new SnapshotError(texts.t('export.error.mapSize', { width: e.width, height: e.height, max: e.max }));
    throw e;
  }
  const maps = printed.map((p) => ({ image: p.image, width: p.width, height: p.height, metresPerPx: metresPerPixel(p.centreLat, p.zoom, p.pixelRatio) }));
  // variants were rendered after-first (the live statuses); the page shows before on the left
  if (maps.length === 2) maps.reverse();

  onProgress('export.progress.compose');
  const tCompose = performance.now();
  const date = new Date();
  const content = buildContent(
    {
      options,
      date,
      language: state.language,
      appName: texts.t('app.title'),
      legend: {
        layers: state.layers,
        rules: state.rules,
        stations: state.stations,
        importedPopulation: state.dataSources.population.kind === 'imported' ? state.dataSources.population.file : null,
        highlightedGap: state.highlightedGap,
        basemapHost: state.layers.basemap && isTileTemplate(state.basemapUrl) ? new URL(state.basemapUrl.trim().replace(/\{[^}]+\}/g, '0')).host : null,
      },
      totals: result.totals,
      delta: result.delta,
      rules: state.rules,
      dataSources: state.dataSources,
    },
    texts,
  );
  const canvas = document.createElement('canvas');
  canvas.width = page.widthPx;
  canvas.height = page.heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new SnapshotError(texts.t('export.error.canvas', { width: page.widthPx, height: page.heightPx }));
  const composed = composePage(ctx, page, content, maps, aspect);

  onProgress('export.progress.encode', { format: options.format.toUpperCase() });
  const tEncode = performance.now();
  const blob = await encodePage(canvas, page, options.format, { title: options.title, subject: content.subtitle, creator: texts.t('app.title') });
  // let the browser drop the page's pixels now rather than at the next collection
  canvas.width = 0;
  const tEnd = performance.now();
  return {
    blob,
    mime: MIME[options.format],
    fileName: snapshotFileName(options.title, date, options.format),
    width: page.widthPx,
    height: page.heightPx,
    options,
    regions: composed.regions,
    typeScale: composed.typeScale,
    timings: { baselineMs: tMap - tBaseline, mapMs: tCompose - tMap, composeMs: tEncode - tCompose, encodeMs: tEnd - tEncode, totalMs: tEnd - t0 },
  };
}
