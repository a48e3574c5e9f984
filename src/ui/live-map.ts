/**
 * The map on screen, handed from MapView (which creates it) to the UI that
 * exports it (the export button and dialog). A React-free holder, so the
 * export code receives the map as an argument instead of reading a global.
 */
import type maplibregl from 'maplibre-gl';
import { useSyncExternalStore } from 'react';

let current: maplibregl.Map | null = null;
const listeners = new Set<() => void>();

/** Called by MapView when its map is created (the map) and removed (null). */
export function setLiveMap(map: maplibregl.Map | null): void {
  current = map;
  listeners.forEach((l) => l());
}

/** The map on screen, or null before it exists. */
export function getLiveMap(): maplibregl.Map | null {
  return current;
}

/** The map on screen as React state. */
export function useLiveMap(): maplibregl.Map | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getLiveMap,
    getLiveMap,
  );
}
