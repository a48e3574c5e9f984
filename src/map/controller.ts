/**
 * Keeps a MapLibre map in step with what it draws (a MapInput, never the
 * app's state): hands each part to the layer that owns it — cells and status
 * (cell-layer), gap areas (gap-layer), stations and rings (station-layer),
 * layer visibility (layer-visibility), the camera (camera) — when that part
 * changed. It reads results; it never computes coverage.
 */
import type { ErrorEvent as MapErrorEvent, FilterSpecification, GeoJSONSource, Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { Camera } from './camera.ts';
import { CellLayer, type CellStats } from './cell-layer.ts';
import { GapLayer } from './gap-layer.ts';
import { IsochroneLayer, type FetchIsochrones } from './isochrone-layer.ts';
import { EmsLayers, type EmsLayerStats, type FetchFirstDueOutlines, type FetchHospitalMinutes } from './ems-layers.ts';
import { LayerVisibility } from './layer-visibility.ts';
import { countyLinePaint, inCounties, LAYER, SOURCE } from './layers.ts';
import type { MapInput } from './map-input.ts';
import { StationLayer, type MapTranslate } from './station-layer.ts';
import { suggestionFeatures } from './suggestions.ts';
import { DatasetHold } from './dataset-hold.ts';
import { FramePace } from './frame-pace.ts';
import { EMPTY } from './style.ts';
import { zoneLabelFeatures, zoneOutlineFeatures, type ZoneFeature } from './zones.ts';

export type { MapTranslate } from './station-layer.ts';

/** Costs of the latest map updates, in milliseconds (for tests and benchmarks). */
export interface MapStats extends CellStats {
  /** Redrawing stations and rings (latest). */
  stationsMs: number;
  ringsRecomputed: number;
  /** Isochrone outlines drawn for the selected station (0 when none). */
  isochrones: number;
  /** What the EMS layers draw (baselines, the hospital minutes' update); tests read drawn states with it. */
  ems?: EmsLayerStats;
  /** A paint → its frame shown, mean ms on this machine (null before one is measured), and the drag's repaint interval it gives. */
  paintFrameMs?: number | null;
  dragPaintMs?: number;
}

export interface MapControllerOptions {
  translate: MapTranslate;
  /** Padding when fitting a box, e.g. to keep it clear of the legend. */
  fitPadding?: () => PaddingOptions;
  /** Told false when an online basemap is added and true when its tiles fail (offline, wrong address). */
  onBasemapStatus?: (failed: boolean) => void;
  /** The worker's isochrones of a station on roads; without it none are drawn. */
  isochrones?: FetchIsochrones;
  /** The worker's minutes to the nearest capable hospital; without it the hospital layer draws nothing. */
  hospitalMinutes?: FetchHospitalMinutes;
  /** The worker's first-due area outlines; without them the workload layer draws no borders. */
  firstDueOutlines?: FetchFirstDueOutlines;
}

/**
 * While a station is edited (dragged, switched, added), its new look waits for the coverage it
 * produced (at most this long), so marker, rings and cell colours reach the
 * screen in one frame: half the frames, and a frame is what a slow (software)
 * GPU makes the page wait for.
 */
const DRAG_WAIT_MS = 150;
const FIT_PADDING: PaddingOptions = { top: 48, right: 48, bottom: 48, left: 48 };

export class MapController {
  readonly stats: MapStats = {
    cellCount: 0,
    buildCellsMs: 0,
    cellsReadyMs: 0,
    statusUpdateMs: 0,
    changedCells: 0,
    resultToFrameMs: 0,
    stationsMs: 0,
    ringsRecomputed: 0,
    isochrones: 0,
    resultsApplied: 0,
    baseline: null,
    minutesBaseline: null,
  };
  private styleReady = false;
  private disposed = false;
  private input: MapInput | null = null;
  private pending: MapInput | null = null;
  private zoneOutlines = new Map<string, ZoneFeature>();
  private stationsWaiting: ReturnType<typeof setTimeout> | null = null;
  /**
   * While a station is being dragged, the cells' colours follow its results at
   * most every `pace.dragPaintMs()` (and at once on the drop): each paint's frame
   * holds back the pointer's next moves, for ~300 ms with software WebGL. The
   * figures follow every step; the marker and rings follow the pointer (a DOM
   * overlay, no map frame).
   */
  private readonly pace: FramePace;
  /** A new region's drawing, held until its first figures are on screen. */
  private readonly hold: DatasetHold;
  /** When a drag step's result was last painted, and the timer painting a newer one later. */
  private lastDragPaint = -Infinity;
  private dragPaintTimer: ReturnType<typeof setTimeout> | null = null;
  /** The result last handed to the cell layer (a deferred drag result is not). */
  private painted: MapInput['result'] = null;
  private readonly cells: CellLayer;
  private readonly gaps: GapLayer;
  private readonly stationLayer: StationLayer;
  private readonly isochrones: IsochroneLayer;
  private readonly ems: EmsLayers;
  private readonly visibility: LayerVisibility;
  private readonly camera: Camera;

  constructor(
    private readonly map: MapLibreMap,
    options: MapControllerOptions,
  ) {
    const translate = options.translate;
    this.cells = new CellLayer(map, this.stats);
    this.pace = new FramePace(map);
    this.hold = new DatasetHold(() => {
      if (this.input && !this.disposed) this.update(this.input);
    });
    this.gaps = new GapLayer(map, (rank) => translate(this.input?.language ?? 'zh-CN', 'map.gapLabel', { rank }));
    this.stationLayer = new StationLayer(map, translate, this.stats);
    this.isochrones = new IsochroneLayer(map, this.stats, options.isochrones ?? null, (language, minutes) => translate(language, 'map.isochroneLabel', { minutes }));
    this.ems = new EmsLayers(map, options.hospitalMinutes ?? null, () => this.cells.paintContext(), () => this.applyVisibility(), options.firstDueOutlines ?? null);
    this.stats.ems = this.ems.stats;
    this.visibility = new LayerVisibility(map, options.onBasemapStatus ?? (() => {}));
    this.camera = new Camera(map, options.fitPadding ?? (() => FIT_PADDING));
    // an opted-in online basemap that cannot load is reported once, not logged per tile; other errors are logged as MapLibre would
    map.on('error', (e: MapErrorEvent & { sourceId?: string }) => {
      if (e.sourceId === SOURCE.basemap) this.visibility.basemapError();
      else console.error(e.error);
    });
    const ready = () => {
      if (this.disposed) return;
      this.styleReady = true;
      const next = this.pending;
      this.pending = null;
      if (next) this.update(next);
    };
    if (map.isStyleLoaded()) ready();
    else map.once('load', ready);
  }

  /** Stops applying anything (the map is being removed); work in flight is dropped. */
  dispose(): void {
    this.disposed = true;
    this.cells.cancelCells();
    this.hold.cancel();
    this.stopWaiting();
    this.stopDragPaint();
    this.styleReady = false;
    this.pending = null;
  }

  /**
   * Applies what changed between the last input seen and `next`.
   * @param force apply every part, as after new static layers
   */
  update(next: MapInput, force = false): void {
    if (!this.styleReady) {
      this.pending = next;
      return;
    }
    const prev = force ? null : this.input;
    this.input = next;
    const changed = (...keys: (keyof MapInput)[]) => !prev || keys.some((k) => prev[k] !== next[k]);
    const resultOfDataset = next.result !== null && next.result.tag.dataset === next.datasetGeneration;
    // a new region: the old one goes at once, the new one is drawn after the frame of its first complete figures
    // (dataset-hold.ts); a map made after a headline-first answer (MapView) holds the region as well
    if (changed('dataset', 'datasetGeneration')) {
      this.hold.cancel();
      if (next.dataset && !(resultOfDataset && !next.result!.tag.partial)) {
        this.applyDataset({ ...next, dataset: null });
        this.drawStations({ ...next, stations: [] });
        this.hold.hold(next.datasetGeneration);
      } else this.applyDataset(next);
    }
    // a headline-first answer (partial) is shown in the panels; the map waits for the complete one, so the
    // worker's refresh is not queued behind the map's build of the region
    if (resultOfDataset && !next.result!.tag.partial) this.hold.resultShown(next.datasetGeneration);
    const released = this.hold.take();
    if (released) this.applyDataset(next);
    const holding = this.hold.holding;
    // the dataset drawn now: it was not held, or its hold has just ended
    const datasetChanged = released || (changed('dataset', 'datasetGeneration') && !holding);
    // a drag's start costs a frame already (the marker handed to the overlay): its first result waits its turn too
    if (changed('draggingStationId') && next.draggingStationId !== null && prev?.draggingStationId == null) this.lastDragPaint = performance.now();
    // a drag step's result held back by paintResult is painted by its timer, or replaced by the drop's result:
    // at the drop a late step is not painted (a frame the drop's own result would wait behind)
    if (changed('draggingStationId') && next.draggingStationId === null) this.stopDragPaint();
    const resultChanged = datasetChanged || (changed('result') && !holding);
    const drawn = resultChanged && next.result ? this.paintResult(next, datasetChanged) : false;
    // every station edit (a drag step, a toggle, an add) asks the worker, so its redraw waits for the answer: a frame fewer
    // (a dragged station is a DOM overlay that costs no map frame: it follows the pointer at once)
    const stationEdit = prev !== null && !drawn && !changed('dataset', 'selectedStationId', 'rules', 'language') && next.draggingStationId === null;
    if (holding) this.stopWaiting();
    else if (stationEdit && changed('stations')) this.waitForResult();
    else if (drawn || datasetChanged || changed('dataset', 'stations', 'selectedStationId', 'draggingStationId', 'rules', 'language')) {
      this.stopWaiting();
      this.drawStations(next);
    }
    this.isochrones.update(next);
    this.ems.update(next);
    if (changed('highlightedGap')) this.gaps.highlight(next.highlightedGap);
    if (changed('suggestion')) this.applySuggestion(next);
    if (changed('language')) this.gaps.relabel();
    if (changed('language') && !datasetChanged && !holding && next.dataset) this.source(SOURCE.zoneLabels).setData(zoneLabelFeatures(next.dataset.zones, next.language));
    this.applyVisibility();
    this.camera.apply(next.focus, {
      regionBounds: this.cells.bounds,
      zoneOutline: (code) => this.zoneOutlines.get(code),
      zoneCellBounds: (code) => this.cells.zoneCellBounds(code),
      gaps: this.gaps.shown.length > 0 ? this.gaps.shown : (next.result?.gaps ?? []),
      stations: next.stations,
    });
  }

  /**
   * Paints the input's result on the cells and gap areas, unless a drag is
   * on and the last drag paint is younger than the pace allows: it is then painted
   * when that time is up (or at the drop), whichever result is current then.
   * True when painted now.
   */
  private paintResult(input: MapInput, datasetChanged: boolean): boolean {
    this.stopDragPaint();
    const now = performance.now();
    if (input.draggingStationId !== null && !datasetChanged && this.painted !== null) {
      const wait = this.lastDragPaint + this.pace.dragPaintMs() - now;
      if (wait > 0) {
        this.dragPaintTimer = setTimeout(() => {
          this.dragPaintTimer = null;
          const current = this.input;
          if (!current || this.disposed || current.result === this.painted) return;
          if (this.paintResult(current, false)) this.drawStations(current);
        }, wait);
        return false;
      }
      this.lastDragPaint = now;
    } else this.lastDragPaint = input.draggingStationId !== null ? now : -Infinity;
    const result = input.result!;
    if (this.cells.showResult(result, input.rules.circleMinutes) === null) return false;
    this.pace.measure(now);
    this.stats.paintFrameMs = this.pace.frameMs;
    this.stats.dragPaintMs = this.pace.dragPaintMs();
    const context = this.cells.paintContext();
    if (context) this.ems.showResult(result, input.rules, context);
    this.painted = result;
    this.gaps.showResult(result);
    return true;
  }

  /** Shows the toggled layers that have data of the dataset drawn. */
  private applyVisibility(): void {
    const input = this.input;
    if (!input || this.disposed) return;
    const shown = this.cells.shown;
    this.visibility.apply(input.layers, input.basemapUrl, shown, shown && this.cells.minutes.shown, this.ems.shown(shown));
  }

  private stopDragPaint(): void {
    if (this.dragPaintTimer) clearTimeout(this.dragPaintTimer);
    this.dragPaintTimer = null;
  }

  /** The result the stations' rings are drawn from: only one of the dataset drawn. */
  private drawStations(input: MapInput): void {
    const result = input.result && input.result.tag.dataset === input.datasetGeneration ? input.result : null;
    this.stationLayer.draw({
      stations: input.stations,
      selectedStationId: input.selectedStationId,
      draggingStationId: input.draggingStationId,
      rules: input.rules,
      language: input.language,
      result,
    });
  }

  /** Holds an edited station's redraw until its result arrives (or DRAG_WAIT_MS passes). */
  private waitForResult(): void {
    if (this.stationsWaiting) return;
    this.stationsWaiting = setTimeout(() => {
      this.stationsWaiting = null;
      if (this.input && !this.disposed) this.drawStations(this.input);
    }, DRAG_WAIT_MS);
  }

  private stopWaiting(): void {
    if (this.stationsWaiting) clearTimeout(this.stationsWaiting);
    this.stationsWaiting = null;
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`The map style has no source "${id}".`);
    return source;
  }

  private applyDataset(input: MapInput): void {
    const { dataset } = input;
    this.painted = null;
    this.cells.setDataset(dataset, input.datasetGeneration);
    this.ems.reset();
    this.gaps.clear();
    this.stationLayer.clearOverlay();
    this.source(SOURCE.zoneLabels).setData(dataset ? zoneLabelFeatures(dataset.zones, input.language) : EMPTY);
    // the region's own outlines: its parts (counties) and its zones, as the region pack or the user's files give them
    const zones = dataset ? zoneOutlineFeatures(dataset) : [];
    this.zoneOutlines = new Map(zones.map((f) => [f.properties.code, f]));
    this.source(SOURCE.zones).setData({ type: 'FeatureCollection', features: zones });
    this.source(SOURCE.counties).setData(
      dataset
        ? {
            type: 'FeatureCollection',
            features: [...dataset.region.contextOutlines.features, ...dataset.region.partOutlines.features].map((f) => ({ ...f, properties: { adcode: f.properties.code, name: f.properties.name } })),
          }
        : EMPTY,
    );
    const counties = dataset?.counties ?? [];
    this.map.setFilter(LAYER.countiesFill, inCounties('adcode', counties) as FilterSpecification);
    const line = countyLinePaint(counties);
    this.map.setPaintProperty(LAYER.countiesLine, 'line-color', line['line-color']);
    this.map.setPaintProperty(LAYER.countiesLine, 'line-width', line['line-width']);
    this.map.setFilter(LAYER.zonesLine, inCounties('county', counties) as FilterSpecification);
  }

  private applySuggestion(input: MapInput): void {
    const s = input.suggestion;
    this.source(SOURCE.suggestions).setData(suggestionFeatures(s?.picks ?? []));
    // picks of an earlier scenario stay in place, greyed, until recomputed or cleared
    if (this.map.getLayer(LAYER.suggestions)) this.map.setPaintProperty(LAYER.suggestions, 'circle-opacity', s?.stale ? 0.35 : 1);
  }
}
