/**
 * Runs a callback once MapLibre has loaded the latest data of some GeoJSON
 * sources (their tiles rebuilt in its worker), in the same task as the load
 * event, so whatever the callback changes is drawn in the frame that shows the
 * new data: one frame instead of two, and a frame is what a software GPU makes
 * the page wait for. Gives up waiting after `timeoutMs`.
 */
import type { Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';

/**
 * @param ids the sources just given new data
 * @returns a function that cancels the wait (the callback then never runs)
 * @example const cancel = whenSourcesLoaded(map, ['stations', 'radii'], 150, () => paint());
 */
export function whenSourcesLoaded(map: MapLibreMap, ids: readonly string[], timeoutMs: number, callback: () => void): () => void {
  let done = false;
  const waiting = new Set(ids);
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    map.off('sourcedata', onData);
    callback();
  };
  const onData = (e: MapSourceDataEvent) => {
    // a source's data event comes per tile: it is loaded when the last of its tiles is
    if (!waiting.has(e.sourceId) || e.sourceDataType === 'metadata' || !map.isSourceLoaded(e.sourceId)) return;
    waiting.delete(e.sourceId);
    if (waiting.size === 0) finish();
  };
  const timer = setTimeout(finish, timeoutMs);
  map.on('sourcedata', onData);
  return () => {
    done = true;
    clearTimeout(timer);
    map.off('sourcedata', onData);
  };
}
