/**
 * Paints cell statuses on the print copy as the controller does on the live
 * map: on the cells, and on the res-7 parents drawn at low zoom (status of
 * most residents, see parent-status.ts), each as a baseline paint plus
 * feature-state for the features that differ. A county's cells are few
 * enough to print at any zoom, so its print shows every cell where the
 * screen, which must stay fast while panning, shows parents.
 */
import { cellToParent, getResolution } from 'h3-js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER, outsideCircleOpacity, PARENT_RESOLUTION, SOURCE, STATUS_PARENT_MAX_ZOOM, statusFillColor, statusFillOpacity } from './layers.ts';
import { parentStatus } from './parent-status.ts';
import { CellStateTracker, commonBaseline } from './status-diff.ts';

/** Regions up to this many cells print every cell at any zoom (a county has 10–30 thousand; all Quanzhou 118 thousand). */
export const PRINT_ALL_CELLS_MAX = 50_000;

export interface PrintCells {
  /** H3 index per cell, in the engine's order (the cell's feature id). */
  h3: readonly string[];
  population: ArrayLike<number>;
}

interface ParentIndex {
  parentOf: Int32Array;
  count: number;
}

const parentIndexes = new WeakMap<readonly string[], ParentIndex>();

/**
 * Each cell's parent feature id: parents numbered in order of first
 * appearance at the resolution the controller uses (as aggregateParents does).
 * @example parentIndex(['8941a008a1bffff', '8941a008a13ffff']).count // 1
 */
export function parentIndex(h3: readonly string[]): ParentIndex {
  let index = parentIndexes.get(h3);
  if (index) return index;
  const resolution = h3.length > 0 ? Math.min(PARENT_RESOLUTION, getResolution(h3[0])) : PARENT_RESOLUTION;
  const ids = new Map<string, number>();
  const parentOf = new Int32Array(h3.length);
  for (let i = 0; i < h3.length; i++) {
    const parent = getResolution(h3[i]) === resolution ? h3[i] : cellToParent(h3[i], resolution);
    let id = ids.get(parent);
    if (id === undefined) ids.set(parent, (id = ids.size));
    parentOf[i] = id;
  }
  index = { parentOf, count: ids.size };
  parentIndexes.set(h3, index);
  return index;
}

function paint(map: MapLibreMap, source: string, statusLayer: string, outsideLayer: string, status: Uint8Array, inside: Uint8Array): void {
  const tracker = new CellStateTracker(status.length, commonBaseline(status, inside));
  map.removeFeatureState({ source });
  map.setPaintProperty(statusLayer, 'fill-color', statusFillColor(tracker.baseline.status));
  map.setPaintProperty(statusLayer, 'fill-opacity', statusFillOpacity(tracker.baseline.status));
  map.setPaintProperty(outsideLayer, 'fill-opacity', outsideCircleOpacity(tracker.baseline.inside));
  const changed = tracker.update(status, inside);
  for (let k = 0; k < changed.length; k++) {
    const i = changed[k];
    map.setFeatureState({ source, id: i }, { s: tracker.statusOf(i), c: tracker.insideOf(i) });
  }
}

/**
 * Paints per-cell statuses on the print copy (cells and parents).
 * @param layout the layers' `visibility` as the live map has them (hidden layers stay hidden)
 */
export function paintPrintStatus(map: MapLibreMap, cells: PrintCells, status: Uint8Array, withinCircle: Uint8Array, visible: (layerId: string) => boolean): void {
  paint(map, SOURCE.cells, LAYER.status, LAYER.outsideCircle, status, withinCircle);
  const { parentOf, count } = parentIndex(cells.h3);
  const parents = parentStatus(status, withinCircle, cells.population, parentOf, count);
  paint(map, SOURCE.parents, LAYER.statusParents, LAYER.outsideCircleParents, parents.status, parents.inside);
  const allCells = cells.h3.length <= PRINT_ALL_CELLS_MAX;
  for (const [cellLayer, parentLayer] of [
    [LAYER.status, LAYER.statusParents],
    [LAYER.outsideCircle, LAYER.outsideCircleParents],
  ]) {
    map.setLayerZoomRange(cellLayer, allCells ? 0 : STATUS_PARENT_MAX_ZOOM, 24);
    map.setLayoutProperty(parentLayer, 'visibility', !allCells && visible(parentLayer) ? 'visible' : 'none');
  }
}
