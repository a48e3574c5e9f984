/**
 * Approximate township zones: the Voronoi diagram of one county's township
 * seats in a local equirectangular projection, clipped to the county outline.
 * The same projection answers "nearest seat" for population cells, so a cell's
 * zone and the zone polygon it falls in agree.
 */
import { Delaunay } from 'd3-delaunay';
import { bbox, bboxClip, centroid, feature, featureCollection, intersect, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { equirectangular, polygonsOf, roundPolygonal, type Equirectangular } from './geo.ts';
import type { Township } from './townships.ts';

export interface ZoneProperties {
  code: string;
  name: string;
  county: string;
  countyName: string;
  areaType: 'urban' | 'rural';
  approximate: true;
}

export interface CountyZones {
  /** Zone polygons of the county's seated townships, sorted by code (a seat whose cell misses the outline has none). */
  zones: Feature<Polygon | MultiPolygon, ZoneProperties>[];
  /** Code of the township whose seat is nearest to a point, in the zone projection. */
  nearest(lng: number, lat: number): string;
  projection: Equirectangular;
}

/** The outline clipped to a box (Sutherland–Hodgman), without the rings that vanish; null when nothing is left. */
function clipToBox(outline: Polygon | MultiPolygon, box: [number, number, number, number]): Polygon | MultiPolygon | null {
  const polys = polygonsOf(bboxClip(outline, box).geometry as Polygon | MultiPolygon)
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0 && rings[0].length >= 4);
  if (polys.length === 0) return null;
  return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * Builds the zones of one county from its townships (those without a seat are
 * skipped) and its WGS84 outline. Throws when two seats coincide, since one of
 * them would get no Voronoi cell.
 */
export function buildCountyZones(townships: readonly Township[], outline: Polygon | MultiPolygon): CountyZones {
  const seated = townships.filter((t) => t.seat !== null);
  if (seated.length === 0) throw new Error(`County ${townships[0]?.county}: no township has a seat`);
  const outlineFeature = feature(outline);
  const projection = equirectangular(centroid(outlineFeature).geometry.coordinates[1]);
  const points = seated.map((t) => projection.project(t.seat![0], t.seat![1]));
  const seen = new Map<string, string>();
  seated.forEach((t, i) => {
    const key = points[i].join(',');
    if (seen.has(key)) throw new Error(`Townships ${seen.get(key)} and ${t.code} have the same seat`);
    seen.set(key, t.code);
  });
  const delaunay = Delaunay.from(points);
  // Voronoi bounds: the projected outline box, padded so no clipped zone touches them
  const [minLng, minLat, maxLng, maxLat] = bbox(outlineFeature);
  const [x0, y0] = projection.project(minLng, minLat);
  const [x1, y1] = projection.project(maxLng, maxLat);
  const pad = 0.1;
  const voronoi = delaunay.voronoi([
    Math.min(x0, ...points.map((p) => p[0])) - pad,
    Math.min(y0, ...points.map((p) => p[1])) - pad,
    Math.max(x1, ...points.map((p) => p[0])) + pad,
    Math.max(y1, ...points.map((p) => p[1])) + pad,
  ]);
  const zones: Feature<Polygon | MultiPolygon, ZoneProperties>[] = [];
  seated.forEach((t, i) => {
    const ring = voronoi.cellPolygon(i);
    if (!ring) throw new Error(`Township ${t.code}: no Voronoi cell`);
    const cell = polygon([ring.map(([x, y]) => projection.unproject(x, y))]);
    // the convex cell lies inside its box, so clipping the outline to the box first changes
    // nothing but spares the exact (and slow) polygon intersection most outline vertices
    const local = clipToBox(outline, bbox(cell) as [number, number, number, number]);
    const clipped = local && intersect(featureCollection([cell, feature(local)]));
    const geometry = clipped ? roundPolygonal(clipped.geometry) : null;
    if (!geometry) return;
    zones.push({
      type: 'Feature',
      properties: {
        code: t.code,
        name: t.name,
        county: t.county,
        countyName: t.countyName,
        areaType: t.areaType,
        approximate: true,
      },
      geometry,
    });
  });
  let hint = 0;
  return {
    zones,
    projection,
    nearest(lng, lat) {
      const [x, y] = projection.project(lng, lat);
      // consecutive queries are usually close, so start the walk where the last one ended
      hint = delaunay.find(x, y, hint);
      return seated[hint].code;
    },
  };
}
