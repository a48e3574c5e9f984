/**
 * The population cells and their status colours: fills the cell and parent
 * sources when the dataset changes, and repaints only the cells whose status
 * changed when a result arrives. A result is drawn only when it belongs to
 * the dataset drawn (its tag names the same generation).
 */
import { cellToBoundary } from 'h3-js';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { EvaluationUpdate, LoadedDataset } from '../worker/api.ts';
import { CellLayerCache } from './cell-layer-cache.ts';
import { MinutesLayer } from './minutes-layer.ts';
import type { PaintContext } from './ems-layers.ts';
import type { Bounds } from './cells.ts';
import { boundsOf } from './focus.ts';
import { EMS_CELL_LAYERS, LAYER, MAX_DRAWN_CELLS, PARENT_MAX_ZOOM, SOURCE, STATUS_PARENT_MAX_ZOOM } from './layers.ts';
import { parentIndex, parentStatus, refreshParents, type ParentStatus } from './parent-status.ts';
import type { CellStateTracker } from './status-diff.ts';
import { paintStatus } from './status-paint.ts';
import { EMPTY } from './style.ts';

/** Costs of the latest cell updates, in milliseconds (for tests and benchmarks). */
export interface CellStats {
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
  /** Results applied since the dataset was loaded. */
  resultsApplied: number;
  /** What a cell and a parent without feature-state show (0 covered, 1 marginal, 2 gap): tests read drawn states with it. */
  baseline: { cells: number; parents: number } | null;
  /** The same for the response-time layer's classes (minutes-ramp.ts), or null while it shows none. */
  minutesBaseline?: { cells: number; parents: number } | null;
}

/** The latest the cells wait for a first result before they are handed to MapLibre anyway. */
const CELLS_LATEST_MS = 3000;

export class CellLayer {
  // the strings (`h3`) are not read here: the halves serve every lookup
  private dataset: Omit<LoadedDataset, 'h3'> | null = null;
  private generation = -1;
  /** Counts datasets, so cells built for an older one are dropped. */
  private builds = 0;
  private tracker: CellStateTracker | null = null;
  /** The same for the parent cells drawn at low zoom, and the parent statuses last derived. */
  private parentTracker: CellStateTracker | null = null;
  private parentShown: ParentStatus | null = null;
  private index: ReturnType<typeof parentIndex> | null = null;
  /** Ids given feature-state since the dataset was drawn, per source: cleared one by one on the next dataset. */
  private painted = { cells: new Set<number>(), parents: new Set<number>() };
  /** Ids painted for an earlier dataset, not yet given this dataset's state. */
  private stale = { cells: new Set<number>(), parents: new Set<number>() };
  /** Box of all loaded cells. */
  bounds: Bounds | null = null;
  /** True once a result of this dataset is painted (status layers stay hidden before). */
  shown = false;
  /** A region of more than MAX_DRAWN_CELLS cells: only parents are drawn, at every zoom. */
  coarse = false;
  /** Hands the dataset's cells to MapLibre (pending until the first result), and its fallback timer. */
  private sendCells: (() => void) | null = null;
  private cellsTimer: ReturnType<typeof setTimeout> | null = null;
  /** Cell and parent polygons of the datasets shown lately (a revisit rebuilds none). */
  private readonly built = new CellLayerCache();
  /** Response minutes on roads, on the same features. */
  readonly minutes: MinutesLayer;

  constructor(
    private readonly map: MapLibreMap,
    readonly stats: CellStats,
  ) {
    this.minutes = new MinutesLayer(map);
  }

