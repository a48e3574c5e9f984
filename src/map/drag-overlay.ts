/**
 * The station being dragged, drawn as a DOM marker (the station's dot and
 * its rings as SVG circles) instead of in the map's GeoJSON sources. Moving a
 * DOM element needs no WebGL frame, while every setData of the stations and
 * rings sources costs three or four: with a software-rendered map (~130 ms a
 * frame) those frames were most of a drag step's time. Meanwhile the map
 * hides its own marker and rings of the station (a feature-state, one frame).
 * On release the station goes back into the sources and the overlay leaves
 * once they have drawn it, so the marker never blinks. Radii come from
 * src/core/rings.ts.
 */
import type maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadedMapLibrary } from './library.ts';
import { ringSpecs, type RingKind } from '../core/rings.ts';
import type { Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import { COLOURS } from './layers.ts';
import { stationFeature } from './stations.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Web Mercator: metres per CSS pixel at the equator at zoom 0 for MapLibre's 512 px tiles. */
const EQUATOR_METRES_PER_PX_Z0 = (2 * Math.PI * 6_378_137) / 512;

/** CSS pixels of `radiusKm` on the map at `lat` and `zoom` (Mercator is conformal: a small circle stays a circle). */
export function radiusPx(radiusKm: number, lat: number, zoom: number): number {
  const metresPerPx = (EQUATOR_METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;
  return (radiusKm * 1000) / metresPerPx;
}

export interface OverlayRing {
  radiusKm: number;
  colour: string;
  widthPx: number;
  /** SVG stroke-dasharray, or '' for a solid line. */
  dash: string;
}

/** The rings the map would draw for the station (same radii, colours and dashes as its line layers; `kinds` as ringKindsShown). */
export function overlayRings(rules: Rules, areaTypes: readonly AreaType[], selected: boolean, kinds: ReadonlySet<RingKind> = new Set(['cover', 'circle'])): OverlayRing[] {
  return areaTypes.flatMap((areaType) =>
    ringSpecs(rules, areaType).filter((spec) => kinds.has(spec.ring)).map((spec) => {
      if (spec.ring === 'circle') return { radiusKm: spec.radiusKm, colour: COLOURS.circle, widthPx: selected ? 2.4 : 1.4, dash: '1.4 2.1' };
      const colour = areaType === 'urban' ? COLOURS.urbanRadius : COLOURS.ruralRadius;
      return { radiusKm: spec.radiusKm, colour, widthPx: selected ? 2.6 : 1.5, dash: spec.dashed ? '8 6' : '' };
    }),
  );
}

export class DragOverlay {
  private marker: maplibregl.Marker | null = null;
  private svg: SVGSVGElement | null = null;
  private rings: OverlayRing[] = [];
  private station: Station | null = null;
  private selected = false;
  private leaving: (() => void) | null = null;
  private readonly onZoom = () => this.layout();

  constructor(private readonly map: MapLibreMap) {}

  /** The id of the station drawn by the overlay, if any. */
  get stationId(): string | null {
    return this.station?.id ?? null;
  }

  /** Draws (or moves) the dragged station with its rings. */
  show(station: Station, rings: OverlayRing[], selected: boolean): void {
    this.cancelLeave();
    this.station = station;
    this.rings = station.status === 'disabled' ? [] : rings;
    if (!this.marker) {
      this.svg = document.createElementNS(SVG_NS, 'svg');
      const element = document.createElement('div');
      element.className = 'drag-overlay';
      element.dataset.testid = 'drag-overlay';
      // the pointer belongs to the map, which tracks the drag
      element.style.pointerEvents = 'none';
      element.style.willChange = 'transform';
      element.appendChild(this.svg);
      this.marker = new (loadedMapLibrary().Marker)({ element, anchor: 'center' });
      this.map.on('zoom', this.onZoom);
    }
    this.selected = selected;
    this.marker.setLngLat([station.lng, station.lat]);
    this.layout();
    if (!this.marker.getElement().isConnected) this.marker.addTo(this.map);
  }

  /**
   * Removes the overlay once `drawn` says the map's sources hold the dropped
   * station (checked on each rendered frame): `reveal` then shows it on the
   * map, and the overlay leaves with the next frame, which draws it. Without
   * `drawn` the overlay goes at once.
   */
  hide(drawn?: () => boolean, reveal?: () => void): void {
    if (!this.marker) return;
    if (!drawn) {
      this.remove();
      return;
    }
    this.cancelLeave();
    let revealed = false;
    const check = () => {
      if (revealed) this.remove();
      else if (drawn()) {
        revealed = true;
        reveal?.();
        this.map.triggerRepaint();
      }
    };
    // a fallback: no further frame may come
    const timer = setTimeout(() => {
      if (!revealed) reveal?.();
      this.remove();
    }, 1000);
    this.map.on('render', check);
    this.leaving = () => {
      clearTimeout(timer);
      this.map.off('render', check);
    };
  }

  private cancelLeave(): void {
    this.leaving?.();
    this.leaving = null;
  }

  private remove(): void {
    this.cancelLeave();
    this.map.off('zoom', this.onZoom);
    this.marker?.remove();
    this.marker = null;
    this.svg = null;
    this.station = null;
  }

  /** Sizes the SVG for the current zoom: rings in kilometres become pixels. */
  private layout(): void {
    const svg = this.svg;
    const station = this.station;
    if (!svg || !station) return;
    const zoom = this.map.getZoom();
    const p = stationFeature(station, this.selected).properties;
    const dotPx = p.radius + (p.status === 'proposed' ? 3.2 : 1.6);
    const rings = this.rings.map((r) => ({ ...r, px: radiusPx(r.radiusKm, station.lat, zoom) }));
    const half = Math.ceil(Math.max(dotPx + 8, ...rings.map((r) => r.px + r.widthPx))) + 1;
    svg.setAttribute('width', String(2 * half));
    svg.setAttribute('height', String(2 * half));
    svg.setAttribute('viewBox', `${-half} ${-half} ${2 * half} ${2 * half}`);
    const parts: SVGElement[] = rings.map((r) =>
      circleElement(r.px, { fill: 'none', stroke: r.colour, 'stroke-width': String(r.widthPx), 'stroke-opacity': '0.85', ...(r.dash ? { 'stroke-dasharray': r.dash } : {}) }),
    );
    if (this.selected) parts.push(circleElement(p.radius + 7, { fill: 'rgba(255,214,0,0.35)', stroke: COLOURS.gapHighlight, 'stroke-width': '2' }));
    const fill = p.status === 'proposed' ? '#ffffff' : p.status === 'disabled' ? COLOURS.disabled : p.colour;
    const stroke = p.status === 'proposed' ? COLOURS.proposed : p.status === 'disabled' ? '#757575' : '#ffffff';
    parts.push(circleElement(p.radius, { fill, stroke, 'stroke-width': p.status === 'proposed' ? '3.2' : '1.6' }));
    svg.replaceChildren(...parts);
  }
}

function circleElement(r: number, attributes: Record<string, string>): SVGCircleElement {
  const c = document.createElementNS(SVG_NS, 'circle');
  c.setAttribute('r', String(r));
  for (const [k, v] of Object.entries(attributes)) c.setAttribute(k, v);
  return c;
}
