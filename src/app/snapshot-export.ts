/**
 * Makes the meeting handout of the current scenario: checks the options,
 * asks the worker for the "before" statuses when both maps are wanted,
 * renders the map at print resolution framed on the whole region, composes
 * the page (and, when asked, the table pages) and encodes PNG (with its dpi)
 * or PDF (with a selectable text layer). The figures come from the store's
 * latest result. The live map and the texts are handed in by the UI that
 * starts the export; nothing here reaches for globals.
 */
import { cellToLatLng } from 'h3-js';
import type maplibregl from 'maplibre-gl';
import { checkCanvasSize, type CanvasRefusal } from '../export/snapshot/canvas-limit.ts';
import { composePage, type ComposedRegions } from '../export/snapshot/compose.ts';
import { drawTablesPage, planTablePages } from '../export/snapshot/compose-tables.ts';
import { buildContent } from '../export/snapshot/content.ts';
import { jpegBytes, MIME, pngAtDpi } from '../export/snapshot/encode.ts';
import { handoutFileName } from '../export/snapshot/file-name.ts';
import { NUMBERED_GAPS } from '../export/snapshot/figures.ts';
import { frameView, type MapView } from '../export/snapshot/framing.ts';
import { gapTable, townshipTable } from '../export/snapshot/handout-tables.ts';
import { emsHandoutTables } from '../export/snapshot/ems-handout.ts';
import { emsOf } from './ems-result.ts';
import { pageLayout, type PageLayout } from '../export/snapshot/layout.ts';
import { parseSnapshotOptions, snapshotDefaults, type SnapshotOptions } from '../export/snapshot/options.ts';
import { pagePixels, type Page } from '../export/snapshot/paper.ts';
import { picturesToPdf, type PdfPicturePage } from '../export/snapshot/pdf.ts';
import { metresPerPixel } from '../export/snapshot/scale-bar.ts';
import { recordText, type DrawnText } from '../export/snapshot/text-record.ts';
import type { HandoutGap, Texts } from '../export/snapshot/types.ts';
import { mercatorAspect, pointsBox, type Box } from '../export/snapshot/view.ts';
import { PrintMapTooLargeError, printCssSize, renderPrintMaps, type PrintVariant } from '../map/print-map.ts';
import { prewarmPrintTwin } from '../map/print-twin.ts';
import { isTileTemplate } from '../map/style.ts';
import { gapAreaName } from '../i18n/gap-area-name.ts';
import type { Language } from '../i18n/types.ts';
import type { GapSummary } from '../worker/api.ts';
import { requireClient } from './actions.ts';
import { currentRegion } from './regions.ts';
import { getState, type AppState } from './store.ts';

const regionBoxes = new WeakMap<object, Box | null>();

/** Degrees added around the cell centres' box: more than half a res-9 cell (≈ 0.2 km), so edge cells stay whole. */
const CELL_PAD_DEG = 0.004;

