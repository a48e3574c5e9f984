/**
 * Coverage results as GeoJSON FeatureCollections (RFC 7946, WGS84 lng/lat):
 * per-cell status as H3 hexagons, and gap groups as outlines. Properties keep
 * the names of the public report JSON (h3, population, status,
 * nearestStationId, distanceKm; rank, population, gapPopulation, …). RFC 7946
 * has no `crs` member, so the collection carries a foreign `properties`
 * member naming the CRS, the distance unit and the population source.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { cellsToMultiPolygon, cellToBoundary } from 'h3-js';
import type { CellRow } from '../core/evaluate.ts';
import type { GapFigures, GapSite } from '../core/gaps.ts';
import type { StatusName } from '../core/types.ts';
import { gapAreaName, gapAreaShares } from '../i18n/gap-area-name.ts';
import type { Language } from '../i18n/types.ts';
import { EXPORT_DICTIONARIES, isModelled, populationNote, type PopulationSource } from './table-vocabulary.ts';

/** What every exported collection says about itself. */
export interface CollectionNotes {
  crs: string;
  distanceUnit: string;
  populationSource: string;
  populationModelled: boolean;
  [key: string]: unknown;
}

/** A FeatureCollection with the foreign `properties` member (ignored by readers that do not know it). */
export type NotedCollection<G extends Polygon | MultiPolygon | Point, P> = FeatureCollection<G, P> & { properties: CollectionNotes };

export interface GeoJsonOptions {
  populationSource: PopulationSource;
  /** Language of the gap areas' names and township shares (default zh-CN). */
  language?: Language;
  /** Decimal places of coordinates (default 6 ≈ 0.1 m); rounding keeps rings closed. */
  precision?: number;
}

export type CellProperties = CellRow & { populationModelled: boolean };

/** Rounds every position of a ring to `precision` decimals. */
export function roundRing(ring: readonly Position[], precision: number): Position[] {
  const f = 10 ** precision;
  return ring.map(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]);
}

export function collectionNotes(source: PopulationSource, crs = 'WGS84'): CollectionNotes {
  return {
    crs,
    distanceUnit: 'km (geodesic)',
    populationSource: populationNote(source, EXPORT_DICTIONARIES.en),
    populationModelled: isModelled(source),
  };
}

/**
 * Cells as H3 hexagons ([lng, lat], closed counter-clockwise rings) with
 * their status. `only` keeps the cells of the given statuses (e.g. gaps only,
 * for a smaller file).
 * @example cellsGeoJson(report.cells, { populationSource: { kind: 'demo' }, only: ['gap'] })
 */
export function cellsGeoJson(cells: readonly CellRow[], options: GeoJsonOptions & { only?: readonly StatusName[] }): NotedCollection<Polygon, CellProperties> {
  const precision = options.precision ?? 6;
  const keep = options.only ? new Set(options.only) : null;
  const modelled = isModelled(options.populationSource);
  const features = [];
  for (const cell of cells) {
    if (keep && !keep.has(cell.status)) continue;
    features.push({
      type: 'Feature' as const,
      id: cell.h3,
      geometry: { type: 'Polygon' as const, coordinates: [roundRing(cellToBoundary(cell.h3, true), precision)] },
      properties: { ...cell, populationModelled: modelled },
    });
  }
  const notes = collectionNotes(options.populationSource);
  // on roads every row carries `minutes` (null: not reached within the horizon, or no road access)
  if (cells.some((c) => c.minutes !== undefined)) notes.minutesUnit = 'response time on roads, minutes incl. turnout; null = not reached within the horizon or no road access';
  return { type: 'FeatureCollection', properties: notes, features };
}

/**
 * A gap group to export: its figures (GapFigures, or a report's gap with
 * `centroid: { lng, lat }`), and where its outline comes from: `outline`
 * (the worker's MultiPolygon coordinates), else `cells` (a GapGroup's cell
 * indices, looked up in the `h3` option). With neither, the feature is the
 * centroid point.
 */
export type GapExport = Omit<GapFigures, 'centroid'> & {
  centroid: [number, number] | { lng: number; lat: number };
  bestSite?: GapSite | null;
  cells?: Int32Array;
  outline?: number[][][][] | null;
};

export type GapProperties = Omit<GapFigures, 'centroid'> & {
  /** The area's name by the townships it spans ("一都–横口一带") and each one's share of its people. */
  name: string;
  townshipShares: string;
  centroid: { lng: number; lat: number };
  bestSite: GapSite | null;
  populationModelled: boolean;
};

/**
 * Gap groups as MultiPolygons (or centroid points when no outline is known),
 * most populous first as given.
 * @example gapsGeoJson(result.gaps, { populationSource: { kind: 'demo' }, h3: grid.h3 })
 */
export function gapsGeoJson(gaps: readonly GapExport[], options: GeoJsonOptions & { h3?: readonly string[] }): NotedCollection<MultiPolygon | Point, GapProperties> {
  const precision = options.precision ?? 6;
  const modelled = isModelled(options.populationSource);
  const features = gaps.map((gap) => {
    const { cells, outline, bestSite, centroid: c, ...figures } = gap;
    const centroid = Array.isArray(c) ? { lng: c[0], lat: c[1] } : { lng: c.lng, lat: c.lat };
    let polygons: number[][][][] | null = outline ?? null;
    if (!polygons && cells && options.h3) polygons = cellsToMultiPolygon(Array.from(cells, (i) => options.h3![i]), true);
    const geometry: MultiPolygon | Point = polygons
      ? { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map((ring) => roundRing(ring, precision))) }
      : { type: 'Point', coordinates: [centroid.lng, centroid.lat] };
    const language = options.language ?? 'zh-CN';
    const properties: GapProperties = {
      ...figures,
      name: gapAreaName(figures.townships, figures.population, language),
      townshipShares: gapAreaShares(figures.townships, figures.population, language),
      centroid,
      bestSite: bestSite ?? null,
      populationModelled: modelled,
    };
    return { type: 'Feature' as const, id: gap.rank, geometry, properties };
  });
  return { type: 'FeatureCollection', properties: collectionNotes(options.populationSource), features };
}

/** GeoJSON text with the mime type GIS tools expect. */
export function geoJsonBlob(collection: object): Blob {
  return new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
}
