/**
 * MapLibre, loaded when the map is first made rather than with the app: about
 * 1 MB of code that the page would otherwise fetch and run before its first
 * figures, which do not need it (the map is made once they are on screen).
 */
import type maplibregl from 'maplibre-gl';

export type MapLibrary = typeof maplibregl;

let loading: Promise<MapLibrary> | null = null;
let loaded: MapLibrary | null = null;

/** The library, fetched and run on the first call; a failed load is tried again on the next call. */
export function loadMapLibrary(): Promise<MapLibrary> {
  loading ??= import('maplibre-gl').then(
    (m) => (loaded = (m as unknown as { default?: MapLibrary }).default ?? (m as unknown as MapLibrary)),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The library once loaded, for code that only runs on a live map (markers, overlays): the map was made with it. */
export function loadedMapLibrary(): MapLibrary {
  if (!loaded) throw new Error('MapLibre is used before the map was made.');
  return loaded;
}