  private source(id: string): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(id);
    if (!source) throw new Error(`The map style has no source "${id}".`);
    return source;
  }

  setDataset(dataset: LoadedDataset | null, generation: number): void {
    const build = ++this.builds;
    this.cancelCells();
    this.dataset = dataset;
    this.generation = generation;
    this.tracker = null;
    this.parentTracker = null;
    this.parentShown = null;
    this.index = null;
    this.shown = false;
    this.bounds = null;
    this.stats.baseline = null;
    this.stats.minutesBaseline = null;
    this.minutes.reset();
    // Feature by feature, not the whole source: MapLibre's whole-source removal forgets states set
    // but not yet drawn (the cells layer is not drawn below zoom 9, so a city view's states stay queued),
    // and those would then show through on the next region's cells. Both sources: parents too.
    // Not removed here but overwritten by the next dataset's first result (see `overwriteStale`): MapLibre
    // drops a falsy value (status 0, covered) set while a removal of the same feature is queued, so after
    // 泉州市 → 永春县 → 泉州市 some covered parents showed the layer's baseline.
    for (const kind of ['cells', 'parents'] as const) {
      for (const id of this.painted[kind]) this.stale[kind].add(id);
      this.painted[kind].clear();
    }
    if (!dataset || dataset.population.length === 0) {
      for (const id of [SOURCE.cells, SOURCE.parents]) this.source(id).setData(EMPTY);
      return;
    }
    this.stats.cellCount = dataset.population.length;
    this.stats.resultsApplied = 0;
    this.setCoarse(dataset.population.length > MAX_DRAWN_CELLS);
    const t0 = performance.now();
    // a region shown before comes from the cache, with the very cell list it was built from (so parentIndex finds its index again)
    const layers = this.built.get(dataset.h3Halves, dataset.population);
    this.dataset = { ...dataset, h3Halves: layers.h3Halves };
    const built = layers.cells;
    const parents = layers.parents;
    this.bounds = built.bounds;
    const t1 = performance.now();
    this.stats.buildCellsMs = t1 - t0;
    // objects, not a blob URL: MapLibre fetches blob URLs on the page's thread and copies the parsed data both ways
    this.source(SOURCE.parents).setData(parents);
    // Handing 118,000 hexagons to MapLibre's worker copies them on this thread (seconds on a slow machine), which would
    // hold back the region's first figures: the old region's cells go at once, the new ones after the first result
    // (parents draw the region's view below zoom 9 meanwhile), or after CELLS_LATEST_MS when no result comes.
    this.source(SOURCE.cells).setData(EMPTY);
    if (this.coarse) return;
    const send = () => {
      this.cancelCells();
      if (build !== this.builds) return;
      const t2 = performance.now();
      void this.source(SOURCE.cells)
        .setData(built.cells, true)
        .then(() => {
          if (build === this.builds) this.stats.cellsReadyMs = performance.now() - t2;
        })
        // the map was removed before the worker finished
        .catch(() => {});
    };
    this.sendCells = send;
    this.cellsTimer = setTimeout(send, CELLS_LATEST_MS);
  }

  /** Drops a pending hand-over of cells (a newer dataset, or the map removed). */
  cancelCells(): void {
    if (this.cellsTimer !== null) clearTimeout(this.cellsTimer);
    this.cellsTimer = null;
    this.sendCells = null;
  }

  /**
   * Paints a result's statuses (and its response minutes on roads, if any).
   * Returns the cells whose status changed, or null when the result is not
   * of the dataset drawn (it is then not drawn at all).
   * @param circleMinutes the rules' emergency circle, the response-time ramp's key step
   */
  showResult(result: EvaluationUpdate, circleMinutes: number): Int32Array | null {
    const dataset = this.dataset;
    if (!dataset || result.tag.dataset !== this.generation || result.status.length !== dataset.population.length) return null;
    const t0 = performance.now();
    // a coarse region has no cell features: its cells' statuses are found (for the parents) but not painted
    const cells = paintStatus(this.coarse ? null : this.map, SOURCE.cells, [LAYER.status, LAYER.outsideCircle], this.tracker, result.status, result.withinCircle);
    this.tracker = cells.tracker;
    for (let k = 0; k < cells.changed.length && !this.coarse; k++) this.painted.cells.add(cells.changed[k]);
    // parents: all of them on the first result, then only those holding a cell that changed
    const index = (this.index ??= parentIndex(dataset.h3Halves));
    if (!this.parentShown) this.parentShown = parentStatus(result.status, result.withinCircle, dataset.population, index.parentOf, index.count, index.children);
    else {
      const touched = new Set<number>();
      for (let k = 0; k < cells.changed.length; k++) if (index.parentOf[cells.changed[k]] >= 0) touched.add(index.parentOf[cells.changed[k]]);
      refreshParents(this.parentShown, touched, index.children, result.status, result.withinCircle, dataset.population);
    }
    const parents = paintStatus(this.map, SOURCE.parents, [LAYER.statusParents, LAYER.outsideCircleParents], this.parentTracker, this.parentShown.status, this.parentShown.inside);
    this.parentTracker = parents.tracker;
    for (let k = 0; k < parents.changed.length; k++) this.painted.parents.add(parents.changed[k]);
    this.overwriteStale(SOURCE.cells, 'cells', cells.tracker, dataset.population.length);
    this.overwriteStale(SOURCE.parents, 'parents', parents.tracker, index.count);
    this.stats.baseline = { cells: cells.tracker.baseline.status, parents: parents.tracker.baseline.status };
    this.minutes.show(result, circleMinutes, dataset.population, index, this.coarse);
    this.stats.minutesBaseline = this.minutes.shown ? this.minutes.baseline : null;
    this.stats.statusUpdateMs = performance.now() - t0;
    this.stats.changedCells = cells.changed.length;
    this.map.once('render', () => {
      this.stats.resultToFrameMs = performance.now() - t0;
    });
    this.stats.resultsApplied++;
    this.shown = true;
    // the cells go to MapLibre's worker in a task of their own, once these figures are on screen
    const send = this.sendCells;
    if (send) {
      this.cancelCells();
      this.cellsTimer = setTimeout(send, 0);
      this.sendCells = null;
    }
    return cells.changed;
  }

  /**
   * Gives every feature painted for an earlier dataset and not by this result
   * this dataset's own baseline state, explicitly; ids past this dataset's
   * features lose theirs.
   */
  private overwriteStale(source: string, kind: 'cells' | 'parents', tracker: CellStateTracker, count: number): void {
    const stale = this.stale[kind];
    if (stale.size === 0) return;
    const { status, inside } = tracker.baseline;
    for (const id of stale) {
      if (id >= count) this.map.removeFeatureState({ source, id });
      else if (!this.painted[kind].has(id)) {
        this.map.setFeatureState({ source, id }, { s: status, c: inside });
        this.painted[kind].add(id);
      }
    }
    stale.clear();
  }

  /** Draws parents at every zoom (a coarse region) or only below STATUS_PARENT_MAX_ZOOM / PARENT_MAX_ZOOM (cells above). */
  private setCoarse(coarse: boolean): void {
    this.coarse = coarse;
    const ranges: [string, number, number][] = [
      [LAYER.statusParents, 0, coarse ? 24 : STATUS_PARENT_MAX_ZOOM],
      [LAYER.outsideCircleParents, 0, coarse ? 24 : STATUS_PARENT_MAX_ZOOM],
      [LAYER.minutesParents, 0, coarse ? 24 : STATUS_PARENT_MAX_ZOOM],
      ...Object.values(EMS_CELL_LAYERS).map((l): [string, number, number] => [l.parents, 0, coarse ? 24 : STATUS_PARENT_MAX_ZOOM]),
      [LAYER.populationParents, 0, coarse ? 24 : PARENT_MAX_ZOOM],
    ];
    for (const [id, min, max] of ranges) if (this.map.getLayer(id)) this.map.setLayerZoomRange(id, min, max);
  }

  /** What the EMS layers paint on: the dataset drawn, once a result of it is painted (null before). */
  paintContext(): PaintContext | null {
    const dataset = this.dataset;
    if (!dataset || !this.shown || !this.index) return null;
    return { generation: this.generation, population: dataset.population, index: this.index, coarse: this.coarse };
  }

  /** Box of the cells of a zone, when the zone has cells. */
  zoneCellBounds(code: string): Bounds | null {
    const d = this.dataset;
    const z = d ? d.zones.findIndex((x) => x.code === code) : -1;
    if (!d || z < 0) return null;
    const corners: number[][][] = [];
    for (let i = 0; i < d.zone.length; i++) if (d.zone[i] === z) corners.push(cellToBoundary([d.h3Halves[2 * i], d.h3Halves[2 * i + 1]], true));
    return boundsOf(corners);
  }
}
