/**
 * Keeps a MapLibre map in step with the app state: fills the sources when the
 * dataset changes, repaints only the cells whose status changed when a result
 * arrives, redraws stations and rings, shows and hides layers, and moves the
 * camera on focus requests. It reads results; it never computes coverage.
 */
import { cellToBoundary, getResolution } from 'h3-js';
import type { ErrorEvent as MapErrorEvent, FilterSpecification, GeoJSONSource, Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { Language } from '../i18n/types.ts';
import type { FocusRequest, LayerKey, MapViewState as AppState } from './types.ts';
import { circleFormula, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import type { GapSummary, LoadedDataset } from '../worker/api.ts';
import { aggregateParents, buildCellLayer, buildParentFeatures, cellFinder, type Bounds } from './cells.ts';
import { RingCache, type RingInput } from './circles.ts';
import { boundsOf, focusTarget } from './focus.ts';
import { gapFeatures, hasOutlines } from './gaps.ts';
import {
  countyLinePaint,
  gapHighlightFilter,
  gapLabelSize,
  inCounties,
  LAYER,
  PARENT_RESOLUTION,
  SOURCE,
  TOGGLED_LAYERS,
} from './layers.ts';
import { stationFeatures } from './stations.ts';
import { suggestionFeatures } from './suggestions.ts';
import { EMPTY, basemapLayer, basemapSource, isTileTemplate } from './style.ts';
import { mapLabel } from './text.ts';
import { parentIndex, parentStatus, refreshParents, type ParentStatus } from './parent-status.ts';
import type { CellStateTracker } from './status-diff.ts';
import { paintStatus } from './status-paint.ts';
import { makeZoneLookup, stationZoneCode, zoneAreaType, zoneLabelFeatures, type ZoneCollection, type ZoneFeature, type ZoneLookup } from './zones.ts';

export type MapTranslate = (language: Language, key: string, params?: Record<string, string | number>) => string;

/** Costs of the latest map updates, in milliseconds (for tests and benchmarks). */
export interface MapStats {
  cellCount: number;
  /** Building cell and parent polygons for the dataset. */
  buildCellsMs: number;
  /** From handing the cells to MapLibre until its worker has them indexed. */
  cellsReadyMs: number;
  /** Diffing the latest result against what was drawn and setting feature-state. */
  statusUpdateMs: number;
  /** Cells repainted by the latest result. */
  changedCells: number;
  /** From the start of applying the latest result to the end of the next frame drawn with it. */
  resultToFrameMs: number;
  /** Redrawing stations and rings (latest). */
  stationsMs: number;
  ringsRecomputed: number;
  /** Results applied since the dataset was loaded. */
  resultsApplied: number;
}

export interface StaticLayers {
  /** Zone outlines, for placing stations in zones and fitting zones. */
  zones: ZoneCollection;
  /** The same outlines and the county outlines as absolute URLs, for MapLibre's worker to fetch and parse. */
  zonesUrl: string;
  countiesUrl: string;
}

export interface MapControllerOptions {
  translate: MapTranslate;
  /** Padding when fitting a box, e.g. to keep it clear of the legend. */
  fitPadding?: () => PaddingOptions;
  /** Told false when an online basemap is added and true when its tiles fail (offline, wrong address). */
  onBasemapStatus?: (failed: boolean) => void;
}

const POINT_ZOOM = 12.5;
/**
 * While a station is dragged, its new position waits for the coverage it
 * produced (at most this long), so marker, rings and cell colours reach the
 * screen in one frame: half the frames, and a frame is what a slow (software)
 * GPU makes the page wait for.
 */
const DRAG_WAIT_MS = 150;
const FIT_PADDING: PaddingOptions = { top: 48, right: 48, bottom: 48, left: 48 };

export class MapController {
  readonly stats: MapStats = { cellCount: 0, buildCellsMs: 0, cellsReadyMs: 0, statusUpdateMs: 0, changedCells: 0, resultToFrameMs: 0, stationsMs: 0, ringsRecomputed: 0, resultsApplied: 0 };
  private styleReady = false;
  private disposed = false;
  private state: AppState | null = null;
  private pending: AppState | null = null;
  private staticLayers: StaticLayers | null = null;
  private zoneOutlines = new Map<string, ZoneFeature>();
  private dataset: LoadedDataset | null = null;
  /** Counts datasets, so cells built for an older one are dropped. */
  private generation = 0;
  private cellAt: ((h3: string) => number | undefined) | null = null;
  private regionBounds: Bounds | null = null;
  /** Created by the first result of a dataset (its baseline comes from that result). */
  private tracker: CellStateTracker | null = null;
  /** The same for the parent cells drawn at low zoom, and the parent statuses last derived. */
  private parentTracker: CellStateTracker | null = null;
  private parentShown: ParentStatus | null = null;
  private cellCount = 0;
  private resultShown = false;
  private lookup: ZoneLookup = makeZoneLookup({});
  private readonly zoneMemo = new Map<string, { key: string; code: string | null }>();
  private readonly rings = new RingCache();
  private shownGaps: readonly GapSummary[] = [];
  private gapsStale = false;
  private focusDone = -1;
  private cameraMoved = false;
  private basemapShown: string | null = null;
  private readonly visibility = new Map<string, boolean>();
  private stationsWaiting: ReturnType<typeof setTimeout> | null = null;

  private readonly translate: MapTranslate;
  private readonly fitPadding: () => PaddingOptions;
  private readonly onBasemapStatus: (failed: boolean) => void;
  private basemapFailed = false;

  constructor(
    private readonly map: MapLibreMap,
    options: MapControllerOptions,
  ) {
    this.translate = options.translate;
    this.fitPadding = options.fitPadding ?? (() => FIT_PADDING);
    this.onBasemapStatus = options.onBasemapStatus ?? (() => {});
    // an opted-in online basemap that cannot load is reported once, not logged per tile; other errors are logged as MapLibre would
    map.on('error', (e: MapErrorEvent & { sourceId?: string }) => {
      if (e.sourceId === SOURCE.basemap) {
        if (!this.basemapFailed) this.onBasemapStatus((this.basemapFailed = true));
        return;
      }
      console.error(e.error);
    });
    const ready = () => {
      if (this.disposed) return;
      this.styleReady = true;
      const next = this.pending;
      this.pending = null;
      if (this.staticLayers) this.applyStatic();
      if (next) this.update(next);
    };
    if (map.isStyleLoaded()) ready();
    else map.once('load', ready);
  }

  /** Stops applying anything (the map is being removed); work in flight is dropped. */
  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.stopWaiting();
    this.styleReady = false;
    this.pending = null;
  }

  /** Zone outlines and county outlines, fetched once from the built data. */
  setStaticLayers(layers: StaticLayers): void {
    this.staticLayers = layers;
    this.zoneOutlines = new Map(layers.zones.features.map((f) => [f.properties.code, f]));
    if (!this.styleReady || this.disposed) return;
    this.applyStatic();
    if (this.state) this.update(this.state, true);
  }

  /**
   * Applies what changed between the last state seen and `next`.
   * @param force apply every part, as after new static layers
   */
  update(next: AppState, force = false): void {
    if (!this.styleReady) {
      this.pending = next;
      return;
    }
    const prev = force ? null : this.state;
    this.state = next;
    const changed = (...keys: (keyof AppState)[]) => !prev || keys.some((k) => prev[k] !== next[k]);
    if (changed('dataset')) this.applyDataset(next.dataset);
    const resultChanged = changed('dataset', 'result');
    if (resultChanged) this.applyResult(next);
    const dragMove = prev !== null && next.draggingStationId !== null && !resultChanged && !changed('dataset', 'selectedStationId', 'rules', 'language');
    if (dragMove && changed('stations')) this.waitForResult();
    else if (changed('dataset', 'stations', 'selectedStationId', 'rules', 'language') || (resultChanged && this.stationsWaiting)) {
      this.stopWaiting();
      this.applyStations(next);
    }
    if (changed('highlightedGap')) this.applyHighlight(next.highlightedGap);
    if (changed('suggestion')) this.source(SOURCE.suggestions).setData(suggestionFeatures(next.suggestion?.picks ?? []));
    if (changed('language') && this.shownGaps.length > 0) this.setGaps(this.shownGaps, next.language);
    if (changed('language') && !changed('dataset') && next.dataset) this.source(SOURCE.zoneLabels).setData(zoneLabelFeatures(next.dataset.zones, next.language));
    this.applyVisibility(next);
    this.applyFocus(next);
  }

  /** Holds a dragged station's redraw until its result arrives (or DRAG_WAIT_MS passes). */
  private waitForResult(): void {
    if (this.stationsWaiting) return;
    this.stationsWaiting = setTimeout(() => {
      this.stationsWaiting = null;
      if (this.state && !this.disposed) this.applyStations(this.state);
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

  private applyStatic(): void {
    const layers = this.staticLayers!;
    this.source(SOURCE.zones).setData(layers.zonesUrl);
    this.source(SOURCE.counties).setData(layers.countiesUrl);
    this.rebuildLookup();
  }

  private rebuildLookup(): void {
    const d = this.dataset;
    this.lookup = makeZoneLookup({
      zones: d?.zones ?? [],
      cellAt: this.cellAt,
      resolution: d && d.h3.length > 0 ? getResolution(d.h3[0]) : 9,
      cellZone: d?.zone ?? null,
      outlines: this.staticLayers?.zones.features ?? [],
    });
    this.zoneMemo.clear();
  }

  private applyDataset(dataset: LoadedDataset | null): void {
    const generation = ++this.generation;
    this.dataset = dataset;
    this.tracker = null;
    this.parentTracker = null;
    this.parentShown = null;
    this.cellCount = dataset?.h3.length ?? 0;
    this.resultShown = false;
    this.shownGaps = [];
    this.regionBounds = null;
    this.map.removeFeatureState({ source: SOURCE.cells });
    for (const id of [SOURCE.gaps, SOURCE.gapLabels]) this.source(id).setData(EMPTY);
    this.cellAt = dataset ? cellFinder(dataset.h3) : null;
    this.source(SOURCE.zoneLabels).setData(dataset ? zoneLabelFeatures(dataset.zones, this.state?.language) : EMPTY);
    const counties = dataset?.counties ?? [];
    this.map.setFilter(LAYER.countiesFill, inCounties('adcode', counties) as FilterSpecification);
    const line = countyLinePaint(counties);
    this.map.setPaintProperty(LAYER.countiesLine, 'line-color', line['line-color']);
    this.map.setPaintProperty(LAYER.countiesLine, 'line-width', line['line-width']);
    this.map.setFilter(LAYER.zonesLine, inCounties('county', counties) as FilterSpecification);
    this.rebuildLookup();
    if (!dataset || dataset.h3.length === 0) {
      for (const id of [SOURCE.cells, SOURCE.parents]) this.source(id).setData(EMPTY);
      return;
    }
    this.stats.cellCount = dataset.h3.length;
    this.stats.resultsApplied = 0;
    const t0 = performance.now();
    const built = buildCellLayer(dataset.h3, dataset.population);
    // a grid already as coarse as the parents (a user's own table) is drawn as it is
    const parentResolution = Math.min(PARENT_RESOLUTION, getResolution(dataset.h3[0]));
    const parents = buildParentFeatures(aggregateParents(dataset.h3, dataset.population, built.areaKm2, parentResolution));
    this.regionBounds = built.bounds;
    const t1 = performance.now();
    this.stats.buildCellsMs = t1 - t0;
    // objects, not a blob URL: MapLibre fetches blob URLs on the page's thread and copies the parsed data both ways
    this.source(SOURCE.parents).setData(parents);
    void this.source(SOURCE.cells)
      .setData(built.cells, true)
      .then(() => {
        if (generation === this.generation) this.stats.cellsReadyMs = performance.now() - t1;
      })
      // the map was removed before the worker finished
      .catch(() => {});
  }

  private applyResult(state: AppState): void {
    const { result } = state;
    // a result from before a region switch may still arrive: its cells are not these
    if (!result || !this.dataset || result.status.length !== this.cellCount) return;
    const t0 = performance.now();
    const cells = paintStatus(this.map, SOURCE.cells, [LAYER.status, LAYER.outsideCircle], this.tracker, result.status, result.withinCircle);
    this.tracker = cells.tracker;
    // parents: all of them on the first result, then only those holding a cell that changed
    const index = parentIndex(this.dataset.h3);
    if (!this.parentShown) this.parentShown = parentStatus(result.status, result.withinCircle, this.dataset.population, index.parentOf, index.count, index.children);
    else {
      const touched = new Set<number>();
      for (let k = 0; k < cells.changed.length; k++) if (index.parentOf[cells.changed[k]] >= 0) touched.add(index.parentOf[cells.changed[k]]);
      refreshParents(this.parentShown, touched, index.children, result.status, result.withinCircle, this.dataset.population);
    }
    const parents = this.parentShown;
    this.parentTracker = paintStatus(this.map, SOURCE.parents, [LAYER.statusParents, LAYER.outsideCircleParents], this.parentTracker, parents.status, parents.inside).tracker;
    const changed = cells.changed;
    this.stats.statusUpdateMs = performance.now() - t0;
    this.stats.changedCells = changed.length;
    this.map.once('render', () => {
      this.stats.resultToFrameMs = performance.now() - t0;
    });
    this.stats.resultsApplied++;
    this.resultShown = true;
    if (result.gapsUpdated && hasOutlines(result.gaps)) {
      this.setGaps(result.gaps, state.language);
      if (this.gapsStale) this.map.setPaintProperty(LAYER.gapsLine, 'line-opacity', 0.9);
      this.gapsStale = false;
    } else if (!this.gapsStale) {
      // drag updates repeat the last gap groups: keep their outlines, faded, until the drop
      this.gapsStale = true;
      this.map.setPaintProperty(LAYER.gapsLine, 'line-opacity', 0.35);
    }
  }

  private setGaps(gaps: readonly GapSummary[], language: Language): void {
    this.shownGaps = gaps;
    const f = gapFeatures(gaps, (rank) => this.translate(language, 'map.gapLabel', { rank }));
    this.source(SOURCE.gaps).setData(f.outlines);
    this.source(SOURCE.gapLabels).setData(f.labels);
  }

  private applyHighlight(rank: number | null): void {
    this.map.setFilter(LAYER.gapHighlight, gapHighlightFilter(rank) as FilterSpecification);
    this.map.setFilter(LAYER.gapHighlightHalo, gapHighlightFilter(rank) as FilterSpecification);
    this.map.setLayoutProperty(LAYER.gapLabels, 'text-size', gapLabelSize(rank));
  }

  /** Area type a station's rings are drawn for. */
  private stationAreaType(station: Station, rules: Rules): AreaType {
    const key = `${station.lng},${station.lat},${station.township ?? ''}`;
    let memo = this.zoneMemo.get(station.id);
    if (!memo || memo.key !== key) {
      memo = { key, code: stationZoneCode(station, this.lookup) };
      this.zoneMemo.set(station.id, memo);
    }
    return zoneAreaType(memo.code, this.lookup, rules);
  }

  private applyStations(state: AppState): void {
    const t0 = performance.now();
    const { stations, selectedStationId, rules, language } = state;
    this.source(SOURCE.stations).setData(stationFeatures(stations, selectedStationId));
    const labels: Partial<Record<AreaType, string>> = {};
    const circleLabel = (areaType: AreaType) =>
      (labels[areaType] ??= mapLabel(
        this.translate(language, 'map.circleLabel', {
          minutes: rules.circleMinutes,
          areaType: this.translate(language, `map.areaType.${areaType}`),
          formula: circleFormula(rules, areaType),
        }),
      ));
    const inputs: RingInput[] = stations.map((station) => {
      const areaType = this.stationAreaType(station, rules);
      return { station, areaType, selected: station.id === selectedStationId, circleLabel: circleLabel(areaType) };
    });
    this.source(SOURCE.radii).setData({ type: 'FeatureCollection', features: this.rings.features(inputs, rules) });
    this.stats.stationsMs = performance.now() - t0;
    this.stats.ringsRecomputed = this.rings.recomputed;
  }

  private setVisible(id: string, visible: boolean): void {
    if (this.visibility.get(id) === visible || !this.map.getLayer(id)) return;
    this.visibility.set(id, visible);
    this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  private applyVisibility(state: AppState): void {
    const wanted = state.layers.basemap && isTileTemplate(state.basemapUrl) ? state.basemapUrl.trim() : null;
    if (wanted !== this.basemapShown) {
      if (this.map.getLayer(LAYER.basemap)) this.map.removeLayer(LAYER.basemap);
      if (this.map.getSource(SOURCE.basemap)) this.map.removeSource(SOURCE.basemap);
      this.visibility.delete(LAYER.basemap);
      const source = wanted ? basemapSource(wanted) : null;
      if (source) {
        this.map.addSource(SOURCE.basemap, source);
        this.map.addLayer(basemapLayer(), LAYER.countiesFill);
      }
      this.basemapShown = wanted;
      this.basemapFailed = false;
      this.onBasemapStatus(false);
    }
    for (const [key, ids] of Object.entries(TOGGLED_LAYERS) as [LayerKey, readonly string[]][]) {
      for (const id of ids) {
        const needsResult = id === LAYER.status || id === LAYER.outsideCircle || id === LAYER.statusParents || id === LAYER.outsideCircleParents;
        this.setVisible(id, state.layers[key] && (!needsResult || this.resultShown));
      }
    }
  }

  private applyFocus(state: AppState): void {
    const request: FocusRequest | null = state.focus;
    if (!request || request.nonce === this.focusDone) return;
    const target = focusTarget(request, {
      regionBounds: this.regionBounds,
      zoneOutline: (code) => this.zoneOutlines.get(code),
      zoneCellBounds: (code) => this.zoneCellBounds(code),
      gaps: this.shownGaps.length > 0 ? this.shownGaps : (state.result?.gaps ?? []),
      stations: state.stations,
      pointZoom: POINT_ZOOM,
    });
    // not known yet (data still loading): try again on the next update
    if (!target) return;
    this.focusDone = request.nonce;
    const duration = this.cameraMoved ? 700 : 0;
    this.cameraMoved = true;
    if ('bounds' in target) this.map.fitBounds(target.bounds, { padding: this.fitPadding(), duration, maxZoom: 15 });
    else this.map.flyTo({ center: target.center, zoom: Math.max(this.map.getZoom(), target.zoom), duration });
  }

  private zoneCellBounds(code: string): Bounds | null {
    const d = this.dataset;
    const z = d ? d.zones.findIndex((x) => x.code === code) : -1;
    if (!d || z < 0) return null;
    const corners: number[][][] = [];
    for (let i = 0; i < d.zone.length; i++) if (d.zone[i] === z) corners.push(cellToBoundary(d.h3[i], true));
    return boundsOf(corners);
  }
}
