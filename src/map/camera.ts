/** Moves the camera for focus requests (region, township, gap area, station), each request once. */
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { focusTarget, type FocusContext } from './focus.ts';
import type { FocusRequest } from './map-input.ts';

const POINT_ZOOM = 12.5;

/** What the camera looks targets up in (the focus context without the point zoom, which the camera owns). */
export type CameraContext = Omit<FocusContext, 'pointZoom'>;

export class Camera {
  private done = -1;
  private moved = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly padding: () => PaddingOptions,
  ) {}

  /** Applies a request not applied yet; one whose target is not known yet (data loading) is tried on the next call. */
  apply(request: FocusRequest | null, context: CameraContext): void {
    if (!request || request.nonce === this.done) return;
    const target = focusTarget(request, { ...context, pointZoom: POINT_ZOOM });
    if (!target) return;
    this.done = request.nonce;
    const duration = this.moved ? 700 : 0;
    this.moved = true;
    if ('bounds' in target) this.map.fitBounds(target.bounds, { padding: this.padding(), duration, maxZoom: 15 });
    else this.map.flyTo({ center: target.center, zoom: Math.max(this.map.getZoom(), target.zoom), duration });
  }
}
