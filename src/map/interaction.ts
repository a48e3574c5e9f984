/**
 * Pointer handling on the map: drag a station (moves reported at most once
 * per animation frame, then once more as final on release), click a station
 * to select it, click the map to add a station in add mode. The app decides
 * what each gesture does through the handlers.
 */
import type { Map as MapLibreMap, MapLayerMouseEvent, MapLayerTouchEvent, MapMouseEvent, MapTouchEvent } from 'maplibre-gl';
import { LAYER } from './layers.ts';

export interface InteractionHandlers {
  isAddMode(): boolean;
  select(id: string | null): void;
  /** `final` is false while dragging and true on release. */
  move(id: string, lng: number, lat: number, final: boolean): void;
  add(lng: number, lat: number): void;
  /** A click (not a drag) on a station. */
  clickStation?(id: string): void;
  /** A click on the map away from any station. */
  clickPoint?(lng: number, lat: number): void;
}

/** Pixels the pointer must travel before a press on a station becomes a drag. */
const DRAG_THRESHOLD_PX = 3;

interface Drag {
  id: string;
  startX: number;
  startY: number;
  lng: number;
  lat: number;
  moved: boolean;
  frame: number | null;
}

/**
 * The station a press means when several markers overlap (a health centre
 * often stands at the same township seat as a station): the one drawn on top,
 * i.e. the lowest `order` (active before disabled, bigger roles first).
 */
export function topStation(features: readonly { properties?: unknown }[]): string | null {
  let best: string | null = null;
  let bestOrder = Infinity;
  for (const f of features) {
    const p = f.properties as { id?: unknown; order?: unknown } | null | undefined;
    const id = p?.id;
    const order = Number(p?.order ?? 0);
    if (typeof id === 'string' && order < bestOrder) {
      best = id;
      bestOrder = order;
    }
  }
  return best;
}

export interface Interaction {
  /** Sets the cursor again, e.g. after add mode changed. */
  refreshCursor(): void;
  detach(): void;
}

/** Wires the gestures to `handlers`. */
export function attachInteraction(map: MapLibreMap, handlers: InteractionHandlers): Interaction {
  const canvas = map.getCanvasContainer();
  let drag: Drag | null = null;
  let overStation = false;

  const setCursor = () => {
    canvas.style.cursor = drag?.moved ? 'grabbing' : handlers.isAddMode() ? 'crosshair' : overStation ? 'grab' : '';
  };

  const flush = () => {
    if (!drag) return;
    drag.frame = null;
    handlers.move(drag.id, drag.lng, drag.lat, false);
  };

  const start = (id: string, x: number, y: number, lng: number, lat: number) => {
    drag = { id, startX: x, startY: y, lng, lat, moved: false, frame: null };
    map.dragPan.disable();
    handlers.select(id);
  };

  const track = (x: number, y: number, lng: number, lat: number) => {
    if (!drag) return;
    drag.lng = lng;
    drag.lat = lat;
    if (!drag.moved) {
      if (Math.hypot(x - drag.startX, y - drag.startY) < DRAG_THRESHOLD_PX) return;
      drag.moved = true;
      setCursor();
      // the drag's start at once: MapLibre has asked for a frame for this move already, and the map's
      // own marker of the station must leave in that frame, not in one more (a software frame is ~300 ms)
      handlers.move(drag.id, drag.lng, drag.lat, false);
      return;
    }
    drag.frame ??= requestAnimationFrame(flush);
  };

  const end = () => {
    if (!drag) return;
    const d = drag;
    drag = null;
    if (d.frame !== null) cancelAnimationFrame(d.frame);
    map.dragPan.enable();
    // MapLibre fires no click after the pointer moved past its click tolerance (3 px), so a drop adds nothing
    if (d.moved) handlers.move(d.id, d.lng, d.lat, true);
    setCursor();
  };

  const stationId = (e: MapLayerMouseEvent | MapLayerTouchEvent): string | null => topStation(e.features ?? []);

  const onMouseDown = (e: MapLayerMouseEvent) => {
    if (handlers.isAddMode() || e.originalEvent.button !== 0) return;
    const id = stationId(e);
    if (!id) return;
    e.preventDefault();
    start(id, e.point.x, e.point.y, e.lngLat.lng, e.lngLat.lat);
    window.addEventListener('mouseup', end, { once: true });
  };
  const onMouseMove = (e: MapMouseEvent) => track(e.point.x, e.point.y, e.lngLat.lng, e.lngLat.lat);
  const onTouchStart = (e: MapLayerTouchEvent) => {
    if (handlers.isAddMode() || e.points.length !== 1) return;
    const id = stationId(e);
    if (!id) return;
    e.preventDefault();
    start(id, e.point.x, e.point.y, e.lngLat.lng, e.lngLat.lat);
  };
  const onTouchMove = (e: MapTouchEvent) => {
    if (!drag) return;
    e.preventDefault();
    track(e.point.x, e.point.y, e.lngLat.lng, e.lngLat.lat);
  };

  const onClick = (e: MapMouseEvent) => {
    if (handlers.isAddMode()) {
      handlers.add(e.lngLat.lng, e.lngLat.lat);
      return;
    }
    const hit = map.getLayer(LAYER.stationHit) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.stationHit] }) : [];
    const id = topStation(hit);
    handlers.select(id);
    if (id) handlers.clickStation?.(id);
    else handlers.clickPoint?.(e.lngLat.lng, e.lngLat.lat);
  };

  const onEnter = () => {
    overStation = true;
    setCursor();
  };
  const onLeave = () => {
    overStation = false;
    setCursor();
  };

  map.on('mousedown', LAYER.stationHit, onMouseDown);
  map.on('mousemove', onMouseMove);
  map.on('touchstart', LAYER.stationHit, onTouchStart);
  map.on('touchmove', onTouchMove);
  map.on('touchend', end);
  map.on('touchcancel', end);
  map.on('click', onClick);
  map.on('mouseenter', LAYER.stationHit, onEnter);
  map.on('mouseleave', LAYER.stationHit, onLeave);

  const detach = () => {
    map.off('mousedown', LAYER.stationHit, onMouseDown);
    map.off('mousemove', onMouseMove);
    map.off('touchstart', LAYER.stationHit, onTouchStart);
    map.off('touchmove', onTouchMove);
    map.off('touchend', end);
    map.off('touchcancel', end);
    map.off('click', onClick);
    map.off('mouseenter', LAYER.stationHit, onEnter);
    map.off('mouseleave', LAYER.stationHit, onLeave);
    window.removeEventListener('mouseup', end);
    if (drag?.frame != null) cancelAnimationFrame(drag.frame);
    drag = null;
  };
  return { refreshCursor: setCursor, detach };
}