/** Box of the loaded region's cells, once per dataset. */
function regionBox(dataset: NonNullable<AppState['dataset']>): Box | null {
  let box = regionBoxes.get(dataset);
  if (box === undefined) {
    const n = dataset.population.length;
    const lng = new Float64Array(n);
    const lat = new Float64Array(n);
    const halves = dataset.h3Halves;
    for (let i = 0; i < n; i++) [lat[i], lng[i]] = cellToLatLng([halves[2 * i], halves[2 * i + 1]]);
    const centres = pointsBox(lng, lat);
    box = centres && [centres[0] - CELL_PAD_DEG, centres[1] - CELL_PAD_DEG, centres[2] + CELL_PAD_DEG, centres[3] + CELL_PAD_DEG];
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

/** A file the export made. */
export interface SnapshotFile {
  blob: Blob;
  fileName: string;
}

export interface SnapshotResult {
  /** Page 1 (PNG), or the whole handout (PDF). */
  blob: Blob;
  mime: string;
  fileName: string;
  /** PNG only: the table pages, one file each (page 2, 3…). */
  extraFiles: SnapshotFile[];
  /** Pages in the handout (1 + table pages). */
  pageCount: number;
  width: number;
  height: number;
  options: SnapshotOptions;
  regions: ComposedRegions;
  /** How each printed map was framed (CSS px of the map, its camera) and the region box it holds. */
  frames: { width: number; height: number; view: MapView }[];
  regionBox: Box | null;
  /** Gap ranks numbered on the map and listed in the page's table. */
  numberedGaps: number[];
  /** Per map (page order): the gap numbers MapLibre actually drew (null: it could not say). */
  labelledGaps: (number[] | null)[];
  /** Type scale legend and figures were drawn at (1 = nominal size). */
  typeScale: number;
  /** Milliseconds spent per step. */
  timings: { baselineMs: number; mapMs: number; composeMs: number; encodeMs: number; totalMs: number };
}

/** Told each step as a string key of the export dictionary (and its parameters). */
export type SnapshotProgress = (key: string, params?: Record<string, string | number>) => void;

/** What the UI hands the export: the map on screen, the page language and its texts. */
export interface SnapshotContext {
  live: maplibregl.Map;
  language: string;
  texts: Texts;
  onProgress?: SnapshotProgress;
}

/** Default title, scenario name and footer for the current region and stations. */
export function currentDefaults(texts: Texts, state: AppState = getState()) {
  const proposed = state.stations.filter((s) => s.status === 'proposed').map((s) => s.name);
  return snapshotDefaults(currentRegion(state).name, proposed, texts);
}

/** The refusal of a too-large page, in words. */
export function refusalMessage(refusal: CanvasRefusal, texts: Texts): string {
  const size = { width: refusal.width, height: refusal.height };
  if (refusal.kind === 'side') return texts.t('export.error.side', { ...size, max: refusal.maxSide });
  if (refusal.kind === 'area') return texts.t('export.error.area', { ...size, max: Math.floor(refusal.maxArea / 1e6) });
  return texts.t('export.error.invalid', size);
}

interface MapPlan {
  box: Box | null;
  layout: PageLayout;
  aspect: number;
  css: { width: number; height: number };
  view: MapView;
}

/** The page layout for the region's shape, and the camera that frames the whole region in each map (the same for before and after). */
function planMaps(live: maplibregl.Map, dataset: NonNullable<AppState['dataset']>, page: Page, beforeAfter: boolean): MapPlan {
  const box = regionBox(dataset);
  const aspect = box ? mercatorAspect(box) : live.getContainer().clientWidth / Math.max(1, live.getContainer().clientHeight);
  const layout = pageLayout(page, { beforeAfter, contentAspect: aspect });
  const css = printCssSize(layout.maps[0].w, layout.maps[0].h, layout.mapRatio);
  const view = box ? frameView(box, css.width, css.height) : { center: live.getCenter().toArray() as [number, number], zoom: live.getZoom() };
  return { box, layout, aspect, css, view };
}

/**
 * Starts preparing the print map for a page like `options` (the dialog
 * opened), so the export itself only draws. Does nothing before the map is ready.
 */
export function prewarmSnapshot(live: maplibregl.Map, options: Pick<SnapshotOptions, 'paper' | 'orientation' | 'dpi' | 'beforeAfter'>): void {
  const { dataset, phase } = getState();
  if (!dataset || phase !== 'ready') return;
  const { css } = planMaps(live, dataset, pagePixels(options.paper, options.orientation, options.dpi), options.beforeAfter);
  prewarmPrintTwin(live, css);
}

/** The result's gap groups as the handout lists them. */
function handoutGaps(gaps: readonly GapSummary[], language: Language): HandoutGap[] {
  // the same names as the app's gap list: by the townships an area spans
  return gaps.map((g) => ({ rank: g.rank, name: gapAreaName(g.townships, g.population, language), population: g.population, gapPopulation: g.gapPopulation, marginalPopulation: g.marginalPopulation, areaKm2: g.areaKm2 }));
}

/**
 * Exports the handout. `input` is checked (see parseSnapshotOptions);
 * missing fields take the defaults. Rejects with a SnapshotError whose
 * message says what to change.
 */
export async function exportSnapshot(input: unknown, context: SnapshotContext): Promise<SnapshotResult> {
  const t0 = performance.now();
  const { live, texts } = context;
  const onProgress = context.onProgress ?? (() => {});
  const state = getState();
  const { result, dataset } = state;
  // a new region's first (light) answer has no gap groups yet: the full one follows
  if (state.phase !== 'ready' || !result || !result.gaps || !dataset || result.status.length !== dataset.population.length) throw new SnapshotError(texts.t('export.error.notReady'));

  let options: SnapshotOptions;
  try {
    options = parseSnapshotOptions(input, currentDefaults(texts, state));
  } catch (e) {
    throw new SnapshotError(texts.t('export.error.options', { message: (e as Error).message }));
  }
  const page = pagePixels(options.paper, options.orientation, options.dpi);
  const refusal = checkCanvasSize(page.widthPx, page.heightPx);
  if (refusal) throw new SnapshotError(refusalMessage(refusal, texts));
  if (options.beforeAfter && !result.delta) throw new SnapshotError(texts.t('export.beforeAfterNone'));

  onProgress('export.progress.prepare');
  const gaps = handoutGaps(result.gaps, context.language === 'en' ? 'en' : 'zh-CN');
  const numberedGaps = gaps.slice(0, NUMBERED_GAPS).map((g) => g.rank);
  // the response-time layer prints on the "after" map only: the baseline's per-cell minutes are not kept
  const minutes = result.minutes ? { minutes: result.minutes, roadAccess: result.roadAccess ?? null, circleMinutes: state.rules.circleMinutes } : null;
  const after: PrintVariant = { status: result.status, withinCircle: result.withinCircle, minutes };
  const variants: PrintVariant[] = [after];
  const tBaseline = performance.now();
  if (options.beforeAfter) {
    onProgress('export.progress.baseline');
    const baseline = await requireClient().baselineStatus();
    if (baseline.status.length !== result.status.length) throw new SnapshotError(texts.t('export.error.notReady'));
    variants.push({ status: baseline.status, withinCircle: baseline.withinCircle, hideStations: new Set(baseline.withoutIds), hideGaps: true });
  }
  const tMap = performance.now();
  const plan = planMaps(live, dataset, page, options.beforeAfter);
  const { layout, aspect } = plan;
  let printed;
  try {
    printed = await renderPrintMaps(live, {
      widthPx: layout.maps[0].w,
      heightPx: layout.maps[0].h,
      pixelRatio: layout.mapRatio,
      cells: dataset,
      view: plan.view,
      numberedGaps: numberedGaps.length,
      variants,
      onVariant: (i) => onProgress(i === 0 ? 'export.progress.map' : 'export.progress.mapBefore'),
    });
  } catch (e) {
    if (e instanceof PrintMapTooLargeError) throw new SnapshotError(texts.t('export.error.mapSize', { width: e.width, height: e.height, max: e.max }));
    throw e;
  }
  const maps = printed.map((p) => ({ image: p.image, width: p.width, height: p.height, metresPerPx: metresPerPixel(p.centreLat, p.zoom, p.pixelRatio) }));
  const labelledGaps = printed.map((p) => p.labelledGaps);
  const frames = printed.map((p) => ({ width: plan.css.width, height: plan.css.height, view: { center: [p.centreLng, p.centreLat] as [number, number], zoom: p.zoom } }));
  // variants were rendered after-first (the live statuses); the page shows before on the left
  if (maps.length === 2) {
    maps.reverse();
    frames.reverse();
    labelledGaps.reverse();
  }

  onProgress('export.progress.compose');
  const tCompose = performance.now();
  const date = new Date();
  const overrides = result.zones.filter((z) => z.areaTypeOverridden).map((z) => ({ name: z.name, areaType: z.areaType }));
  const content = buildContent(
    {
      options,
      date,
      language: context.language,
      appName: texts.t('app.title'),
      legend: {
        layers: state.layers,
        rules: state.rules,
        stations: state.stations,
        importedPopulation: state.dataSources.population.kind === 'imported' ? state.dataSources.population.file : null,
        highlightedGap: state.highlightedGap,
        basemapHost: state.layers.basemap && isTileTemplate(state.basemapUrl) ? new URL(state.basemapUrl.trim().replace(/\{[^}]+\}/g, '0')).host : null,
        onRoads: result.reach.model === 'roads' && result.minutes !== null,
      },
      totals: result.totals,
      delta: result.delta,
      rules: state.rules,
      dataSources: { ...state.dataSources, roads: result.reach.model === 'roads' && dataset.region.roads ? { file: dataset.region.roads.source.source, licence: dataset.region.roads.source.licence } : null },
      gaps,
      overrides,
      withTables: options.tables,
      reach: result.reach.model === 'roads' ? 'roads' : state.roads ? 'straight-chosen' : 'straight',
      response: result.response,
    },
    texts,
  );
  const canvas = document.createElement('canvas');
  canvas.width = page.widthPx;
  canvas.height = page.heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new SnapshotError(texts.t('export.error.canvas', { width: page.widthPx, height: page.heightPx }));

  const region = currentRegion(state).name;
  const name = (n: number) => handoutFileName(region, options, texts, n);
  const pdfPages: PdfPicturePage[] = [];
  const extraFiles: SnapshotFile[] = [];
  let firstPng: Blob | null = null;
  let encodeMs = 0;
  /** Encodes the page now on the canvas: a PNG file, or a PDF page with the text drawn on it. */
  const emit = async (pageNumber: number, text: DrawnText[]) => {
    const t = performance.now();
    if (options.format === 'pdf') pdfPages.push({ page, jpeg: await jpegBytes(canvas), text });
    else {
      const png = await pngAtDpi(canvas, options.dpi);
      if (pageNumber === 1) firstPng = png;
      else extraFiles.push({ blob: png, fileName: name(pageNumber) });
    }
    encodeMs += performance.now() - t;
  };

  let recording = recordText(ctx);
  const composed = composePage(ctx, page, content, maps, aspect);
  onProgress('export.progress.encode', { format: options.format.toUpperCase() });
  await emit(1, recording.stop());

  let pageCount = 1;
  if (options.tables) {
    const tables = [townshipTable(result.zones, result.totals, state.rules, texts), gapTable(gaps, texts)];
    const tablePlan = planTablePages(page, tables);
    // the EMS measures start a page of their own after the township and gap tables
    const ems = emsOf(result);
    const emsTables = ems ? emsHandoutTables(ems, state.rules, texts, result.totals) : [];
    const emsPlan = ems ? planTablePages(page, emsTables) : null;
    pageCount = 1 + tablePlan.pages.length + (emsPlan?.pages.length ?? 0);
    const pageText = {
      title: texts.t('handout.tables.title'),
      subtitle: `${options.title} · ${content.subtitle}`,
      footer: options.footer,
      stamp: content.stamp,
      pageLabel: (p: number, of: number) => texts.t('handout.tables.page', { page: p, pages: of }),
      continued: (title: string) => texts.t('handout.tables.continued', { title }),
    };
    for (let i = 0; i < tablePlan.pages.length; i++) {
      recording = recordText(ctx);
      drawTablesPage(ctx, page, tables, tablePlan, i, i + 2, pageCount, pageText);
      await emit(i + 2, recording.stop());
    }
    const emsText = { ...pageText, title: texts.t('handout.ems.title') };
    for (let i = 0; emsPlan && i < emsPlan.pages.length; i++) {
      const pageNumber = 2 + tablePlan.pages.length + i;
      recording = recordText(ctx);
      drawTablesPage(ctx, page, emsTables, emsPlan, i, pageNumber, pageCount, emsText);
      await emit(pageNumber, recording.stop());
    }
  }

  const tEncode = performance.now();
  let blob: Blob;
  if (options.format === 'pdf') {
    blob = picturesToPdf(pdfPages, { title: options.title, subject: content.subtitle, creator: texts.t('app.title') });
  } else blob = firstPng!;
  // let the browser drop the page's pixels now rather than at the next collection
  canvas.width = 0;
  const tEnd = performance.now();
  encodeMs += tEnd - tEncode;
  return {
    blob,
    mime: MIME[options.format],
    fileName: name(1),
    extraFiles,
    pageCount,
    width: page.widthPx,
    height: page.heightPx,
    options,
    regions: composed.regions,
    frames,
    regionBox: plan.box,
    numberedGaps,
    labelledGaps,
    typeScale: composed.typeScale,
    timings: { baselineMs: tMap - tBaseline, mapMs: tCompose - tMap, composeMs: tEnd - tCompose - encodeMs, encodeMs, totalMs: tEnd - t0 },
  };
}
