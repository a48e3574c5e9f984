/** A marker on the point the open point card describes, so the reader sees which place the card is about. */
import type maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadedMapLibrary } from './library.ts';

export class PickedPoint {
  private marker: maplibregl.Marker | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** Shows the marker at a WGS84 point, or removes it (null). */
  show(point: [number, number] | null): void {
    if (!point) {
      this.marker?.remove();
      this.marker = null;
      return;
    }
    if (!this.marker) {
      const element = document.createElement('div');
      element.className = 'ems-picked-point';
      element.setAttribute('data-testid', 'picked-point');
      this.marker = new (loadedMapLibrary().Marker)({ element }).setLngLat(point).addTo(this.map);
    } else this.marker.setLngLat(point);
  }
}
