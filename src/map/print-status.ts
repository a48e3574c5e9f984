/**
 * Paints cell statuses on the print copy as the controller does on the live
 * map: on the cells, and on the res-7 parents drawn at low zoom (status of
 * most residents, see parent-status.ts), each as a baseline paint plus
 * feature-state for the features that differ. A county's cells are few
 * enough to print at any zoom, so its print shows every cell where the
 * screen, which must stay fast while panning, shows parents.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER, SOURCE, STATUS_PARENT_MAX_ZOOM } from './layers.ts';
import { parentIndex, parentStatus } from './parent-status.ts';
import { paintStatus } from './status-paint.ts';
import { MinutesLayer } from './minutes-layer.ts';

/** Regions up to this many cells print every cell at any zoom (a county has 10–30 thousand; all Quanzhou 118 thousand). */
export const PRINT_ALL_CELLS_MAX = 50_000;

export interface PrintCells {
  /** H3 index per cell, in the engine's order (the cell's feature id). */
  h3: readonly string[];
  population: ArrayLike<number>;
}

function paint(map: MapLibreMap, source: string, layers: readonly [string, string], status: Uint8Array, inside: Uint8Array): void {
  // the print copy is painted afresh each export: clear what the last export set
  map.removeFeatureState({ source });
  paintStatus(map, source, layers, null, status, inside);
}

/**
 * Paints per-cell statuses on the print copy (cells and parents).
 * @param layout the layers' `visibility` as the live map has them (hidden layers stay hidden)
 */
export function paintPrintStatus(map: MapLibreMap, cells: PrintCells, status: Uint8Array, withinCircle: Uint8Array, visible: (layerId: string) => boolean): void {
  paint(map, SOURCE.cells, [LAYER.status, LAYER.outsideCircle], status, withinCircle);
  const { parentOf, count, children } = parentIndex(cells.h3);
  const parents = parentStatus(status, withinCircle, cells.population, parentOf, count, children);
  paint(map, SOURCE.parents, [LAYER.statusParents, LAYER.outsideCircleParents], parents.status, parents.inside);
  const allCells = cells.h3.length <= PRINT_ALL_CELLS_MAX;
  for (const [cellLayer, parentLayer] of [
    [LAYER.status, LAYER.statusParents],
    [LAYER.outsideCircle, LAYER.outsideCircleParents],
  ]) {
    map.setLayerZoomRange(cellLayer, allCells ? 0 : STATUS_PARENT_MAX_ZOOM, 24);
    map.setLayoutProperty(parentLayer, 'visibility', !allCells && visible(parentLayer) ? 'visible' : 'none');
  }
}

/**
 * Paints response minutes on the print copy's response-time layer, after
 * paintPrintStatus (which cleared the copy's feature-state), cells and
 * parents as the live map does; without minutes the layer is left off.
 * @param visible the layers' `visibility` as the live map has them
 */
export function paintPrintMinutes(
  map: MapLibreMap,
  cells: PrintCells,
  minutes: { minutes: Float32Array; roadAccess?: Uint8Array | null; circleMinutes: number } | null,
  visible: (layerId: string) => boolean,
): void {
  if (!map.getLayer(LAYER.minutes)) return;
  const shown = minutes !== null && visible(LAYER.minutes);
  const allCells = cells.h3.length <= PRINT_ALL_CELLS_MAX;
  map.setLayerZoomRange(LAYER.minutes, allCells ? 0 : STATUS_PARENT_MAX_ZOOM, 24);
  map.setLayoutProperty(LAYER.minutes, 'visibility', shown ? 'visible' : 'none');
  map.setLayoutProperty(LAYER.minutesParents, 'visibility', shown && !allCells ? 'visible' : 'none');
  if (!shown) return;
  new MinutesLayer(map).show({ minutes: minutes.minutes, roadAccess: minutes.roadAccess ?? null }, minutes.circleMinutes, cells.population, parentIndex(cells.h3), false);
}
