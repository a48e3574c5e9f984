/**
 * Township zones for display: outlines of the loaded counties, name labels
 * at the seats, and which zone a point stands in (to choose the radius drawn
 * around a station).
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { latLngToCell } from 'h3-js';
import { booleanPointInPolygon } from '@turf/turf';
import type { Rules } from '../core/rules.ts';
import type { AreaType, Station, Zone } from '../core/types.ts';
import { placeName } from '../i18n/place-name.ts';
import type { Language } from '../i18n/types.ts';
import { mapLabel } from './text.ts';

export interface ZoneProperties {
  code: string;
  name: string;
  county: string;
  areaType: AreaType;
}

export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProperties>;
export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;

/**
 * Label points at the zone seats (zones without a seat get no label).
 * @example zoneLabelFeatures([{ code: '1', name: '桃城镇', county: '350525', countyName: '永春县', areaType: 'urban', seat: [118.29, 25.32] }]).features[0].properties.name // '桃城镇'
 */
export function zoneLabelFeatures(zones: readonly Zone[], language: Language = 'zh-CN'): FeatureCollection<Point, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: zones
      .filter((z) => z.seat !== null)
      .map((z) => ({ type: 'Feature', properties: { code: z.code, name: mapLabel(placeName(z.name, language)) }, geometry: { type: 'Point', coordinates: z.seat as [number, number] } })),
  };
}

/** What the map knows to place a point in a zone. */
export interface ZoneLookup {
  /** Default area type by zone code (from the dataset and the zone outlines). */
  areaTypes: ReadonlyMap<string, AreaType>;
  /** Cell index of an H3 index (undefined when not a cell of the grid), and the grid's resolution. */
  cellAt: ((h3: string) => number | undefined) | null;
  resolution: number;
  /** Zone index per cell (into `zones`), -1 none. */
  cellZone: ArrayLike<number> | null;
  zones: readonly Zone[];
  /** Outlines to test when the point is on no cell. */
  outlines: readonly ZoneFeature[];
}

export function makeZoneLookup(parts: Partial<ZoneLookup>): ZoneLookup {
  const areaTypes = new Map<string, AreaType>();
  for (const f of parts.outlines ?? []) areaTypes.set(f.properties.code, f.properties.areaType);
  for (const z of parts.zones ?? []) areaTypes.set(z.code, z.areaType);
  return {
    areaTypes,
    cellAt: parts.cellAt ?? null,
    resolution: parts.resolution ?? 9,
    cellZone: parts.cellZone ?? null,
    zones: parts.zones ?? [],
    outlines: parts.outlines ?? [],
  };
}

/**
 * Code of the zone a station stands in: the zone of the cell under it (its
 * real position, also after a drag), else its recorded township, else the
 * zone outline containing it; null when none is known.
 */
export function stationZoneCode(station: Pick<Station, 'lng' | 'lat' | 'township'>, lookup: ZoneLookup): string | null {
  if (lookup.cellAt && lookup.cellZone) {
    const i = lookup.cellAt(latLngToCell(station.lat, station.lng, lookup.resolution));
    if (i !== undefined && lookup.cellZone[i] >= 0) return lookup.zones[lookup.cellZone[i]].code;
  }
  if (station.township && lookup.areaTypes.has(station.township)) return station.township;
  const point: [number, number] = [station.lng, station.lat];
  const hit = lookup.outlines.find((f) => booleanPointInPolygon(point, f));
  return hit ? hit.properties.code : null;
}

/**
 * Area type of a zone under the rules (the planner's override first); rural
 * when the zone is unknown, the wider reading, so no reach is hidden.
 */
export function zoneAreaType(code: string | null, lookup: ZoneLookup, rules: Rules): AreaType {
  if (code === null) return 'rural';
  return rules.areaTypeOverrides[code] ?? lookup.areaTypes.get(code) ?? 'rural';
}
