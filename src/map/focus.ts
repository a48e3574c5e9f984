/**
 * Where the camera goes for a focus request: a box to fit or a point to fly
 * to, from data the map already holds.
 */
import type { Position } from 'geojson';
import type { FocusRequest } from './map-input.ts';
import type { Station } from '../core/types.ts';
import type { GapSummary } from '../worker/api.ts';
import type { Bounds } from './cells.ts';
import type { ZoneFeature } from './zones.ts';

export type CameraTarget = { bounds: Bounds } | { center: [number, number]; zoom: number };

export interface FocusContext {
  /** Box of all loaded cells. */
  regionBounds: Bounds | null;
  /** Zone outline by code, when the outlines are loaded. */
  zoneOutline: (code: string) => ZoneFeature | undefined;
  /** Box of the cells of a zone, when the zone has cells. */
  zoneCellBounds: (code: string) => Bounds | null;
  gaps: readonly GapSummary[];
  stations: readonly Station[];
  /** Zoom when flying to a point. */
  pointZoom: number;
}

/** Box around any nesting of [lng, lat] positions; null when there are none. */
export function boundsOf(coordinates: unknown): Bounds | null {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [lng, lat] = c as Position;
      if (lng < box[0]) box[0] = lng;
      if (lat < box[1]) box[1] = lat;
      if (lng > box[2]) box[2] = lng;
      if (lat > box[3]) box[3] = lat;
      return;
    }
    for (const inner of c) visit(inner);
  };
  visit(coordinates);
  return Number.isFinite(box[0]) ? box : null;
}

/** Share of a township's width (and height) kept in view on each side of it when zooming to it. */
export const ZONE_MARGIN = 0.4;

/**
 * A box grown by `fraction` of its width and height on each side.
 * @example padBounds([0, 0, 2, 1], 0.5) // [-1, -0.5, 3, 1.5]
 */
export function padBounds(b: Bounds, fraction: number): Bounds {
  const dx = (b[2] - b[0]) * fraction;
  const dy = (b[3] - b[1]) * fraction;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/**
 * The camera target of a request, or null when the thing asked for is not
 * (yet) known.
 */
export function focusTarget(request: FocusRequest, ctx: FocusContext): CameraTarget | null {
  switch (request.kind) {
    case 'region':
      return ctx.regionBounds ? { bounds: ctx.regionBounds } : null;
    case 'zone': {
      const outline = ctx.zoneOutline(request.code);
      const bounds = outline ? boundsOf(outline.geometry.coordinates) : ctx.zoneCellBounds(request.code);
      // the township with its neighbours around it, not filling the screen
      return bounds ? { bounds: padBounds(bounds, ZONE_MARGIN) } : null;
    }
    case 'gap': {
      const gap = ctx.gaps.find((g) => g.rank === request.rank);
      if (!gap) return null;
      const bounds = gap.outline ? boundsOf(gap.outline) : null;
      return bounds ? { bounds } : { center: gap.centroid, zoom: ctx.pointZoom };
    }
    case 'station': {
      const s = ctx.stations.find((x) => x.id === request.id);
      return s ? { center: [s.lng, s.lat], zoom: ctx.pointZoom } : null;
    }
  }
}
